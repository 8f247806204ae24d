package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
	"golang.org/x/net/html"
)

// FuzzWrite renders a page whose every content string is the fuzzer's, and
// checks what a browser would build from it: the page's two scripts and no
// other, no element or attribute made from content (no <a>, <img>,
// <iframe>, no on* attribute, no URL attribute), and the title, the id and
// the diff's text back as text.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{
		"<script>alert(1)</script>", "javascript:alert(1)", `"><img src=x onerror=alert(1)>`,
		"</template><script>alert(1)</script>", "</script><script>alert(1)</script>", "<!--", "]]>",
		"{{.}}", "&lt;", "\x00", "\u2028", "Çevre İklim Ilık", `'; alert(1); '`, "</style><script>x</script>",
	} {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, title, id, text string) {
		if !utf8.ValidString(title + id + text) {
			t.Skip("content is valid UTF-8: the project refuses a file that is not")
		}
		m := &Model{UILang: "en", Project: title, Languages: []string{"tr", "en"}, AgeFrom: AgeGit, Checked: true,
			Articles: []*Article{{ID: id, Title: title, Source: "tr", Changed: time.Unix(1, 0),
				Cells: map[string]*Cell{
					"tr": {State: track.Source, Path: id},
					"en": {State: track.Stale, Path: text, Owed: 1, Note: text, Diff: []*track.DiffEntry{
						{Op: track.Changed, Kind: text, Segment: id, Old: text, New: title, Translation: text,
							Diff: []wordiff.Span{{Op: wordiff.Delete, Text: text}, {Op: wordiff.Insert, Text: title}}},
						{Op: track.Added, Kind: "paragraph", Segment: id, New: text}}},
				},
				Findings: []Finding{{Severity: "error", Rule: text, File: id, Message: text}}},
				{ID: text, Title: id, Cells: map[string]*Cell{"en": {State: track.Missing, Command: TranslateCommand(text, "en")}}}},
			Findings: []Finding{{Severity: "warning", Rule: title, File: text, Message: id}},
		}
		var buf bytes.Buffer
		if err := Write(&buf, m); err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		scripts, titles := 0, []string{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script":
					scripts++
				case "a", "img", "iframe", "object", "embed", "link", "base", "form", "svg", "math", "meta":
					if n.Data == "meta" || (n.Data == "form" && attr(n, "method") == "dialog") {
						break
					}
					t.Errorf("an element <%s> came from content", n.Data)
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") || a.Key == "href" || a.Key == "src" || a.Key == "srcdoc" || a.Key == "action" {
						t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
					}
				}
				if n.Data == "span" && attr(n, "class") == "t" {
					titles = append(titles, textOf(n))
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if scripts != 2 {
			t.Errorf("%d scripts, want 2", scripts)
		}
		// html/template writes NUL as U+FFFD; the parser turns CR LF into
		// LF, as the browser does.
		norm := func(s string) string {
			s = strings.ReplaceAll(s, "\x00", "\uFFFD")
			return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		}
		if len(titles) != 2 || titles[0] != norm(title) {
			t.Errorf("titles %q, want %q first", titles, norm(title))
		}
	})
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
