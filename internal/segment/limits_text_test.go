package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestLimitsInTurkish: a body past a limit reads in ceviri's words, the
// same English as before and Turkish for a Turkish reader, with its
// position; ErrTooLarge too. Fails on the code before the messages were
// ceviri's (English in Turkish).
func TestLimitsInTurkish(t *testing.T) {
	en, tr := clitext.New("en"), clitext.New("tr")
	tests := []struct {
		name, body string
		en, tr     string
	}{
		{"lists", nestedLists(MaxDepth + 1),
			fmt.Sprintf("1:65: block quotes, lists and footnotes nested more than %d deep, the most ceviri reads", MaxDepth),
			"1:65: alıntılar, listeler ve dipnotlar iç içe 32 düzeyden derin; ceviri en fazla bu kadarını okur"},
		{"emphasis", nestedEmph(MaxDepth + 1),
			"1:98: emphasis, links and images nested more than 32 deep, the most ceviri reads",
			"1:98: vurgular, bağlantılar ve görseller iç içe 32 düzeyden derin; ceviri en fazla bu kadarını okur"},
		{"table", table(1000, MaxTableCells/1000),
			"1:1: table of 1000 columns and 101 rows (101000 cells) takes the body past 100000 table cells, the most ceviri reads",
			"1:1: 1.000 sütun ve 101 satırlık tablo (101.000 hücre) gövdeyi 100.000 tablo hücresinin ötesine taşıyor; ceviri en fazla bu kadarını okur"},
		{"heading", "## " + r("[a](b", 26_000) + "\n",
			"1:4: heading too complex to read in bounded time: 52000 markup characters (* _ ~ [ ] ` <) in 130001 bytes, past the limit of the whole body (536870912, characters x bytes of each paragraph); split it or escape the characters",
			"1:4: başlık sınırlı sürede okunamayacak kadar karmaşık: 130.001 baytta 52.000 biçim karakteri (* _ ~ [ ] ` <) var ve bu, gövdenin tamamı için konan sınırı (536.870.912, her paragrafın karakter x bayt çarpımı) aşıyor; bölün ya da karakterlerin önüne \\ koyun"},
		{"table row", "|a|\n|-|\n" + r("|"+r("*a_ ", 1000)+"|\n", 200),
			"70:1: table row too complex",
			"70:1: tablo satırı sınırlı sürede"},
		{"link references", r("[a]: /u\n", 12_000),
			"1:1: paragraph too complex to read in bounded time: 12000 link reference definitions in 12000 lines, past the limit of the whole body (536870912); separate them with blank lines",
			"1:1: paragraf sınırlı sürede okunamayacak kadar karmaşık: 12.000 satırda 12.000 bağlantı tanımı var"},
		{"link bytes", "[a]: /" + r("x", 100_000) + "\n\n" + r("[a] ", 170),
			"3:670: links and images point to more than 16 MiB of destinations and titles, the most ceviri reads (a reference link repeats its definition's)",
			"3:670: bağlantıların ve görsellerin hedefleri ve başlıkları toplam 16 MiB'ı aşıyor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.body), 1, false)
			le, ok := AsLimit(err)
			if !ok {
				t.Fatalf("error %v, want a limit error", err)
			}
			if got := en.Error(err); !strings.HasPrefix(got, tt.en) || got != err.Error() {
				t.Errorf("English:\n%s\nwant\n%s", got, tt.en)
			}
			if got := tr.Error(err); !strings.HasPrefix(got, tt.tr) {
				t.Errorf("Turkish:\n%s\nwant\n%s", got, tt.tr)
			}
			// The message alone, as project puts it after the file's position.
			if got, want := tr.Error(le.Cause()), strings.SplitN(tr.Error(err), ": ", 2)[1]; got != want {
				t.Errorf("Turkish cause %q, want %q", got, want)
			}
		})
	}
	if got := en.Error(ErrTooLarge); got != "file is larger than 4 MiB (4194304 bytes), the most ceviri reads" {
		t.Errorf("ErrTooLarge in English: %q", got)
	}
	if got := tr.Error(ErrTooLarge); got != "dosya 4 MiB'tan (4.194.304 bayt) büyük; ceviri en fazla bu kadarını okur" {
		t.Errorf("ErrTooLarge in Turkish: %q", got)
	}
}

// TestMDXLimitInTurkish: MDX's limit of unclosed tags, in both languages.
func TestMDXLimitInTurkish(t *testing.T) {
	_, err := ReadAs([]byte(r("{\n", 200_000)), 1, true, MDX)
	if _, ok := AsLimit(err); !ok {
		t.Fatalf("error %v, want a limit error", err)
	}
	if got := err.Error(); !strings.Contains(got, `MDX too complex to read in bounded time: JSX tags and {expressions} that do not close, past the limit of the whole body (536870912 bytes read); close them or escape the "<" and "{"`) {
		t.Errorf("English: %s", got)
	}
	if got := clitext.New("tr").Error(err); !strings.Contains(got, `MDX sınırlı sürede okunamayacak kadar karmaşık: kapanmayan JSX etiketleri ve {ifadeler}`) {
		t.Errorf("Turkish: %s", got)
	}
}
