package bundle

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestRenderBody(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		notWant []string
	}{
		{"anchors", "## İstanbul'da Işık\n\n## İstanbul'da Işık\n", []string{`<h2 id="istanbulda-isik">`, `<h2 id="istanbulda-isik-1">`}, nil},
		{"h1 demoted", "# Bir\n\n## İki\n", []string{`<h2 id="bir">Bir</h2>`, `<h3 id="iki">İki</h3>`}, []string{"<h1"}},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", []string{"<table>", "<td>1</td>"}, nil},
		{"footnote", "Metin[^1].\n\n[^1]: Not.\n", []string{`<sup id="fnref:1">`, `<li id="fn:1">`}, nil},
		{"raw html block", "<script>alert(1)</script>\n\nMetin.\n", []string{"<p>Metin.</p>"}, []string{"<script", "alert", "omitted"}},
		{"raw inline html", "a <b onclick=x>b</b> c\n", []string{"<p>a <b>b</b> c</p>"}, []string{"onclick", "omitted"}},
		{"javascript link", "[x](javascript:alert(1))\n", []string{`<a href="">x</a>`}, []string{"javascript:"}},
		{"crlf and nfd", "Sat\u0131r\r\nI\u0307stanbul\r\n", []string{"Satır\nİstanbul"}, []string{"\r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := renderBody([]byte(tt.in), language.Turkish)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(string(out), w) {
					t.Errorf("output holds %q:\n%s", w, out)
				}
			}
		})
	}
}

// FuzzRenderBody renders any Markdown (an article is untrusted input) and
// checks that it neither panics nor lets an element with script through.
func FuzzRenderBody(f *testing.F) {
	for _, s := range []string{"# a\n\n## a", "<script>x</script>", "[x](javascript:y)", "| a |\n|---|\n| <b> |",
		"x[^1]\n\n[^1]: <i>y</i>", "> - [ ] `code`\n", "![i](x \"<t>\")", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := renderBody([]byte(s), language.Turkish)
		if err != nil {
			return
		}
		if utf8.ValidString(s) && !utf8.Valid(out) {
			t.Fatalf("valid input gave invalid UTF-8 output")
		}
		low := strings.ToLower(string(out))
		for _, bad := range []string{"<script", "<iframe", "<img src=x onerror", "href=\"javascript:"} {
			if strings.Contains(low, bad) {
				t.Fatalf("output holds %q:\n%s", bad, out)
			}
		}
	})
}
