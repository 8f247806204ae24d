package segment

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/fastpath"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Kinds of segment.
const (
	Field     = "field"      // a translatable front-matter field (or one item of a list field)
	Heading   = "heading"    // an ATX or setext heading
	Paragraph = "paragraph"  // a paragraph at the top level
	ListItem  = "list_item"  // the text of a list item
	TableCell = "table_cell" // one cell of a GFM table
	Quote     = "blockquote" // a paragraph inside a block quote
	Footnote  = "footnote"   // a paragraph of a footnote definition
	Code      = "code"       // a fenced or indented code block
	HTML      = "html"       // a raw HTML block
	LinkRef   = "link_ref"   // a link reference definition ([label]: url "title")
)

// Segment is one unit of translation.
type Segment struct {
	Kind  string `json:"kind"`
	Key   string `json:"key,omitempty"`   // field name ("title", "tags.1"), or "h2" for a heading
	Text  string `json:"text"`            // normalised Markdown source of the segment
	Hash  string `json:"hash"`            // hex SHA-256 of kind, key and text
	Line  int    `json:"line"`            // 1-based line in the file
	Words int    `json:"words"`           // words to translate
	Plain string `json:"plain,omitempty"` // the text a reader sees, without Markdown

	// Start and End are the byte offsets, in the normalised body given to
	// Body, of the segment's first and last source line (without container
	// markers such as "> " or "- " on the first line); zero for fields.
	Start, End int `json:"-"`
}

// Translatable reports whether the segment holds prose to translate (code
// and raw HTML are carried over as they are).
func (s Segment) Translatable() bool {
	if s.Kind == HTML {
		return s.Words > 0 // the text of an HTML block that is not code
	}
	return s.Kind != Code && s.Kind != LinkRef && s.Kind != MDXCode
}

func (s *Segment) hash() {
	h := sha256.New()
	h.Write([]byte(s.Kind))
	h.Write([]byte{0})
	h.Write([]byte(s.Key))
	h.Write([]byte{0})
	h.Write([]byte(s.Text))
	s.Hash = hex.EncodeToString(h.Sum(nil))
}

// md is the Markdown dialect of language versions: CommonMark with GFM
// tables, strikethrough and footnotes, within the limits (limits.go).
// goldmark parsers are safe for concurrent use.
var md = Markdown()

// Parser returns the goldmark instance used for segmentation, so that
// other readers of a body read it the same way; parse with Parse to learn
// whether the body is within the limits.
func Parser() goldmark.Markdown { return md }

// Read splits a normalised Markdown body into segments. firstLine is the
// file line where body starts, so segment lines are file lines. With lean,
// the segments carry no Text or Plain: for callers that need only kinds,
// keys, hashes, lines, words and offsets (states and counts), without the
// memory of the texts. The error is a *LimitError when the body exceeds
// one of the limits (limits.go); there are then no segments.
//
// The commonest Markdown (ATX headings, paragraphs, "- " lists, inline
// links) is segmented in one pass over the lines (fastBody), anything else
// by goldmark (slowBody); both give the same segments, which the tests
// check on real articles and under FuzzFastBody, and the same verdict on
// the limits (the same checks). goldmark was most of the time `ceviri status`
// and `ceviri check` take (docs/performance.md).
func Read(body []byte, firstLine int, lean bool) ([]Segment, error) {
	return ReadAs(body, firstLine, lean, CommonMark)
}

// ReadAs is Read for a body of format f. An MDX body is always read by
// goldmark, with MDX's constructs (mdx.go): its import and export lines,
// lines of JSX tags and of {expressions} are MDXCode segments, and JSX tags
// and {expressions} inside text are part of the segment's Text (its
// fingerprint) but not of its Plain text (its words).
func ReadAs(body []byte, firstLine int, lean bool, f Format) ([]Segment, error) {
	if f == CommonMark && fastpath.On() {
		if segs, ok := fastBody(body, firstLine, lean); ok {
			return segs, nil
		}
	}
	segs, err := slowBody(body, firstLine, f)
	if err != nil {
		return nil, err
	}
	if lean {
		for i := range segs {
			segs[i].Text, segs[i].Plain = "", ""
		}
	}
	return segs, nil
}

// Body is Read for a body known to be within the limits, or whose
// segments are not needed when it is not (none are returned then).
func Body(body []byte, firstLine int) []Segment {
	segs, _ := Read(body, firstLine, false)
	return segs
}

// Hashes is Body with lean segments (see Read).
func Hashes(body []byte, firstLine int) []Segment {
	segs, _ := Read(body, firstLine, true)
	return segs
}

// slowBody is Read for any Markdown, with goldmark.
func slowBody(body []byte, firstLine int, f Format) ([]Segment, error) {
	pc := parser.NewContext()
	doc, err := Parse(ParserOf(f).Parser(), body, pc)
	if err != nil {
		return nil, err
	}
	lines := NewLineIndex(body)
	var out []Segment
	var defs map[string]int // where each link reference is first defined
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var s Segment
		switch n := n.(type) {
		case *ast.LinkReferenceDefinition:
			if key := util.ToLinkReference(n.Label); n.Lines().Len() > 0 {
				if defs == nil {
					defs = map[string]int{}
				}
				if _, ok := defs[key]; !ok {
					defs[key] = n.Lines().At(0).Start
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			s = Segment{Kind: Heading, Key: "h" + strconv.Itoa(n.Level)}
		case *ast.Paragraph, *ast.TextBlock:
			s = Segment{Kind: containerKind(n)}
		case *east.TableCell:
			s = Segment{Kind: TableCell}
		case *ast.FencedCodeBlock:
			info := ""
			if n.Info != nil {
				info = strings.TrimSpace(string(n.Info.Segment.Value(body)))
			}
			s = Segment{Kind: Code, Key: info, Text: trimLines(rawLines(n, body))}
		case *ast.CodeBlock:
			s = Segment{Kind: Code, Text: trimLines(rawLines(n, body))}
		case *ast.HTMLBlock:
			s = Segment{Kind: HTML, Text: htmlText(n, body)}
			if n.HTMLBlockType == ast.HTMLBlockType6 {
				// Block-level elements such as a pull quote's <blockquote>,
				// a <div> or <details> hold prose; <pre>, <script>,
				// comments and declarations do not. A block of type 7 (a
				// line holding only an inline tag such as <span>) is left
				// out too: its text, written back on one line, would read
				// as a paragraph.
				s.Plain = htmlPlain(s.Text)
				s.Words = CountWords(s.Plain)
			}
		case *MDXFlow:
			s = Segment{Kind: MDXCode, Key: n.What, Text: Collapse(rawLines(n, body))}
		default:
			return ast.WalkContinue, nil
		}
		if ls := n.Lines(); ls.Len() > 0 {
			s.Start, s.End = ls.At(0).Start, ls.At(ls.Len()-1).Stop
			if s.Kind == MDXCode || s.Kind == HTML {
				// Up to its last character, as a paragraph's: the lines of
				// raw blocks end after their newline.
				for s.End > s.Start && isSpace(body[s.End-1]) {
					s.End--
				}
			}
			s.Line = firstLine + lines.Line(s.Start)
		} else if pos := n.Pos(); pos >= 0 {
			s.Start, s.End = pos, pos
			s.Line = firstLine + lines.Line(pos)
		} else {
			s.Line = firstLine + lines.Line(firstInlineOffset(n))
		}
		if s.Translatable() && s.Kind != HTML {
			s.Text = Collapse(rawLines(n, body))
			s.Plain = Collapse(plainText(n, body))
			if s.Kind == Heading && f == CommonMark {
				s.Plain = strings.TrimSpace(s.Plain[:HeadingIDAt(s.Plain)])
			}
			s.Words = CountWords(s.Plain)
			if s.Text == "" {
				return ast.WalkSkipChildren, nil // an empty cell or heading
			}
		}
		s.hash()
		out = append(out, s)
		return ast.WalkSkipChildren, nil
	})
	return append(out, linkRefs(pc, defs, firstLine, lines)...), nil
}

// linkRefs returns the link reference definitions, which goldmark keeps out
// of the tree, so that a changed reference URL changes the fingerprint.
// defs holds the offset of each label's first definition.
func linkRefs(pc parser.Context, defs map[string]int, firstLine int, lines LineIndex) []Segment {
	refs := pc.References()
	out := make([]Segment, 0, len(refs))
	for _, r := range refs {
		label := string(r.Label())
		s := Segment{Kind: LinkRef, Key: strings.ToLower(label), Text: Collapse(string(r.Destination()) + " " + string(r.Title()))}
		s.Line = firstLine
		if off, ok := defs[util.ToLinkReference(r.Label())]; ok {
			s.Line = firstLine + lines.Line(off)
		}
		// else a definition goldmark took out of the tree (one ending a
		// chain of footnote labels, found by FuzzBody): the body's first
		// line, rather than a search of the body for each label.
		s.Plain = Collapse(string(r.Title()))
		s.Words = CountWords(s.Plain)
		s.hash()
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// containerKind names a paragraph by the block that holds it.
func containerKind(n ast.Node) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem:
			return ListItem
		case *ast.Blockquote:
			return Quote
		case *east.Footnote:
			return Footnote
		}
	}
	return Paragraph
}

// rawLines returns the source text of a block's lines.
func rawLines(n ast.Node, src []byte) string {
	var b strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// plainText returns what a reader sees of a block: text of its inlines,
// including link and image text, without code spans, URLs, autolinks or raw
// HTML.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			b.WriteByte(' ')
			return ast.WalkSkipChildren, nil
		case *MDXText:
			if c.What == "expression" {
				b.WriteByte(' ') // a tag, like <Em>, is inside a word or between two
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// firstInlineOffset returns the offset of the first text inside n.
func firstInlineOffset(n ast.Node) int {
	off := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off
}

// LineIndex maps byte offsets of a text to 0-based line numbers.
type LineIndex []int

// NewLineIndex returns the LineIndex of b.
func NewLineIndex(b []byte) LineIndex {
	idx := LineIndex{0}
	for i, c := range b {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// Line returns the 0-based line of byte offset off.
func (l LineIndex) Line(off int) int {
	return sort.SearchInts(l, off+1) - 1
}
