package cli

import (
	"bytes"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/track"
)

// TestPendingTextNumbers checks pending's table, total, match bands and
// estimate note with large numbers in English (digits alone, as ever) and
// Turkish (1.250, the columns aligned by their display width).
func TestPendingTextNumbers(t *testing.T) {
	n := func(i int) *int { return &i }
	items := []*pendingItem{
		{ID: "a", State: track.Stale, PendingWords: 1250, ChangedSegments: n(1), Path: "articles/a/en.md"},
		{ID: "b", State: track.Missing, PendingWords: 12000, Placeholder: true, Path: "articles/b/en.md"},
		{ID: "c", State: track.Untracked, PendingWords: 3, Note: "why", Path: "articles/c/en.md"},
	}
	bands := &matchBands{Exact: 1000, High: 2, Mid: 0, Low: 0, NoMatch: 12251}
	for _, tc := range []struct{ lang, table, note string }{
		{"en", `ARTICLE  STATE                  WORDS  DATE  FILE
a        stale (1 segment)       1250  -     articles/a/en.md
b        missing (placeholder)  12000  -     articles/b/en.md
c        untracked                 ~3  -     articles/c/en.md

total: 3 versions, 13253 words to translate

MATCH  100%  95-99%  85-94%  75-84%  no match
words  1000       2       0       0     12251
`, "articles/c/en.md: ~3 words is an estimate (the whole source): why"},
		{"tr", `MAKALE  DURUM               KELİME  TARİH  DOSYA
a       eskimiş (1 bölüm)    1.250  -      articles/a/en.md
b       eksik (yer tutucu)  12.000  -      articles/b/en.md
c       izlenmiyor              ~3  -      articles/c/en.md

toplam: 3 sürüm, çevrilecek 13.253 kelime

EŞLEŞME   %100  %95-99  %85-94  %75-84  eşleşme yok
kelime   1.000       2       0       0       12.251
`, "articles/c/en.md: ~3 kelime bir tahmin (bütün kaynak sayıldı): why"},
	} {
		var out bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &out, Getenv: func(k string) string {
			if k == "CEVIRI_LANG" {
				return tc.lang
			}
			return ""
		}}
		writePendingTable(env, items, 13253)
		writeBands(env, env.text(), bands)
		if out.String() != tc.table {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.lang, out.String(), tc.table)
		}
		if got := estimateNote(clitext.New(tc.lang), items[2]); got != tc.note {
			t.Errorf("%s: note %q, want %q", tc.lang, got, tc.note)
		}
	}
}

// TestExportFitsText checks export's refusal of a file import would not
// read back: English as it was (digits alone, a decimal point), Turkish
// with its own numbers (70,5 MiB, 300.000 birim).
func TestExportFitsText(t *testing.T) {
	size := 70*(1<<20) + (1 << 19)
	for _, tc := range []struct{ lang, want string }{
		{"en", "ceviri: the export would be 70.5 MiB with 300000 units, more than import reads back from one file (64 MiB, 250000 units); nothing written\nhint: export fewer articles per file: ceviri export --lang en ID...\n"},
		{"tr", "ceviri: dışa aktarım 300.000 birimle 70,5 MiB olurdu; bu, import'un tek bir dosyadan geri okuduğundan fazla (64 MiB, 250.000 birim); hiçbir şey yazılmadı\nipucu: dosya başına daha az makale aktarın: ceviri export --lang en ID...\n"},
	} {
		tx := clitext.New(tc.lang)
		err := exportFitsIn(tx, "xliff", size, 300000, "en")
		var b bytes.Buffer
		printErrIn(&b, err, tx)
		if b.String() != tc.want {
			t.Errorf("%s: got %q, want %q", tc.lang, b.String(), tc.want)
		}
	}
	if err := exportFits("po", 1<<20, 10, "en"); err != nil {
		t.Errorf("a small export refused: %v", err)
	}
}
