package check

import (
	"errors"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/ceviri/ceviri/internal/track"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// TestFindingsInTurkish checks that a finding's message is whole in the
// reader's language: the Turkish of every kind the content, front-matter
// and locale rules make, composed from its parts (a block's shape, a
// link's difference, code's places, counts), and that its English is the
// Message check always wrote.
func TestFindingsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	tests := []struct {
		name, old, new string
		want           string
	}{
		{"number", "1,250 students", "1,260 students", "kaynakta 1.250 sayısı (satır 8), çeviride 1,260"},
		{"link", "(/en/duyurular/kutuphane/)", "(/en/duyurular/eski/)", "kaynakta /tr/duyurular/kutuphane/ adresine giden bağlantı (satır 9) çeviride /en/duyurular/eski/"},
		{"link to another page", "(https://example.edu.tr/yonetmelik.pdf)", "(https://example.edu.tr/regulation.pdf)", "kaynakta https://example.edu.tr/yonetmelik.pdf adresine giden bağlantı (satır 9) çeviride https://example.edu.tr/regulation.pdf (example.edu.tr üzerinde başka bir sayfa)"},
		{"link dropped", "the [regulation](https://example.edu.tr/yonetmelik.pdf)", "the regulation", "kaynakta https://example.edu.tr/yonetmelik.pdf adresine giden bir bağlantı var (satır 9), çeviride yok"},
		{"inline code", "run `kayit --ogrenci`", "run `kayit --student`", "kaynakta `kayit --ogrenci` (satır 22), çeviride `kayit --student`"},
		{"code block", "kayit --ogrenci 2025\n", "kayit --student 2025\n", "kod bloğu kaynaktakinden farklı (satır 25): kaynaktaki `ogrenci` (satır 25) çeviride `student` (satır 26)"},
		{"code block language", "```sh\nkayit", "```bash\nkayit", "kod bloğu kaynaktakinden farklı (satır 25): kaynaktaki bloğun dili sh, çevirideki bloğun bash"},
		{"heading level", "## Opening hours", "### Opening hours", "kaynakta 2. düzey başlık (satır 11), çeviride 3. düzey başlık"},
		{"list item", "- Saturday 10:00-18:00\n", "- Saturday 10:00-18:00\n- Holidays closed\n", "kaynakta 2 maddelik liste (satır 13), çeviride 3 maddelik liste"},
		{"table", "| Sunday | closed |\n", "| Sunday | closed |\n| Monday | open |\n", "kaynakta 2 sütun x 2 satırlık tablo (satır 16), çeviride 2 sütun x 3 satırlık tablo"},
		{"block added", "Do not forget to bring your library card.", "Do not forget to bring your library card.\n\n> A quote.", "bu alıntı bloğu Türkçe kaynakta yok"},
		{"untranslated", "Do not forget to bring your library card.", "Kütüphane kartınızı yanınızda getirmeyi sakın unutmayın.", `paragraf "Kütüphane kartınızı yanınızda getirmeyi sakın unutmayın." Türkçe kaynaktakiyle aynı (satır 20); çevrilmemiş görünüyor`},
		{"empty field", `summary: "The main library is open until 23:00 during exam week."`, `summary: ""`, `çevrilen summary alanı boş; Türkçe kaynakta değeri "Merkez kütüphane sınav haftasında 23.00'e kadar açık."`},
		{"missing field", "summary: \"The main library is open until 23:00 during exam week.\"\n", "", "çevrilen summary alanı eksik (Türkçe kaynakta var)"},
		{"shared field", "title: \"Library open at night\"\n", "title: \"Library open at night\"\ndate: 2025-12-04\n", `ortak date alanı Türkçe kaynakta "2025-12-03", burada "2025-12-04"; çeviriden kaldırın ya da eşitleyin (ya da her dil bunu kendisi belirliyorsa date alanını ceviri.yaml'da local altında listeleyin)`},
		{"field not in source", "title: \"Library open at night\"\n", "title: \"Library open at night\"\nauthor: Ada\n", "author alanı burada var ama Türkçe kaynakta yok; ortak alanlar kaynakta durur (ya da author alanını ceviri.yaml'da translatable ya da local altında listeleyin)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(faithfulEN, tt.old) {
				t.Fatalf("%q is not in the faithful translation", tt.old)
			}
			cfg, src, en := parsePair(t, faithfulTR, strings.Replace(faithfulEN, tt.old, tt.new, 1))
			f := finder{id: "a", lang: "en", file: en.Path}
			got := append(compare(cfg, f, src, en, nil), translationFields(cfg, f, src, en)...)
			if len(got) != 1 {
				t.Fatalf("got %d findings %v, want one", len(got), got)
			}
			if en := got[0].Text.String(); en != got[0].Message {
				t.Errorf("English %q, Message %q", en, got[0].Message)
			}
			if s := tr.Text(got[0].Text); s != tt.want {
				t.Errorf("Turkish:\n got %s\nwant %s\n(English: %s)", s, tt.want, got[0].Message)
			}
		})
	}
}

// TestLocaleFindingsInTurkish checks the locale rules' messages in
// Turkish.
func TestLocaleFindingsInTurkish(t *testing.T) {
	cfg, err := config.Parse("ceviri.yaml", []byte("languages: [en, tr]\n"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"locales/en.yaml": {Data: []byte("greeting: \"Hello {{.Name}}\"\nbye: \"Goodbye\"\nitems:\n  one: \"{{.Count}} item\"\n  other: \"{{.Count}} items\"\n")},
		"locales/tr.yaml": {Data: []byte("greeting: \"Merhaba {{.Ad}}\"\nitems:\n  other: \"{{.Count}} öğe\"\nextra: \"Fazla\"\n")},
	}
	set, err := locale.Load(fsys, "locales", cfg.Languages, cfg.Tags)
	if err != nil {
		t.Fatal(err)
	}
	tr := clitext.New("tr")
	var got []string
	for _, f := range LocaleRules(cfg, set) {
		if f.Text.String() != f.Message {
			t.Errorf("English %q, Message %q", f.Text.String(), f.Message)
		}
		got = append(got, tr.Text(f.Text))
	}
	want := []string{
		`bye iletisi (locales/en.yaml:2) eksik; Türkçe sayfalar İngilizce metni gösterir: "Goodbye"`,
		`extra iletisi İngilizce dosyası locales/en.yaml içinde yok; silin ya da oraya ekleyin`,
		`greeting iletisi (other) kaynak iletinin {{.Name}} kullandığı yerde {{.Ad}} kullanıyor (kaynak: "Hello {{.Name}}")`,
		`çoğul ileti items için one biçimi eksik; Türkçe dilinin gerektirdiği biçimler: one, other (CLDR)`,
	}
	sort.Strings(got) // LocaleRules leaves the order to Collect
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWordsByLanguage(t *testing.T) {
	if got := clitext.New("tr").Text(words(12500)); got != "12.500 kelime" {
		t.Errorf("12500 words in Turkish: %q", got)
	}
	if got := words(12500).String(); got != "12500 words" {
		t.Errorf("12500 words in English: %q", got)
	}
}

// TestStateFindingsInTurkish checks the state rules' messages in Turkish,
// the stale one with its counts (a number grouped as Turkish writes it)
// and a placeholder with what makes it one.
func TestStateFindingsInTurkish(t *testing.T) {
	cfg, src, _ := parsePair(t, faithfulTR, faithfulEN)
	f := finder{id: "a", lang: "en", file: "articles/a/en.md"}
	n, words := 3, 1250
	tests := []struct {
		v    track.VersionStatus
		want string
	}{
		{track.VersionStatus{State: track.Missing}, "bu makalenin İngilizce sürümü yok (Türkçe kaynak: articles/a/tr.md); `ceviri translate a --lang en` çalıştırın"},
		{track.VersionStatus{State: track.Missing, Placeholder: true, PlaceholderWhy: clitext.Msg("track_placeholder_marker", "Marker", "untranslated: 1"), PlaceholderLine: 2},
			"bu bir yer tutucu, çeviri değil (untranslated: 1 ile işaretli); Türkçe kaynaktan (articles/a/tr.md) çevirin, sonra `ceviri done a --lang en` çalıştırın"},
		{track.VersionStatus{State: track.Missing, Placeholder: true, PlaceholderWhy: clitext.Msg("track_placeholder_empty"), PlaceholderLine: 4},
			"bu bir yer tutucu, çeviri değil (gövdesi boş); Türkçe kaynaktan (articles/a/tr.md) çevirin, sonra `ceviri done a --lang en` çalıştırın"},
		{track.VersionStatus{State: track.Stale}, "Türkçe kaynak (articles/a/tr.md) bu çeviri yapıldıktan sonra değişti; bkz. `ceviri diff a --lang en`"},
		{track.VersionStatus{State: track.Stale, ChangedSegments: &n}, "Türkçe kaynak (articles/a/tr.md) bu çeviri yapıldıktan sonra değişti (3 bölüm); bkz. `ceviri diff a --lang en`"},
		{track.VersionStatus{State: track.Stale, ChangedSegments: &n, PendingWords: &words}, "Türkçe kaynak (articles/a/tr.md) bu çeviri yapıldıktan sonra değişti (3 bölüm, çevrilecek 1.250 kelime); bkz. `ceviri diff a --lang en`"},
		{track.VersionStatus{State: track.Draft}, "çeviri taslak (translation.draft: true); bitirip `ceviri done a --lang en` çalıştırın"},
		{track.VersionStatus{State: track.Untracked}, "çeviri kaydı yok: ceviri bunun Türkçe kaynağın hangi sürümünün çevirisi olduğunu bilemez; güncel kaynakla örtüşüyorsa `ceviri done a --lang en` çalıştırın"},
		{track.VersionStatus{State: track.Orphan}, `kaynak sürümü yok: "a" makalesinin her sürümünde çeviri kaydı var, yani bunun çevirdiği bir şey yok`},
	}
	tr := clitext.New("tr")
	for _, tt := range tests {
		got := stateFindings(cfg, f, src, &tt.v)
		if len(got) != 1 {
			t.Fatalf("%s: got %v", tt.v.State, got)
		}
		if got[0].Text.String() != got[0].Message {
			t.Errorf("English %q, Message %q", got[0].Text.String(), got[0].Message)
		}
		if s := tr.Text(got[0].Text); s != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.v.State, s, tt.want)
		}
	}
	// English as it always was.
	got := stateFindings(cfg, f, src, &tests[5].v)
	if want := "the Turkish source articles/a/tr.md changed since this translation was made (3 segments, 1250 words to translate); see `ceviri diff a --lang en`"; got[0].Message != want {
		t.Errorf("English: %s", got[0].Message)
	}
}

// TestEnglishAsClitext checks that english writes every message of
// check.en.yaml itself, and as clitext does (Text.String), with values of
// each kind a finding passes: strings, numbers, texts, errors (ceviri's
// own and others) and maps by language.
func TestEnglishAsClitext(t *testing.T) {
	data, err := fs.ReadFile(clitext.Files, "messages/check.en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var msgs map[string]any
	if err := yaml.Unmarshal(data, &msgs); err != nil {
		t.Fatal(err)
	}
	values := []func(name string) any{
		func(name string) any { return name + " value" },
		func(name string) any { return 1250 },
		func(name string) any { return words(3) },
		func(name string) any { return errors.New("an error of " + name) },
		func(name string) any { return clitext.NewError("check_placeholder_matches_empty", "Pattern", q(name)) },
		func(name string) any { return languageName(language.Turkish, "tr") },
		func(name string) any { return "" },
	}
	for id := range msgs {
		parts, ok := englishTemplates()[id]
		if !ok {
			t.Errorf("%s: english does not write it itself", id)
			continue
		}
		for _, v := range values {
			var pairs []any
			for _, p := range parts {
				if p.field != "" {
					pairs = append(pairs, p.field, v(p.field))
				}
			}
			x := clitext.Msg(id, pairs...)
			if got, want := english(x), x.String(); got != want {
				t.Errorf("%s: english %q, clitext %q", id, got, want)
			}
		}
	}
	// A value english cannot write, and a missing one: through clitext.
	for _, x := range []clitext.Text{
		clitext.Msg("check_structure_more", "N", int64(3), "Source", "Turkish"),
		clitext.Msg("check_structure_more", "N", 3),
	} {
		if got, want := english(x), x.String(); got != want {
			t.Errorf("%v: english %q, clitext %q", x, got, want)
		}
	}
}

// BenchmarkStaleFinding is the cost of a stale translation's finding, the
// commonest on a large site: its English is written when it is made.
func BenchmarkStaleFinding(b *testing.B) {
	f := finder{id: "haber-1", lang: "en", file: "articles/haber-1/en.md"}
	src := languageName(language.Turkish, "tr")
	b.ReportAllocs()
	for b.Loop() {
		_ = f.at(StaleTranslation, 3, "check_stale_words", "Source", src, "Path", "articles/haber-1/tr.md",
			"ID", f.id, "Lang", f.lang, "Segments", segments(3), "Words", words(120))
	}
}

// TestLinkDiffInTurkish checks the link differences import refuses a unit
// for, in Turkish; their English is LinkDiff's (TestLinkDiff).
func TestLinkDiffInTurkish(t *testing.T) {
	cfg, err := config.Parse("ceviri.yaml", []byte(linkConfig))
	if err != nil {
		t.Fatal(err)
	}
	l := func(d string) LinkDest { return LinkDest{Dest: d} }
	tests := []struct {
		src, tr []LinkDest
		want    string
	}{
		{[]LinkDest{l("https://example.org/guide")}, []LinkDest{l("https://example.org/other")},
			"kaynakta https://example.org/guide adresine giden bağlantı çeviride https://example.org/other (example.org üzerinde başka bir sayfa)"},
		{[]LinkDest{l("/a"), l("/b")}, []LinkDest{l("/a")}, "kaynaktaki /b adresine giden bağlantı çeviride yok"},
		{nil, []LinkDest{{Image: true, Dest: "/x.png"}}, "/x.png adresine giden görsel kaynakta yok"},
	}
	tr := clitext.New("tr")
	for _, tt := range tests {
		got := LinkDiffText(cfg, "a", "en", "tr", tt.src, tt.tr)
		if len(got) != 1 || tr.Text(got[0]) != tt.want {
			var s []string
			for _, x := range got {
				s = append(s, tr.Text(x))
			}
			t.Errorf("got %q, want %q", s, tt.want)
		}
	}
}
