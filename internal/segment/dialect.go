package segment

import (
	"math"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NewParser returns a goldmark parser of the Markdown dialect of language
// versions (CommonMark with GFM tables, strikethrough and footnotes) that
// keeps to the limits (limits.go): it is goldmark's default parser with
// the extensions' parts added as their Extend methods add them, and hooks
// that count what a body holds before goldmark does the work that grows
// with it. opts are further options (a renderer's heading ids).
//
// A body that exceeds a limit reads as an empty document and Parse returns
// the error.
func NewParser(opts ...parser.Option) parser.Parser {
	all := append([]parser.Option{
		parser.WithBlockParsers(blockParsers()...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(extension.NewStrikethroughParser(), 500),
			util.Prioritized(extension.NewFootnoteParser(), 101))...),
		parser.WithParagraphTransformers(
			util.Prioritized(refsGuard{}, 99), // before the link reference definitions (100)
			util.Prioritized(parser.LinkReferenceParagraphTransformer, 100),
			util.Prioritized(tableGuard{}, 150), // before the tables (200)
			util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
		parser.WithASTTransformers(
			util.Prioritized(extension.NewTableASTTransformer(), 0),
			util.Prioritized(extension.NewFootnoteASTTransformer(), 999),
			util.Prioritized(treeGuard{}, math.MaxInt32)), // last: after the footnote list is placed
	}, opts...)
	return parser.NewParser(all...)
}

// blockParsers returns goldmark's default block parsers
// (parser.DefaultBlockParsers, which TestDialectAsGoldmark compares), three
// of them guarded, and the footnote extension's, guarded.
func blockParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(depthGuard{BlockParser: parser.NewListParser()}, 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(atxGuard{parser.NewATXHeadingParser()}, 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(depthGuard{BlockParser: parser.NewBlockquoteParser(), opens: quoteOpens}, 800),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(parser.NewParagraphParser(), 1000),
		util.Prioritized(depthGuard{BlockParser: extension.NewFootnoteBlockParser(), opens: footnoteOpens}, 999),
	}
}

// Markdown returns a goldmark.Markdown of the dialect: NewParser(opts...)
// and goldmark's HTML renderer with the extensions' renderers. Its
// renderer is in goldmark's safe mode.
func Markdown(opts ...parser.Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(NewParser(opts...)),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(extension.NewTableHTMLRenderer(), 500),
			util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
			util.Prioritized(extension.NewFootnoteHTMLRenderer(), 500),
		)),
	)
}

// Parse parses a normalised body with p, a parser from NewParser, in the
// context pc (nil for a new one). The error is a *LimitError when the body
// exceeds a limit; the document is then empty.
func Parse(p parser.Parser, body []byte, pc parser.Context) (ast.Node, error) {
	if pc == nil {
		pc = parser.NewContext()
	}
	reader := text.NewReader(body)
	l := limiterOf(pc, reader)
	doc := p.Parse(reader, parser.WithContext(pc))
	if l.err != nil {
		doc.RemoveChildren(doc)
		return doc, l.err
	}
	return doc, nil
}

// containerDepth is the number of block quotes, lists and footnote
// definitions that n is or is inside.
func containerDepth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList, east.KindFootnote:
			d++
		}
	}
	return d
}

// depthGuard is a parser of a container block that refuses to open one more
// than MaxDepth deep. opens tells whether a line, from its block offset,
// would open one; nil asks the parser itself (the list parser's Open has
// no effect that matters when its node is dropped).
type depthGuard struct {
	parser.BlockParser
	opens func(rest []byte) bool
}

// Open implements parser.BlockParser.
func (g depthGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if containerDepth(parent) < MaxDepth {
		return g.BlockParser.Open(parent, reader, pc)
	}
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return g.BlockParser.Open(parent, reader, pc)
	}
	if g.opens != nil && !g.opens(line[pos:]) {
		return nil, parser.NoChildren
	}
	if g.opens == nil {
		if n, _ := g.BlockParser.Open(parent, reader, pc); n == nil {
			return nil, parser.NoChildren
		}
	}
	limiterOf(pc, reader).fail(seg.Start+pos-seg.Padding, clitext.Msg("segment_nested_blocks", "Max", MaxDepth))
	return nil, parser.NoChildren
}

func quoteOpens(rest []byte) bool { return rest[0] == '>' }

func footnoteOpens(rest []byte) bool { return len(rest) > 1 && rest[0] == '[' && rest[1] == '^' }

// atxGuard is the ATX heading parser charging the inline work of each
// heading (limiter.inline).
type atxGuard struct{ parser.BlockParser }

// Open implements parser.BlockParser.
func (g atxGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n, st := g.BlockParser.Open(parent, reader, pc)
	if n != nil && !limiterOf(pc, reader).inline(n.Lines().Sliced(0, n.Lines().Len()), blockHeading) {
		n.Lines().Clear()
	}
	return n, st
}

// SetOption implements parser.SetOptioner (heading ids, attributes).
func (g atxGuard) SetOption(name parser.OptionName, value any) {
	if so, ok := g.BlockParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

// refsGuard charges, before goldmark takes the link reference definitions
// out of a paragraph, the time that takes: each definition taken out
// copies the lines after it. A paragraph whose first line cannot begin a
// definition costs nothing: goldmark gives up at once.
type refsGuard struct{}

// Transform implements parser.ParagraphTransformer.
func (refsGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	l := limiterOf(pc, reader)
	lines := node.Lines()
	if l.err != nil {
		lines.Clear()
		return
	}
	first := trimSpace(l.src[lines.At(0).Start:lines.At(0).Stop])
	if len(first) == 0 || first[0] != '[' {
		return
	}
	if _, _, ok := inlineLink(first); ok {
		return
	}
	defs := 0 // lines that may begin a definition
	for i := 0; i < lines.Len(); i++ {
		if s := trimSpace(l.src[lines.At(i).Start:lines.At(i).Stop]); len(s) > 0 && s[0] == '[' {
			defs++
		}
	}
	l.work += refWeight * int64(defs) * int64(lines.Len())
	if l.work > MaxInlineWork {
		l.fail(lines.At(0).Start, clitext.Msg("segment_link_refs", "Defs", defs, "Lines", lines.Len(), "Limit", MaxInlineWork))
		lines.Clear()
	}
}

// refWeight is what taking out a definition costs per line after it, in
// the units of inline work (measured: about 4x a markup character's).
const refWeight = 4

// treeGuard runs last of the transformers of the parsed tree. It measures
// what only the tree shows: how deep inlines nest (when a block has enough
// markup to nest too deep) and how many bytes links and images point to
// (when reference definitions may repeat them), without recursion; and it
// empties the tree of a body that exceeded a limit, so that nothing walks
// it further (goldmark's transformers before it read every tree in linear
// time).
type treeGuard struct{}

// Transform implements parser.ASTTransformer.
func (treeGuard) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	l := limiterOf(pc, reader)
	if l.err == nil && (l.deep || len(pc.References()) > 0) {
		measureTree(l, doc)
	}
	if l.err != nil {
		doc.RemoveChildren(doc)
	}
}

// measureTree checks the inline nesting and the link bytes of a tree.
func measureTree(l *limiter, doc ast.Node) {
	depth := 0 // inlines that n is inside
	var links int64
	for n := doc.FirstChild(); n != nil; {
		switch n := n.(type) {
		case *ast.Link:
			links += int64(len(n.Destination) + len(n.Title))
		case *ast.Image:
			links += int64(len(n.Destination) + len(n.Title))
		}
		if links > MaxLinkBytes {
			l.fail(nodeOffset(n), clitext.Msg("segment_link_bytes", "MiB", MaxLinkBytes>>20))
			return
		}
		if c := n.FirstChild(); c != nil {
			if n.Type() == ast.TypeInline {
				depth++
				if depth > MaxDepth {
					l.fail(nodeOffset(c), clitext.Msg("segment_nested_inlines", "Max", MaxDepth))
					return
				}
			}
			n = c
			continue
		}
		for n != doc && n.NextSibling() == nil {
			n = n.Parent()
			if n.Type() == ast.TypeInline {
				depth--
			}
		}
		if n == doc {
			return
		}
		n = n.NextSibling()
	}
}

// nodeOffset returns where a node starts: its first text, or the first line
// of the block it is in.
func nodeOffset(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}
