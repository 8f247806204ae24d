package bundle

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/pagelink"
	"github.com/ceviri/ceviri/internal/segment"
	"golang.org/x/net/html"
	"golang.org/x/text/language"
)

// FuzzRenderHTML renders any Markdown with raw HTML under build.html
// sanitize (every anchors rule, links resolved against a small site) and
// parses the page as a browser would: no script, style, frame, object or
// form element, no event handler, no javascript:, vbscript: or data: URL
// may come through, and valid UTF-8 stays valid.
func FuzzRenderHTML(f *testing.F) {
	for _, s := range []string{
		"<aside class=\"pull-quote\">\n<p>Çeviri <em>yazımdır</em>.</p>\n</aside>\n",
		"<script>alert(1)</script>", "<SCRIPT SRC=//x></SCRIPT>", "<scr<script>ipt>alert(1)</script>",
		"<img src=x onerror=alert(1)>", "<img src=\"java\tscript:alert(1)\">", "<a href=\" javascript:alert(1)\">x</a>",
		"<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
		"<div title=\"\n\n*x*\" onclick=alert(1)>y</div>", "<div>\n\n<span onmouseover=x>**a**</span>\n\n</div>",
		"<style>*{}</style><p style=\"x:expression(alert(1))\">p</p>", "<svg><script>alert(1)</script></svg>",
		"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<iframe srcdoc=\"<script>x</script>\"></iframe>",
		"<!-- <script>x</script> -->", "<![CDATA[<script>x</script>]]>", "<details open ontoggle=alert(1)><summary>s</summary></details>",
		"<form action=javascript:x><input name=q></form>", "<object data=x></object><embed src=x>", "<base href=//evil/>",
		"<meta http-equiv=refresh content=\"0;url=javascript:x\">", "<a href=\"/learn/x\">x</a> [y](/learn/x#Başlık) [z](#Başlık)\n\n## Başlık",
		"<textarea><script>x</script></textarea>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "\xff<b>\x00</b>",
		"<a href=\"vbscript:x\">v</a>", "`<script>` and <code><script></code>", "<p id=\"x\" class=\"a b\" lang=tr dir=rtl>t</p>",
	} {
		f.Add(s)
	}
	ix := pagelink.New([]string{"en", "tr"}, "")
	ix.Add("learn/x", "articles/x/en.md")
	lm := &linkMap{ix: ix, in: map[string]map[string]bool{"tr": {"learn/x": true}}, source: map[string]string{"learn/x": "en"}}
	rules := []anchor.Rule{anchor.ASCII, anchor.GitHub, anchor.Hugo}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		pc := &pageCtx{html: HTMLSanitize, anchors: rules[len(s)%3], links: lm, lang: "tr", id: "a", file: "articles/a/tr.md"}
		if err := pc.render([]byte(s), language.Turkish, segment.CommonMark); err != nil {
			return // past segment's limits: TestRenderBodyLimits
		}
		if utf8.ValidString(s) && !utf8.Valid(pc.out) {
			t.Fatalf("valid input gave invalid UTF-8 output")
		}
		if p := unsafeHTML(string(pc.out)); p != "" {
			t.Fatalf("%s in the page:\n%s", p, pc.out)
		}
	})
}

// unsafeHTML returns what in a body a browser would run, or "".
func unsafeHTML(body string) string {
	z := html.NewTokenizer(strings.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "style", "iframe", "frame", "object", "embed", "form", "input", "base", "meta", "link", "svg", "math", "textarea", "noscript":
				if tok.Data != "input" || !isCheckbox(tok) {
					return "<" + tok.Data + ">"
				}
			}
			for _, a := range tok.Attr {
				k := strings.ToLower(a.Key)
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1
					}
					return r
				}, a.Val))
				if strings.HasPrefix(k, "on") || k == "style" && !strings.HasPrefix(v, "text-align:") || k == "srcdoc" {
					return "attribute " + k
				}
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:") {
					return "URL " + a.Val
				}
			}
		}
	}
}

func isCheckbox(tok html.Token) bool {
	for _, a := range tok.Attr {
		if a.Key == "type" && a.Val == "checkbox" {
			return true
		}
	}
	return false
}
