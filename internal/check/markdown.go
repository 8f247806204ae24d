package check

import (
	"bytes"
	"strings"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// block is one top-level block of an article, as the structure rule sees
// it.
type block struct {
	kind    string // heading, paragraph, list, table, code, quote, html, footnotes
	level   int    // heading level
	ordered bool   // numbered list
	n       int    // list items, quote paragraphs, footnotes
	rows    int    // table rows, with the header row
	cols    int    // table columns
	line    int
}

// inline is a link, image or code span found in a body, with its file line.
type inline struct {
	kind  string // link, image, code
	value string // destination, or the code span's text
	line  int
}

// markdown is what the rules read from a body beyond its segments.
type markdown struct {
	blocks  []block
	inlines []inline
}

// parseMarkdown reads the blocks, links, images and code spans of a
// normalised body with the same goldmark parser that segments it, so
// reference links are resolved and nothing inside code counts as a link.
// firstLine is the file line where the body starts.
func parseMarkdown(body []byte, firstLine int) *markdown {
	return parseMarkdownAs(body, firstLine, segment.CommonMark)
}

// parseMarkdownAs is parseMarkdown for a body of format f. In MDX, lines of
// JSX tags and {expressions} are blocks of their own ("JSX block"), and so
// are import and export lines ("import or export"), which a translation
// keeps.
func parseMarkdownAs(body []byte, firstLine int, f segment.Format) *markdown {
	md := &markdown{}
	// The body was segmented within the limits when its version was read
	// (project.Parse), so it is within them here: the same parser, the
	// same bytes.
	doc, _ := segment.Parse(segment.ParserOf(f).Parser(), body, nil)
	idx := segment.NewLineIndex(body)
	var o offsets
	lineOf := func(n ast.Node) int { return firstLine + idx.Line(o.of(n)) }
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		b := block{line: lineOf(c)}
		switch c := c.(type) {
		case *ast.Heading:
			b.kind, b.level = "heading", c.Level
		case *ast.Paragraph:
			if startsWithShortcode(c, body) && onlyShortcodes(string(rawText(c, body))) {
				continue // a Hugo shortcode: the code rule compares it
			}
			b.kind = "paragraph"
		case *ast.List:
			b.kind, b.ordered, b.n = "list", c.IsOrdered(), c.ChildCount()
		case *east.Table:
			b.kind, b.cols = "table", len(c.Alignments)
			b.rows = c.ChildCount()
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			b.kind = "code"
		case *ast.Blockquote:
			b.kind, b.n = "quote", c.ChildCount()
		case *ast.HTMLBlock:
			b.kind = "html"
		case *segment.MDXFlow:
			b.kind = "JSX block"
			if c.What == "esm" {
				b.kind = "import or export"
			}
		case *east.FootnoteList:
			b.kind, b.n = "footnotes", c.ChildCount()
		default:
			continue
		}
		md.blocks = append(md.blocks, b)
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			md.inlines = append(md.inlines, inline{"link", string(n.Destination), lineOf(n)})
		case *ast.Image:
			md.inlines = append(md.inlines, inline{"image", string(n.Destination), lineOf(n)})
		case *ast.AutoLink:
			md.inlines = append(md.inlines, inline{"link", string(n.URL(body)), lineOf(n)})
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(body))
				} else if s, ok := c.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
			md.inlines = append(md.inlines, inline{"code", segment.Collapse(b.String()), lineOf(n)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return md
}

// offsets finds where nodes start: a node's first line, or the first text
// inside it, or its parent's. It remembers what it found of each node, so
// that the links of a paragraph, or the empty code blocks of a body, do not
// each walk what the others walked: a link holding 20,000 empty images
// took 20,000 walks of 20,000 nodes.
type offsets struct {
	memo  map[ast.Node]int
	visit int // nodes looked at, for TestOffsetsLinear
}

// of returns the byte offset where n starts.
func (o *offsets) of(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if off := o.first(n); off >= 0 {
			return off
		}
	}
	return 0
}

// first returns the offset of n's first line if it is a block that has
// lines, or of the first text or block with lines inside it, in document
// order; -1 when it has none.
func (o *offsets) first(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if n.Type() == ast.TypeBlock {
		if ls := n.Lines(); ls != nil && ls.Len() > 0 {
			return ls.At(0).Start
		}
	}
	if off, ok := o.memo[n]; ok {
		return off
	}
	off := -1
	for c := n.FirstChild(); c != nil && off < 0; c = c.NextSibling() {
		o.visit++
		off = o.first(c)
	}
	if o.memo == nil {
		o.memo = map[ast.Node]int{}
	}
	o.memo[n] = off
	return off
}

func startsWithShortcode(n ast.Node, src []byte) bool {
	ls := n.Lines()
	if ls == nil || ls.Len() == 0 {
		return false
	}
	first := ls.At(0)
	return bytes.HasPrefix(first.Value(src), []byte("{{"))
}

func rawText(n ast.Node, src []byte) []byte {
	var b []byte
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		s := ls.At(i)
		b = append(b, s.Value(src)...)
	}
	return b
}

// shortcodes returns the names of the Hugo shortcodes in s, in order
// ("{{< figure src=x >}}" and "{{% notice %}}" give "figure" and "notice";
// closing tags give "/notice"). Their parameters may hold text to translate,
// so only names are compared.
func shortcodes(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "{{")
		if i < 0 || i+2 >= len(s) {
			return out
		}
		s = s[i+2:]
		if s[0] != '<' && s[0] != '%' {
			continue
		}
		closer := "%}}"
		if s[0] == '<' {
			closer = ">}}"
		}
		end := strings.Index(s[1:], closer)
		if end < 0 {
			return out
		}
		end++
		inner := strings.TrimSpace(s[1:end])
		inner = strings.TrimPrefix(strings.TrimSuffix(inner, "*/"), "/*")
		if f := strings.Fields(inner); len(f) > 0 {
			out = append(out, f[0])
		}
		s = s[end+len(closer):]
	}
}

// onlyShortcodes reports whether s holds shortcodes and nothing else.
func onlyShortcodes(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "{{") {
		return false
	}
	for s != "" {
		if !strings.HasPrefix(s, "{{<") && !strings.HasPrefix(s, "{{%") {
			return false
		}
		closer := "%}}"
		if s[2] == '<' {
			closer = ">}}"
		}
		end := strings.Index(s[3:], closer)
		if end < 0 {
			return false
		}
		s = strings.TrimSpace(s[3+end+len(closer):])
	}
	return true
}
