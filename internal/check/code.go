package check

import (
	"strings"

	"github.com/ceviri/ceviri/internal/segment"
)

// code compares inline code, code blocks and the names of Hugo shortcodes,
// which a translation carries over unchanged.
func (c *comparison) code() {
	mk := func(v *version) []item {
		var out []item
		for _, in := range v.md.inlines {
			if in.kind == "code" {
				out = append(out, item{keys: []string{"span " + in.value}, show: "`" + in.value + "`", seg: segAt(v.Body, in.line), line: in.line})
			}
		}
		for i, s := range v.Body {
			if s.Kind == segment.Code && !proseBlock(s.Key) {
				out = append(out, item{keys: []string{"block " + s.Key + "\n" + s.Text}, show: "code block", seg: i, line: s.Line})
			}
			for _, name := range shortcodes(s.Text) {
				out = append(out, item{keys: []string{"shortcode " + name}, show: "shortcode " + name, seg: i, line: s.Line})
			}
		}
		return out
	}
	var srcText, trText *string // built only when needed
	text := func(p **string, v *version) string {
		if *p == nil {
			s := plainOf(v)
			*p = &s
		}
		return **p
	}
	for _, d := range diffItems(mk(c.src), mk(c.tr), c.pair) {
		// Inline code in one version whose text the other has as plain
		// text ("kubernetes.mp4" and `kubernetes.mp4`) is formatting.
		if d.src == nil && strings.HasPrefix(d.tr.keys[0], "span ") && strings.Contains(text(&srcText, c.src), d.tr.keys[0][5:]) ||
			d.tr == nil && strings.HasPrefix(d.src.keys[0], "span ") && strings.Contains(text(&trText, c.tr), d.src.keys[0][5:]) {
			continue
		}
		switch {
		case d.src != nil && d.tr != nil && d.src.show == "code block" && d.tr.show == "code block":
			c.add(Code, d.tr.line, "code block differs from the source's (line %d); code is carried over unchanged", d.src.line)
		case d.src != nil && d.tr != nil:
			c.add(Code, d.tr.line, "%s in the source (line %d), %s in the translation", d.src.show, d.src.line, d.tr.show)
		case d.src != nil:
			c.add(Code, c.trLineOf(d.src), "%s in the source (line %d) is not in the translation", d.src.show, d.src.line)
		default:
			c.add(Code, d.tr.line, "%s is not in the %s source", d.tr.show, c.srcName)
		}
	}
}

// proseBlock reports whether a fenced code block's info string names a
// language of prose (Markdown, plain text), whose content is translated like
// the rest of the page: a Markdown template in a style guide, say.
func proseBlock(info string) bool {
	lang := strings.ToLower(strings.Fields(info + " x")[0])
	switch lang {
	case "md", "markdown", "text", "txt", "plain", "plaintext":
		return true
	}
	return false
}

// plainOf returns the reader's text of a version's body, one segment a line.
func plainOf(v *version) string {
	var b strings.Builder
	for _, s := range v.Body {
		b.WriteString(s.Plain)
		b.WriteByte('\n')
	}
	return b.String()
}
