package segment

import (
	"strings"
	"testing"
)

func TestBody(t *testing.T) {
	body := "# Başlık\n\nBir paragraf,\niki satır.\n\n- madde bir\n- madde **iki**\n\n> Alıntı\n\n```go\nfmt.Println(1)  \n```\n\n| a | b |\n|---|---|\n| 1 | iki |\n\n    indented code\n\n<div>html</div>\n\nSee [x][ref].\n\n[ref]: https://example.com/a \"Title\"\n"
	got := Body([]byte(body), 10)
	want := []struct {
		kind, key, text string
		line, words     int
	}{
		{Heading, "h1", "Başlık", 10, 1},
		{Paragraph, "", "Bir paragraf, iki satır.", 12, 4},
		{ListItem, "", "madde bir", 15, 2},
		{ListItem, "", "madde **iki**", 16, 2},
		{Quote, "", "Alıntı", 18, 1},
		{Code, "go", "fmt.Println(1)", 21, 0},
		{TableCell, "", "a", 24, 1},
		{TableCell, "", "b", 24, 1},
		{TableCell, "", "1", 26, 1},
		{TableCell, "", "iki", 26, 1},
		{Code, "", "indented code", 28, 0},
		{HTML, "", "<div>html</div>", 30, 1},
		{Paragraph, "", "See [x][ref].", 32, 2},
		{LinkRef, "ref", "https://example.com/a Title", 34, 1},
	}
	if len(got) != len(want) {
		for _, s := range got {
			t.Logf("%s %q %q line %d", s.Kind, s.Key, s.Text, s.Line)
		}
		t.Fatalf("got %d segments, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.kind || g.Key != w.key || g.Text != w.text || g.Line != w.line || g.Words != w.words {
			t.Errorf("segment %d = {%s %q %q line %d words %d}, want {%s %q %q line %d words %d}",
				i, g.Kind, g.Key, g.Text, g.Line, g.Words, w.kind, w.key, w.text, w.line, w.words)
		}
		if len(g.Hash) != 64 {
			t.Errorf("segment %d: hash %q", i, g.Hash)
		}
	}
}

func TestPlainTextDropsMarkup(t *testing.T) {
	segs := Body([]byte("Read [the *report*](https://example.com/r) and `code` or <https://x.org> now.\n"), 1)
	if len(segs) != 1 {
		t.Fatalf("got %d segments", len(segs))
	}
	if want := "Read the report and or now."; segs[0].Plain != want {
		t.Errorf("plain = %q, want %q", segs[0].Plain, want)
	}
	if segs[0].Words != 6 {
		t.Errorf("words = %d, want 6", segs[0].Words)
	}
}

func TestNormalize(t *testing.T) {
	nfd := "I\u0307stanbul'da I\u0307s\u0327ık" // İ and ş decomposed
	got := string(Normalize([]byte("\ufeffa\r\nb\rc\n" + nfd)))
	if want := "a\nb\nc\nİstanbul'da İşık"; got != want {
		t.Errorf("Normalize = %q, want %q", got, want)
	}
	if got := Collapse("  a \t b\n\nc  "); got != "a b c" {
		t.Errorf("Collapse = %q", got)
	}
}

func TestFingerprintOrderMatters(t *testing.T) {
	a := Body([]byte("one\n\ntwo\n"), 1)
	b := Body([]byte("two\n\none\n"), 1)
	if Fingerprint(a) == Fingerprint(b) {
		t.Error("swapping paragraphs kept the fingerprint")
	}
	if !strings.HasPrefix(Fingerprint(a), "sha256:") || len(Fingerprint(a)) != 71 {
		t.Errorf("fingerprint %q", Fingerprint(a))
	}
}

func FuzzBody(f *testing.F) {
	f.Add([]byte("# T\n\npara [l](u) `c`\n\n- a\n  - b\n\n> q\n\n```\ncode\n```\n| a |\n|---|\n| b |\n\n[^1]: note\n"))
	f.Add([]byte("<div>\n\n*x*\n\n</div>\n"))
	f.Add([]byte("[a]: <> \"t\"\n\n[a]\n"))
	f.Add([]byte("İstanbul'da 1.250,5 %40 https://x.org a@b.co"))
	for _, s := range hostileSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		norm := Normalize(data)
		segs, err := Read(norm, 1, false)
		if err != nil {
			if _, ok := AsLimit(err); !ok || segs != nil {
				t.Fatalf("error %v with %d segments", err, len(segs))
			}
			return
		}
		for _, s := range segs {
			if s.Hash == "" || s.Line < 1 || s.Words < 0 {
				t.Fatalf("bad segment %+v", s)
			}
			if s.Start > s.End || s.End > len(norm) {
				t.Fatalf("bad offsets %d..%d of %d", s.Start, s.End, len(norm))
			}
		}
		if Fingerprint(segs) != Fingerprint(Body(norm, 1)) {
			t.Fatal("fingerprint not deterministic")
		}
	})
}

// TestHTMLProse pins which raw HTML blocks hold prose to translate: the
// text of block-level elements (type 6), without code, comments or tags,
// counts as words; <pre>, <script>, comments and type-7 blocks do not.
func TestHTMLProse(t *testing.T) {
	tests := []struct {
		name, body string
		plain      string
		words      int
	}{
		{"pull quote", "<blockquote class=\"pull\">\n  We open <em>three</em> labs &amp; a library.\n</blockquote>\n", "We open three labs & a library.", 6},
		{"details", "<details>\n<summary>Eski bir sürüm</summary>\n", "Eski bir sürüm", 3},
		{"code inside", "<div>Run <code>go test ./...</code> now.</div>\n", "Run now.", 2},
		{"script inside", "<div><script>var a = 1;</script>Merhaba</div>\n", "Merhaba", 1},
		{"image only", "<div align=\"center\"><img src=\"x.png\" alt=\"a cat\"></div>\n", "", 0},
		{"pre", "<pre>\nnpm   install\n</pre>\n", "", 0},
		{"comment", "<!-- a note to editors -->\n", "", 0},
		{"type 7", "<span class=\"x\">\nsome words\n</span>\n", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := Body([]byte(tt.body), 1)
			if len(segs) != 1 || segs[0].Kind != HTML {
				t.Fatalf("segments = %+v, want one html block", segs)
			}
			s := segs[0]
			if s.Plain != tt.plain || s.Words != tt.words || s.Translatable() != (tt.words > 0) {
				t.Errorf("plain %q, words %d, translatable %v; want %q, %d, %v", s.Plain, s.Words, s.Translatable(), tt.plain, tt.words, tt.words > 0)
			}
			if body := []byte(tt.body); s.End > len(body) || isSpace(body[s.End-1]) {
				t.Errorf("segment ends at %d, after its last character", s.End)
			}
		})
	}
}
