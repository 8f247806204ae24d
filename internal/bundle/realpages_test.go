package bundle

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/segment"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"
)

// renderWith renders a Markdown body in Turkish by build.html mode and
// build.anchors rule.
func renderWith(t testing.TB, body, mode string, rule anchor.Rule) string {
	t.Helper()
	pc := &pageCtx{html: mode, anchors: rule}
	if err := pc.render([]byte(body), language.Turkish, segment.CommonMark); err != nil {
		t.Fatal(err)
	}
	return string(pc.out)
}

// TestRenderHTMLModes: raw HTML as real pages hold it (pull quotes the
// translators translated, a <script>, a <details>, a figure) under each
// build.html mode.
func TestRenderHTMLModes(t *testing.T) {
	const pull = "Giriş.\n\n<aside class=\"pull-quote\">\n<p>Çeviri bir <em>yeniden yazımdır</em>.</p>\n</aside>\n\nSon.\n"
	const script = "Metin.\n\n<script>alert('x')</script>\n\n<p onclick=\"alert(1)\" style=\"color:red\">Paragraf</p>\n"
	tests := []struct {
		name, mode, in string
		want, notWant  []string
	}{
		{"pull quote sanitized", HTMLSanitize, pull, []string{`<aside class="pull-quote">`, "<p>Çeviri bir <em>yeniden yazımdır</em>.</p>", "</aside>", "<p>Son.</p>"}, []string{"omitted"}},
		{"pull quote omitted", HTMLOmit, pull, []string{"<!-- raw HTML omitted -->", "<p>Son.</p>"}, []string{"Çeviri", "<aside"}},
		{"pull quote trusted", HTMLTrust, pull, []string{`<aside class="pull-quote">`, "<p>Çeviri bir <em>yeniden yazımdır</em>.</p>"}, nil},
		{"script sanitized", HTMLSanitize, script, []string{"<p>Metin.</p>", "<p>Paragraf</p>"}, []string{"<script", "alert", "onclick", "style", "omitted"}},
		{"script omitted", HTMLOmit, script, []string{"<!-- raw HTML omitted -->"}, []string{"<script", "Paragraf"}},
		{"script trusted", HTMLTrust, script, []string{"<script>alert('x')</script>", `onclick="alert(1)"`}, nil},
		{"details", HTMLSanitize, "<details open>\n<summary>Daha fazla</summary>\n\nAyrıntı **burada**.\n\n</details>\n",
			[]string{"<details open", "<summary>Daha fazla</summary>", "<strong>burada</strong>", "</details>"}, nil},
		{"figure", HTMLSanitize, "<figure>\n<img src=\"cover.png\" alt=\"Kapak\" onerror=\"alert(1)\">\n<figcaption>Kapak <sup>1</sup> H<sub>2</sub>O</figcaption>\n</figure>\n",
			[]string{"<figure>", `<img src="cover.png" alt="Kapak">`, "<figcaption>Kapak <sup>1</sup> H<sub>2</sub>O</figcaption>"}, []string{"onerror"}},
		{"div with Markdown between", HTMLSanitize, "<div class=\"note\">\n\n**Not:** metin.\n\n</div>\n",
			[]string{`<div class="note">`, "<strong>Not:</strong> metin.", "</div>"}, nil},
		{"inline span", HTMLSanitize, "Bir <span class=\"vurgu\" onmouseover=\"x()\">vurgu</span> ve <br> satır.\n",
			[]string{`<span class="vurgu">vurgu</span>`, "<br"}, []string{"onmouseover"}},
		{"javascript and data URLs", HTMLSanitize, "<a href=\"javascript:alert(1)\">a</a> <img src=\"data:text/html,x\"> <a href=\"https://example.org/\" target=\"_blank\">b</a>\n",
			[]string{">a", `<a href="https://example.org/"`}, []string{"javascript:", "data:"}},
		{"frames, forms, styles, objects", HTMLSanitize, "<iframe src=\"https://evil\"></iframe>\n\n<form><input name=q></form>\n\n<style>p{}</style>\n\n<object data=x></object>\n\nSon.\n",
			[]string{"<p>Son.</p>"}, []string{"<iframe", "<form", "<input", "<style", "<object", "p{}"}},
		{"Markdown link to javascript: still dropped when trusted", HTMLTrust, "[x](javascript:alert(1)) <b>b</b>\n",
			[]string{`<a href="">x</a>`, "<b>b</b>"}, []string{"javascript:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := renderWith(t, tt.in, tt.mode, anchor.ASCII)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("output holds %q:\n%s", w, out)
				}
			}
		})
	}
}

// normalHTML parses a body as a browser does and writes it back, so that
// two bodies that differ only in how they escape text compare equal.
func normalHTML(t *testing.T, s string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, n := range nodes {
		_ = html.Render(&b, n)
	}
	return b.String()
}

// TestSanitizeKeepsMarkdown: sanitizing a page takes nothing from what its
// Markdown made (heading ids with Turkish letters, footnotes, table
// alignment, code classes, images, links, lists), only from its raw HTML.
func TestSanitizeKeepsMarkdown(t *testing.T) {
	body := "## Projenizi paylaşın\n\nMetin[^1] ve `kod` ve [bağlantı](https://example.org/a?b=1&c=2 \"başlık\").\n\n" +
		"| Sol | Orta | Sağ |\n|:----|:----:|----:|\n| 1 | 2 | 3 |\n\n```go\nfmt.Println(\"<b>\")\n```\n\n" +
		"## Sonra {#sonra→}\n\n```c++\nint x;\n```\n\n3. üç\n4. dört\n\n- [x] bitti\n\n> alıntı ~~silik~~\n\n![resim](cover.png \"Başlık\")\n\n---\n\n<span class=\"x\">ham</span>\n\n[^1]: Dipnot.\n"
	for _, rule := range []anchor.Rule{anchor.ASCII, anchor.GitHub, anchor.Hugo} {
		trusted := renderWith(t, body, HTMLTrust, rule)
		sanitized := renderWith(t, body, HTMLSanitize, rule)
		if a, b := normalHTML(t, trusted), normalHTML(t, sanitized); a != b {
			t.Errorf("%s: sanitizing changed the Markdown's markup:\n%s\nwant\n%s", rule, b, a)
		}
	}
}

// TestHeadingIDsRules: the ids of each build.anchors rule, as HeadingIDs
// gives them and as the page has them.
func TestHeadingIDsRules(t *testing.T) {
	body := "## Projenizi Paylaşın\n\n## Projenizi Paylaşın\n\n## Kurulum {#install}\n\n## İstanbul'da Işık\n\n## ???\n"
	tests := []struct {
		rule anchor.Rule
		want []string
	}{
		{anchor.ASCII, []string{"projenizi-paylasin", "projenizi-paylasin-1", "install", "istanbulda-isik", "section"}},
		{anchor.GitHub, []string{"projenizi-paylaşın", "projenizi-paylaşın-1", "install", "i\u0307stanbulda-işık", "section"}},
		{anchor.Hugo, []string{"projenizi-paylaşın", "projenizi-paylaşın-1", "install", "istanbulda-işık", "heading"}},
	}
	idAttr := regexp.MustCompile(`<h2 id="([^"]*)"`)
	for _, tt := range tests {
		t.Run(string(tt.rule), func(t *testing.T) {
			got, err := HeadingIDs([]byte(body), segment.CommonMark, tt.rule, language.Turkish)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("HeadingIDs = %q, want %q", got, tt.want)
			}
			var page []string
			for _, m := range idAttr.FindAllStringSubmatch(renderWith(t, body, HTMLSanitize, tt.rule), -1) {
				page = append(page, m[1])
			}
			if !slices.Equal(page, tt.want) {
				t.Errorf("the page's ids = %q, want %q", page, tt.want)
			}
		})
	}
}

// TestFragmentFollowsRule: an in-page link written as GitHub would make the
// anchor ("#projenizi-paylaşın") reaches the heading under every rule.
func TestFragmentFollowsRule(t *testing.T) {
	body := "## Projenizi paylaşın\n\n[a](#projenizi-paylaşın) [b](#projenizi-payla%C5%9F%C4%B1n) [c](#Projenizi-Paylaşın) [d](#yok)\n"
	tests := []struct {
		rule anchor.Rule
		href string
	}{
		{anchor.ASCII, `href="#projenizi-paylasin"`},
		{anchor.GitHub, `href="#projenizi-payla%C5%9F%C4%B1n"`},
		{anchor.Hugo, `href="#projenizi-payla%C5%9F%C4%B1n"`},
	}
	for _, tt := range tests {
		out := renderWith(t, body, HTMLSanitize, tt.rule)
		if n := strings.Count(out, tt.href); n != 3 {
			t.Errorf("%s: %d links to the heading, want 3 (%s):\n%s", tt.rule, n, tt.href, out)
		}
		if !strings.Contains(out, `href="#yok"`) {
			t.Errorf("%s: a fragment naming no heading was changed:\n%s", tt.rule, out)
		}
	}
}

// TestRawHTMLWarning: build.html omit warns with the page and the count;
// sanitize does not warn.
func TestRawHTMLWarning(t *testing.T) {
	for _, mode := range []string{"omit", "sanitize"} {
		dir := copySample(t, map[string]string{"articles/ham/tr.md": "---\ntitle: Ham\n---\n\n<aside>\nAlıntı.\n</aside>\n\nBir <b>iki</b>.\n"})
		cfg, _ := os.ReadFile(filepath.Join(dir, "ceviri.yaml"))
		writeFiles(t, dir, map[string]string{"ceviri.yaml": strings.Replace(string(cfg), "  fallback: source\n", "  fallback: source\n  html: "+mode+"\n", 1)})
		res := mustBuild(t, dir, t.TempDir(), Options{})
		want := "articles/ham/tr.md: 3 raw HTML blocks or tags left out (build.html: omit)"
		if got := slices.Contains(res.Warnings, want); got != (mode == "omit") {
			t.Errorf("%s: warnings %q; want %q: %v", mode, res.Warnings, want, mode == "omit")
		}
	}
}
