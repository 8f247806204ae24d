package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
)

// The titles sort in Turkish order: Ç after C, I (dotless) before İ, and
// the browser gets the order as a rank.
func TestTitleOrder(t *testing.T) {
	titles := []string{"Zaman", "İklim", "Çevre", "Ilık", "Cam", "ılgın", "iç", "Deniz", "Öykü", "Ses", "Şehir", "Uzay", "Ülke", "Oda"}
	arts := make([]*Article, len(titles))
	for i, s := range titles {
		arts[i] = &Article{ID: fmt.Sprintf("a%02d", i), Title: s}
	}
	var got []string
	for _, i := range TitleOrder(arts) {
		got = append(got, arts[i].Title)
	}
	want := []string{"Cam", "Çevre", "Deniz", "ılgın", "Ilık", "iç", "İklim", "Oda", "Öykü", "Ses", "Şehir", "Uzay", "Ülke", "Zaman"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order\n got %q\nwant %q", got, want)
	}
	// Equal titles keep id order.
	same := []*Article{{ID: "b", Title: "Aynı"}, {ID: "a", Title: "Aynı"}}
	if o := TitleOrder(same); o[0] != 1 || o[1] != 0 {
		t.Errorf("equal titles: %v, want [1 0]", o)
	}
}

func TestSection(t *testing.T) {
	for id, want := range map[string]string{"a": "", "haber/b": "haber", "x/y/z": "x", "": ""} {
		if got := Section(id); got != want {
			t.Errorf("Section(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestTranslateCommand(t *testing.T) {
	tests := map[string]string{
		"kampus/yapay-zeka": "ceviri translate kampus/yapay-zeka --lang en",
		"it's":              `ceviri translate 'it'\''s' --lang en`,
		"a b;rm -rf":        "ceviri translate 'a b;rm -rf' --lang en",
		"-x":                "ceviri translate '-x' --lang en",
	}
	for id, want := range tests {
		if got := TranslateCommand(id, "en"); got != want {
			t.Errorf("TranslateCommand(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestFormatInt(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0"}, {"en", 999, "999"}, {"en", 1250, "1,250"}, {"tr", 1250, "1.250"},
		{"tr", 1234567, "1.234.567"}, {"en", 100000, "100,000"},
	}
	for _, tt := range tests {
		if got := formatInt(tt.lang, tt.n); got != tt.want {
			t.Errorf("formatInt(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// Every UI language has every key, with the same verbs in the same order.
func TestTextsComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%[a-z]`)
	for _, l := range UILangs {
		if texts[l] == nil {
			t.Fatalf("no texts for %s", l)
		}
		for k, en := range texts["en"] {
			s, ok := texts[l][k]
			if !ok {
				t.Errorf("%s: no %q", l, k)
				continue
			}
			if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(s, -1); strings.Join(a, "") != strings.Join(b, "") {
				t.Errorf("%s %q: verbs %v, English has %v", l, k, b, a)
			}
		}
		if len(texts[l]) != len(texts["en"]) {
			t.Errorf("%s has %d keys, en %d", l, len(texts[l]), len(texts["en"]))
		}
	}
}

const hostile = `<script>window.__xss=1</script>`

// hostileModel has content that tries to run: a title, an id, a path, a
// diff, a finding and a note with markup and javascript: links.
func hostileModel() *Model {
	return &Model{
		UILang: "en", Project: `p<script>x</script>`, Languages: []string{"tr", "en"}, AgeFrom: AgeMtime, Checked: true,
		Articles: []*Article{
			{ID: `x/<img src=x onerror=alert(1)>`, Title: hostile, Source: "tr", Changed: time.Unix(1700000000, 0),
				Cells: map[string]*Cell{
					"tr": {State: track.Source, Path: "articles/x/tr.md"},
					"en": {State: track.Stale, Path: `articles/"><script>alert(2)</script>/en.md`, Owed: 3, Changed: 1, Total: 2,
						Diff: []*track.DiffEntry{{Op: track.Changed, Kind: "paragraph", Segment: "body.1", NewLine: 5,
							Old: "[a](https://example.org)", New: "[a](javascript:alert(1))", Translation: "</template><script>alert(3)</script>", TranslationLine: 7,
							Diff: []wordiff.Span{{Op: wordiff.Equal, Text: "[a]("}, {Op: wordiff.Delete, Text: "https://example.org"}, {Op: wordiff.Insert, Text: "javascript:alert(1)"}, {Op: wordiff.Equal, Text: ")"}}}}},
				},
				Findings: []Finding{{Severity: "error", Rule: "links", Lang: "en", File: "articles/x/en.md", Line: 3, Message: `link "javascript:alert(1)" <b>differs</b>`}}},
			{ID: "y", Title: `</script><script>alert(4)</script>`, Source: "tr", Cells: map[string]*Cell{
				"tr": {State: track.Source}, "en": {State: track.Missing, Owed: 10, Command: TranslateCommand("y", "en")}}},
		},
		Findings: []Finding{{Severity: "warning", Rule: "locale-missing-key", File: "locales/en.yaml", Message: `<script>alert(5)</script>`}},
	}
}

// Content stays text: no element, attribute or URL comes from it, and the
// only scripts are the page's own (the JSON data block and script.js).
func TestEscaping(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, hostileModel()); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(page, "<script"); n != 2 {
		t.Errorf("%d <script elements, want 2 (the data and the page's script)", n)
	}
	for _, bad := range []string{"<img", "<b>", `href="javascript`, "</template><script>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;window.__xss=1&lt;/script&gt;",            // title
		"x/&lt;img src=x onerror=alert(1)&gt;",                   // id
		"<ins>javascript:alert(1)</ins>",                         // the diff's link, as text
		"&lt;/template&gt;&lt;script&gt;alert(3)&lt;/script&gt;", // translation in the diff
		"ceviri translate y --lang en",
		"&lt;b&gt;differs&lt;/b&gt;",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not hold %q", want)
		}
	}
	// The page's one script is allowed by its hash, nothing else.
	if !strings.Contains(page, "script-src &#39;sha256-") || strings.Contains(page, "unsafe-eval") {
		t.Error("no Content-Security-Policy pinning the script")
	}
}

// The same model gives the same bytes, and a date appears only when given.
func TestDeterministic(t *testing.T) {
	render := func(m *Model) string {
		var buf bytes.Buffer
		if err := Write(&buf, m); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	a, b := render(hostileModel()), render(hostileModel())
	if a != b {
		t.Error("two renderings of one model differ")
	}
	if strings.Contains(a, "As of") {
		t.Error("a date without Model.Date")
	}
	m := hostileModel()
	m.Date = "2026-12-01"
	if !strings.Contains(render(m), "As of 2026-12-01.") {
		t.Error("Model.Date not shown")
	}
}

// The page's text follows UILang; an unknown one is an error.
func TestUILang(t *testing.T) {
	m := hostileModel()
	m.UILang = "tr"
	var buf bytes.Buffer
	if err := Write(&buf, m); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="tr">`, "Kalan kelime", "eskimiş", "eksik", "Denetim bulguları"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("Turkish page lacks %q", want)
		}
	}
	m.UILang = "de"
	if err := Write(&bytes.Buffer{}, m); err == nil {
		t.Error("UILang de accepted")
	}
}

func TestTallies(t *testing.T) {
	m := &Model{Languages: []string{"tr", "en"}, Articles: []*Article{
		{ID: "a/1", Cells: map[string]*Cell{"tr": {State: track.Source}, "en": {State: track.Current}}},
		{ID: "a/2", Cells: map[string]*Cell{"tr": {State: track.Source}, "en": {State: track.Stale, Owed: 12}}},
		{ID: "b", Cells: map[string]*Cell{"tr": {State: track.Missing, Owed: 5}, "en": {State: track.Source}}},
	}}
	byLang, bySec := Tallies(m)
	en, tr := byLang["en"], byLang["tr"]
	if en.Expected != 2 || en.Current() != 50 || en.Owed != 12 || en.States[track.Source] != 1 {
		t.Errorf("en: %+v", en)
	}
	if tr.Expected != 1 || tr.Current() != 0 || tr.Owed != 5 {
		t.Errorf("tr: %+v", tr)
	}
	if s := bySec["a"]["en"]; s.Expected != 2 || s.Owed != 12 {
		t.Errorf("section a, en: %+v", s)
	}
	if s := bySec[""]["en"]; s.Expected != 0 || s.Current() != 100 {
		t.Errorf("top level, en: %+v", s)
	}
}
