package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/yuin/goldmark/parser"
)

// goldmarkWork returns the inline work the parser's hooks count in body.
func goldmarkWork(body []byte) int64 {
	pc := parser.NewContext()
	_, _ = Parse(md.Parser(), body, pc)
	return pc.Get(limiterKey).(*limiter).work
}

// checkFastBody fails unless the fast path, when it accepts body, returns
// exactly what goldmark gives. It reports whether it accepted.
func checkFastBody(t *testing.T, name string, body []byte) bool {
	t.Helper()
	got, ok := fastBody(body, 1, false)
	lean, leanOK := fastBody(body, 1, true)
	if ok != leanOK {
		t.Fatalf("%s: the lean fast path accepts %v, the full one %v", name, leanOK, ok)
	}
	if !ok {
		return false
	}
	for i := range lean {
		want := got[i]
		want.Text, want.Plain = "", ""
		if lean[i] != want {
			t.Fatalf("%s: lean segment %d differs:\nlean: %+v\nfull: %+v", name, i, lean[i], want)
		}
	}
	want, err := slowBody(body, 1, CommonMark)
	if err != nil {
		t.Fatalf("%s: the fast path accepts a body goldmark refuses: %v\n%q", name, err, body)
	}
	_, work, _ := fastBodyWork(body, 1, false)
	if gm := goldmarkWork(body); work != gm {
		t.Fatalf("%s: the fast path counts %d of inline work, goldmark's hooks %d:\n%q", name, work, gm, body)
	}
	if len(got) != len(want) {
		t.Fatalf("%s: fast path found %d segments, Body %d:\n%q\nfast: %+v\nBody: %+v", name, len(got), len(want), body, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: segment %d differs:\nfast: %+v\nBody: %+v\nin %q", name, i, got[i], want[i], body)
		}
	}
	return true
}

func TestFastBody(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		accept bool
	}{
		{"paragraphs", "Bir iki üç.\nDört beş.\n\nAltı yedi.\n", true},
		{"headings", "## Başlık\n\nMetin.\n### Alt başlık\nMetin.\n", true},
		{"list tight", "- bir\n- iki\n  devam\n- üç\n", true},
		{"list loose", "- bir\n\n- iki\n\n  ikinci paragraf\n\nSonra.\n", true},
		{"lazy continuation", "- bir\niki\n", true},
		{"list interrupts paragraph", "Metin\n- madde\n", true},
		{"heading interrupts list", "- madde\n# Başlık\n", true},
		{"link", "Bak [şuraya](https://example.org/a_b) ve [buraya](/tr/x/).\n", true},
		{"link first", "[Bağlantı](/x) ile başlar.\n\n- [madde](/y) bir\n", true},
		{"no trailing newline", "Son satır", true},
		{"indented continuation", "Bir\n     iki\n", true},
		{"trailing spaces", "Bir  \niki   \n", true},
		{"exclamation", "Harika! Çok iyi!\n", true},
		{"typographic punctuation", "“Yapay zekâ” — dedi… ‘evet’ • 5‰\n", true},
		{"other characters", "日本 ve ™\n", false},
		{"unicode space", "a\u2003b\n", false},
		{"empty", "", true},
		{"blank lines only", "\n  \n\n", true},
		{"emphasis", "Bu *önemli*.\n", false},
		{"code span", "Komut `ls`.\n", false},
		{"setext", "Başlık\n---\n", false},
		{"setext equals", "Başlık\n===\n", false},
		{"thematic break", "a\n\n***\n", false},
		{"ordered list", "1. bir\n2. iki\n", false},
		{"nested list", "- a\n  - b\n", false},
		{"block quote", "> alıntı\n", false},
		{"html", "<div>x</div>\n", false},
		{"fence", "```\nkod\n```\n", false},
		{"indented code", "a\n\n    kod\n", false},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", false},
		{"reference definition", "[a]: /url\n\n[a] metin\n", false},
		{"reference link", "Bak [a][b].\n", false},
		{"image", "![alt](x.png)\n", false},
		{"entity", "a &amp; b\n", false},
		{"escape", "a \\* b\n", false},
		{"footnote", "Metin[^1].\n\n[^1]: Not.\n", false},
		{"closing hashes", "## Başlık ##\n", false},
		{"hashtag", "#etiket\n", false},
		{"tab", "a\tb\n", false},
		{"empty item", "-\n", false},
		{"link with title", "[a](/u \"t\")\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkFastBody(t, tt.name, []byte(tt.body)); got != tt.accept {
				t.Errorf("fast path accepted = %v, want %v", got, tt.accept)
			}
		})
	}
}

// TestFastBodyOnCorpora runs the fast path on the project's sample articles
// and, when it is beside the repository, the CNCF glossary corpus: whatever
// it accepts must equal what goldmark gives.
func TestFastBodyOnCorpora(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../articles/*/*.md", "../../../shared/corpus/cncf-glossary/*/*.md"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no articles found")
	}
	accepted := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := frontmatter.Parse(f, Normalize(data))
		if err != nil {
			continue
		}
		if checkFastBody(t, f, doc.Body) {
			accepted++
		}
	}
	t.Logf("fast path accepted %d of %d files", accepted, len(files))
}

func FuzzFastBody(f *testing.F) {
	for _, s := range []string{
		"## Başlık\n\nMetin [bağ](/x) ve devam.\nİkinci satır.\n\n- bir\n- iki\n  devam\n\n  paragraf\n\nSon.\n",
		"- [a](/b) c\nlazy\n# H\n",
		"a\n   - b\n",
		"a\n- b\n\n   c\n",
		"- a\n\n - b\n",
		"[a](b)\n[c]: d\n",
		"a  \nb\n",
		"[0](\xe8)",
		"a [b  c](\u00a0) d",
		"[0](\f)00",
		"“a” — [b…](/c‘d) e\n",
	} {
		f.Add([]byte(s))
	}
	for _, s := range hostileSeeds() {
		f.Add([]byte(s))
	}
	f.Add([]byte(r("[a](/u*v) ", 300)))
	f.Fuzz(func(t *testing.T, data []byte) {
		body := Normalize(data)
		if !bytes.Equal(body, data) {
			return // bodies are normalised before segmentation
		}
		checkFastBody(t, "fuzz", body)
	})
}
