package interchange

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Piece is a run of a segment's Markdown: either text a translator
// translates, or markup (Code) that must come back byte for byte: link and
// image syntax with their destinations, emphasis markers, code spans,
// autolinks, raw HTML, footnote references and Hugo shortcodes.
type Piece struct {
	Text string
	Code bool // markup, protected from the translator
	ID   int  // 1-based number of a markup piece within its segment
}

// inline parses one segment's text as the inlines of a paragraph: the only
// block parser is the paragraph's, so text that happens to start with "#",
// "- " or "1986. " stays text, and no link reference definition is taken
// out of it.
var inline = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(extension.NewStrikethroughParser(), 500))...),
)

// inlineMDX is inline for the segments of MDX files: JSX tags and
// {expressions} in text are markup, as the segmenter reads them.
var inlineMDX = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(extension.NewStrikethroughParser(), 500),
		util.Prioritized(segment.MDXTextParser(), 50))...),
)

// inlineOf returns the parser of a segment's text in format f.
func inlineOf(f segment.Format) parser.Parser {
	if f == segment.MDX {
		return inlineMDX
	}
	return inline
}

// extra markup that goldmark leaves as text when a segment is parsed on its
// own: footnote references and Hugo shortcodes.
var extra = regexp.MustCompile(`\[\^[^\]\s]+\]|\{\{[<%].*?[%>]\}\}`)

// References returns the link reference definitions of a Markdown body, so
// that reference links in its segments are recognised as links.
func References(body []byte) []parser.Reference {
	return ReferencesAs(body, segment.CommonMark)
}

// ReferencesAs is References for a body of format f.
func ReferencesAs(body []byte, f segment.Format) []parser.Reference {
	pc := parser.NewContext()
	segment.ParserOf(f).Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	return pc.References()
}

// Split cuts a segment's Markdown into text and markup pieces. Joining the
// pieces gives src back exactly.
func Split(src string, refs []parser.Reference) []Piece {
	return SplitAs(src, refs, segment.CommonMark)
}

// SplitAs is Split for a segment of a body of format f: in MDX, JSX tags
// (<Em>, </Em>, <Link href="/x">) and {expressions} are markup, so they
// travel as placeholders and come back as they are.
func SplitAs(src string, refs []parser.Reference, f segment.Format) []Piece {
	b := []byte(src)
	pc := parser.NewContext()
	for _, r := range refs {
		pc.AddReference(r)
	}
	doc := inlineOf(f).Parse(text.NewReader(b), parser.WithContext(pc))
	// The text leaves tile part of src; everything between them is markup.
	type span struct{ start, stop int }
	var texts []span
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *segment.MDXText:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			s := n.Segment
			if s.Start < s.Stop && s.Stop <= len(b) && (len(texts) == 0 || s.Start >= texts[len(texts)-1].stop) {
				if len(texts) > 0 && texts[len(texts)-1].stop == s.Start {
					texts[len(texts)-1].stop = s.Stop
				} else {
					texts = append(texts, span{s.Start, s.Stop})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	var out []Piece
	add := func(s string, code bool) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Code == code {
			out[n-1].Text += s
			return
		}
		out = append(out, Piece{Text: s, Code: code})
	}
	pos := 0
	for _, t := range texts {
		add(src[pos:t.start], true)
		txt := src[t.start:t.stop]
		last := 0
		for _, m := range extra.FindAllStringIndex(txt, -1) {
			add(txt[last:m[0]], false)
			add(txt[m[0]:m[1]], true)
			last = m[1]
		}
		add(txt[last:], false)
		pos = t.stop
	}
	add(src[pos:], true)
	id := 0
	for i := range out {
		if out[i].Code {
			id++
			out[i].ID = id
		}
	}
	return out
}

// Join returns the Markdown of pieces.
func Join(pieces []Piece) string {
	var b strings.Builder
	for _, p := range pieces {
		b.WriteString(p.Text)
	}
	return b.String()
}

// HasMarkup reports whether any piece is markup.
func HasMarkup(pieces []Piece) bool {
	for _, p := range pieces {
		if p.Code {
			return true
		}
	}
	return false
}

// Markup is one kind of inline markup of a segment, for comparing the
// markup of a translation with its source's: links, images and emphasis by
// kind (a translator puts them on other words, and may localise a link's
// destination), code spans, autolinks, raw HTML, footnote references and
// Hugo shortcodes by their text (they must come back as they are).
type Markup struct {
	Kind string // "link", "image", "emphasis", "strong", "strikethrough", "code", "autolink", "html", "footnote", "shortcode", "jsx", "expression"
	Text string // the markup itself, for the kinds compared by text
}

func (m Markup) String() string {
	if m.Text == "" {
		return m.Kind
	}
	return m.Kind + " " + quoteClip(m.Text)
}

// quoteClip quotes a text for a message, shortened.
func quoteClip(s string) string { return strconv.Quote(clip(s)) }

// Inventory counts the inline markup of a segment's Markdown, each kind in
// the order it first appears.
func Inventory(src string, refs []parser.Reference) ([]Markup, map[Markup]int) {
	return InventoryAs(src, refs, segment.CommonMark)
}

// InventoryAs is Inventory for a segment of a body of format f; in MDX,
// JSX tags and {expressions} are counted by their text ("jsx",
// "expression"): they must come back as they are.
func InventoryAs(src string, refs []parser.Reference, f segment.Format) ([]Markup, map[Markup]int) {
	b := []byte(src)
	pc := parser.NewContext()
	for _, r := range refs {
		pc.AddReference(r)
	}
	doc := inlineOf(f).Parse(text.NewReader(b), parser.WithContext(pc))
	var order []Markup
	count := map[Markup]int{}
	add := func(m Markup) {
		if count[m] == 0 {
			order = append(order, m)
		}
		count[m]++
	}
	var run strings.Builder // a run of adjacent text, for footnotes and shortcodes
	last := -1
	endRun := func() {
		for _, m := range extra.FindAllString(run.String(), -1) {
			kind := "shortcode"
			if strings.HasPrefix(m, "[^") {
				kind = "footnote"
			}
			add(Markup{Kind: kind, Text: m})
		}
		run.Reset()
	}
	inner := func(n ast.Node) string {
		var s strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				s.Write(t.Segment.Value(b))
			}
		}
		return s.String()
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			s := n.Segment
			if s.Start != last {
				endRun()
			}
			run.Write(s.Value(b))
			last = s.Stop
			return ast.WalkContinue, nil
		case *ast.Link:
			add(Markup{Kind: "link"})
		case *ast.Image:
			add(Markup{Kind: "image"})
		case *ast.Emphasis:
			if n.Level >= 2 {
				add(Markup{Kind: "strong"})
			} else {
				add(Markup{Kind: "emphasis"})
			}
		case *east.Strikethrough:
			add(Markup{Kind: "strikethrough"})
		case *ast.CodeSpan:
			add(Markup{Kind: "code", Text: inner(n)})
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			add(Markup{Kind: "autolink", Text: string(n.URL(b))})
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			var s strings.Builder
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				s.Write(seg.Value(b))
			}
			add(Markup{Kind: "html", Text: s.String()})
			return ast.WalkSkipChildren, nil
		case *segment.MDXText:
			add(Markup{Kind: n.What, Text: string(n.Segment.Value(b))})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	endRun()
	return order, count
}

// MarkupDiff compares the markup of a translation with its source's and
// describes each kind that is not there the same number of times, or nil.
func MarkupDiff(src, target string, refs []parser.Reference) []string {
	return MarkupDiffAs(src, target, refs, segment.CommonMark)
}

// MarkupDiffAs is MarkupDiff for a segment of a body of format f.
func MarkupDiffAs(src, target string, refs []parser.Reference, f segment.Format) []string {
	d := markupDiff(src, target, refs, f)
	if d == nil {
		return nil
	}
	out := make([]string, len(d))
	for i, t := range d {
		out[i] = t.String()
	}
	return out
}

// markupDiff is MarkupDiffAs in ceviri's words.
func markupDiff(src, target string, refs []parser.Reference, f segment.Format) []clitext.Text {
	order, want := InventoryAs(src, refs, f)
	tOrder, got := InventoryAs(target, refs, f)
	var out []clitext.Text
	for _, m := range order {
		if got[m] != want[m] {
			out = append(out, clitext.Msg("ix_markup_count", "Markup", m.text(), "Source", timesText(want[m]), "Target", timesText(got[m])))
		}
	}
	for _, m := range tOrder {
		if want[m] == 0 {
			out = append(out, clitext.Msg("ix_markup_extra", "Markup", m.text(), "Target", timesText(got[m])))
		}
	}
	return out
}
