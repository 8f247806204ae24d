package segment

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// htmlText returns the normalised text of a raw HTML block, with its
// closing line (goldmark keeps the line of "</pre>" or "-->" apart, so an
// edit on it changed nothing before). White space is normalised as a
// browser reads it: in <pre>, <textarea>, <script> and <style> it is kept
// as code keeps it; elsewhere it is collapsed as in prose, and white space
// next to the tag of a block-level element (<summary>, <div>, <p>, <li>
// ...) is dropped, so that a <summary> reflowed onto lines of its own is
// not a change.
func htmlText(n *ast.HTMLBlock, src []byte) string {
	raw := rawLines(n, src)
	if n.HasClosure() {
		raw += string(n.ClosureLine.Value(src))
	}
	if n.HTMLBlockType == ast.HTMLBlockType1 {
		return trimLines(raw)
	}
	return collapseHTML(Collapse(raw))
}

// collapseHTML drops the spaces of collapsed HTML next to the tags of
// block-level elements.
func collapseHTML(s string) string {
	if !strings.Contains(s, " <") && !strings.Contains(s, "> ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		end := blockTagEnd(s, j)
		if end == noClose {
			b.WriteString(s[i:]) // no ">" after j: no tag ends in the rest
			break
		}
		if end < 0 {
			b.WriteString(s[i : j+1])
			i = j + 1
			continue
		}
		b.WriteString(strings.TrimSuffix(s[i:j], " "))
		b.WriteString(s[j:end])
		i = end
		if i < len(s) && s[i] == ' ' {
			i++
		}
	}
	return b.String()
}

// blockTagEnd returns the offset after the tag of a block-level element
// (opening or closing) at s[i], -1 if there is none, or noClose if there
// is no ">" in the rest of s (so that a block of "<div <div ..." is read
// once, not once for each tag).
func blockTagEnd(s string, i int) int {
	k := i + 1
	if k < len(s) && s[k] == '/' {
		k++
	}
	n := k
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	if n == k || !blockTags[strings.ToLower(s[k:n])] {
		return -1
	}
	if n < len(s) && s[n] != '>' && s[n] != ' ' && s[n] != '/' {
		return -1
	}
	e := strings.IndexByte(s[n:], '>')
	if e < 0 {
		return noClose
	}
	return n + e + 1
}

// noClose is blockTagEnd's result for a tag that no ">" follows.
const noClose = -2

// blockTags are the block-level elements of CommonMark's HTML blocks of
// type 6 (spec.commonmark.org/0.31.2/#html-blocks).
var blockTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`address article aside base basefont blockquote body caption center
		col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame
		frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem meta
		nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead
		title tr track ul`) {
		m[t] = true
	}
	return m
}()

// HeadingIDAt returns where a heading's text ends before an explicit id
// written after it as Docusaurus, Hugo and Pandoc read it ("Title {#id}"):
// the offset of the "{", or len(s) when there is none. The id is made of
// letters, digits, "-", "_", ".", ":" and any character beyond ASCII.
func HeadingIDAt(s string) int {
	id, i := HeadingID(s)
	if id == "" {
		return len(s)
	}
	return i
}

// HeadingID returns the explicit id at the end of a heading's text
// ("Title {#id}") and the offset of its "{"; the id is "" when there is
// none.
func HeadingID(s string) (id string, at int) {
	t := strings.TrimRight(s, " \t")
	if !strings.HasSuffix(t, "}") {
		return "", len(s)
	}
	open := strings.LastIndex(t, "{#")
	if open < 0 {
		return "", len(s)
	}
	id = t[open+2 : len(t)-1]
	if !idChars(id) {
		return "", len(s)
	}
	return id, open
}

// idChars reports whether s is a non-empty heading id.
func idChars(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':' || c >= 0x80) {
			return false
		}
	}
	return true
}

// htmlPlain returns the text a reader sees in an HTML block (s as
// htmlText gives it): the text between the tags, with entities decoded and
// a space for every tag, leaving out comments and what is code rather than
// prose (<pre>, <code>, <script>, <style>, <textarea>, <svg>, <math>), so
// that the words of a translated pull quote count as a paragraph's do.
func htmlPlain(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0 // depth inside elements whose text is not prose
	for {
		switch z.Next() {
		case html.ErrorToken:
			return Collapse(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			if codeTags[string(name)] {
				skip++
			}
			b.WriteByte(' ')
		case html.EndTagToken:
			name, _ := z.TagName()
			if codeTags[string(name)] && skip > 0 {
				skip--
			}
			b.WriteByte(' ')
		case html.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}

// codeTags are the elements whose text htmlPlain leaves out.
var codeTags = map[string]bool{"pre": true, "code": true, "script": true, "style": true, "textarea": true, "svg": true, "math": true}
