package segment

import (
	"math"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Format is the syntax of a language version's body, decided by its file
// name (FormatOf).
type Format uint8

const (
	// CommonMark is the Markdown of .md and .markdown files: CommonMark
	// with GFM tables, strikethrough and footnotes.
	CommonMark Format = iota
	// MDX is the Markdown of .mdx files (mdxjs.com): the same, with
	// import/export lines (ESM), JSX elements and {expressions}, and
	// without indented code or HTML blocks, as MDX reads them.
	MDX
)

// FormatOf returns the format of a file: MDX for a name ending in ".mdx"
// (in any case), CommonMark for any other.
func FormatOf(name string) Format {
	if len(name) >= 4 && strings.EqualFold(name[len(name)-4:], ".mdx") {
		return MDX
	}
	return CommonMark
}

// MDXCode is the kind of segment of MDX that is code at the level of
// blocks, with its Key: "esm" (import and export lines), "jsx" (lines of
// JSX tags, such as <Sandpack> or </Intro>, and {expressions} among them)
// or "expression" (lines of {expressions} alone, such as {/* a comment */}).
// Like code, it is not translated, has no words, and is part of the
// fingerprint.
const MDXCode = "mdx"

// MaxMDXSpan is the most bytes one JSX tag or {expression} may span across
// lines: a longer one reads as the text it is (an unclosed "{" in prose
// must not make each later line be read to the end of the body). What the
// scanners read is charged to MaxInlineWork as well.
const MaxMDXSpan = 256 << 10

// KindMDXFlow is the kind of MDXFlow nodes.
var KindMDXFlow = ast.NewNodeKind("MDXFlow")

// MDXFlow is MDX at the level of blocks: import and export lines, or lines
// holding only JSX tags and {expressions}. The Markdown between an opening
// and a closing tag on lines of their own is parsed as the blocks it is,
// beside them.
type MDXFlow struct {
	ast.BaseBlock
	What string // "esm", "jsx" or "expression"
	end  int    // offset where the last line of a JSX flow ends
}

// Kind implements ast.Node.
func (n *MDXFlow) Kind() ast.NodeKind { return KindMDXFlow }

// IsRaw implements ast.Node: the lines are not Markdown.
func (n *MDXFlow) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *MDXFlow) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"What": n.What}, nil)
}

// KindMDXText is the kind of MDXText nodes.
var KindMDXText = ast.NewNodeKind("MDXText")

// MDXText is MDX inside a paragraph, heading or other text: one JSX tag
// (the text between an opening and a closing tag is text, read as
// Markdown) or one {expression}.
type MDXText struct {
	ast.BaseInline
	What    string       // "jsx" or "expression"
	Segment text.Segment // where it is in the source (it may span lines)
}

// Kind implements ast.Node.
func (n *MDXText) Kind() ast.NodeKind { return KindMDXText }

// Dump implements ast.Node.
func (n *MDXText) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"What": n.What, "Value": string(n.Segment.Value(src))}, nil)
}

// NewMDXParser is NewParser for MDX: the same parser, within the same
// limits, with MDX's constructs read (mdxFlowParser, mdxTextParser), and
// without indented code and HTML blocks, which MDX does not have (an
// indented line is a paragraph's, and a line of HTML is JSX).
func NewMDXParser(opts ...parser.Option) parser.Parser {
	var blocks []util.PrioritizedValue
	for _, b := range blockParsers() {
		switch b.Priority {
		case 500, 900: // the indented code and HTML block parsers
			continue
		case 1000: // the paragraph parser
			b.Value = indentedParagraph{b.Value.(parser.BlockParser)}
		}
		blocks = append(blocks, b)
	}
	blocks = append(blocks, util.Prioritized(mdxFlowParser{}, 50))
	all := append([]parser.Option{
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(extension.NewStrikethroughParser(), 500),
			util.Prioritized(extension.NewFootnoteParser(), 101),
			util.Prioritized(mdxTextParser{}, 50))...), // before goldmark's raw HTML and autolinks
		parser.WithParagraphTransformers(
			util.Prioritized(refsGuard{}, 99),
			util.Prioritized(parser.LinkReferenceParagraphTransformer, 100),
			util.Prioritized(tableGuard{}, 150),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
		parser.WithASTTransformers(
			util.Prioritized(extension.NewTableASTTransformer(), 0),
			util.Prioritized(extension.NewFootnoteASTTransformer(), 999),
			util.Prioritized(treeGuard{}, math.MaxInt32)),
	}, opts...)
	return parser.NewParser(all...)
}

// MarkdownMDX is Markdown for MDX: NewMDXParser(opts...) and the dialect's
// renderer, which renders MDX nodes as nothing (a renderer may register
// its own).
func MarkdownMDX(opts ...parser.Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(NewMDXParser(opts...)),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(extension.NewTableHTMLRenderer(), 500),
			util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
			util.Prioritized(extension.NewFootnoteHTMLRenderer(), 500),
			util.Prioritized(MDXRenderer{}, 500),
		)),
	)
}

// MDXRenderer renders MDX nodes as nothing: JSX components, imports and
// expressions have no meaning in a page that is not built by MDX, and the
// Markdown between a component's tags is rendered as it is.
type MDXRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (MDXRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	skip := func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	}
	reg.Register(KindMDXFlow, skip)
	reg.Register(KindMDXText, skip)
}

// mdxParser is the parser of MDX bodies, as md is of the others.
var mdxParser = MarkdownMDX()

// ParserOf returns the goldmark instance that reads bodies of format f.
func ParserOf(f Format) goldmark.Markdown {
	if f == MDX {
		return mdxParser
	}
	return md
}

// indentedParagraph is goldmark's paragraph parser opening on a line
// indented by four spaces or more too: MDX has no indented code, and
// the Markdown inside JSX elements is often indented.
type indentedParagraph struct{ parser.BlockParser }

// CanAcceptIndentedLine implements parser.BlockParser.
func (indentedParagraph) CanAcceptIndentedLine() bool { return true }

// mdxFlowParser reads MDX at the level of blocks.
type mdxFlowParser struct{}

// Trigger implements parser.BlockParser.
func (mdxFlowParser) Trigger() []byte { return []byte{'<', '{', 'i', 'e'} }

// Open implements parser.BlockParser.
func (mdxFlowParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	l := limiterOf(pc, reader)
	if pos < 0 || pos >= len(line) || seg.Padding != 0 || l.err != nil {
		return nil, parser.NoChildren
	}
	rest := line[pos:]
	if rest[0] == 'i' || rest[0] == 'e' {
		// ESM: an import or export line at the top level, at its left
		// edge, not inside a paragraph, up to the next blank line.
		if pos != 0 || parent.Kind() != ast.KindDocument || ast.IsParagraph(pc.LastOpenedBlock().Node) || !esmStart(rest) {
			return nil, parser.NoChildren
		}
		n := &MDXFlow{What: "esm"}
		n.Lines().Append(seg)
		reader.AdvanceToEOL()
		return n, parser.NoChildren
	}
	start := seg.Start + pos
	end := l.scan(reader.Source(), start, scanFlow)
	if end < 0 {
		return nil, parser.NoChildren
	}
	what := "jsx" // the first construct of the line names it
	if reader.Source()[start] == '{' {
		what = "expression"
	}
	n := &MDXFlow{What: what, end: end}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser.
func (mdxFlowParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MDXFlow)
	line, seg := reader.PeekLine()
	if n.What == "esm" {
		if util.IsBlank(line) {
			return parser.Close
		}
	} else if ls := n.Lines(); ls.At(ls.Len()-1).Stop >= n.end {
		return parser.Close // the flow ended on the line before
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (mdxFlowParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: a line of JSX tags
// ends a paragraph (an import line does not: Open refuses it there).
func (mdxFlowParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (mdxFlowParser) CanAcceptIndentedLine() bool { return true }

// esmStart reports whether a line begins an import or export statement.
func esmStart(line []byte) bool {
	for _, kw := range []string{"import", "export"} {
		if len(line) > len(kw) && string(line[:len(kw)]) == kw {
			switch line[len(kw)] {
			case ' ', '\t', '{', '*':
				return true
			}
		}
	}
	return false
}

// scan runs a scanner from src[start], first on the rest of its line and,
// when that line ends inside the construct, on up to MaxMDXSpan bytes. It
// charges the bytes it looked at to the inline work and returns the
// scanner's result, negative when the construct is not there or past a
// limit.
func (l *limiter) scan(src []byte, start int, scan func([]byte, int) int) int {
	if l.err != nil {
		return notMDX
	}
	eol := start
	for eol < len(src) && src[eol] != '\n' {
		eol++
	}
	end := scan(src[:eol], start)
	looked := eol - start
	if end == needMore && eol < len(src) {
		window := src[:min(len(src), start+MaxMDXSpan)]
		end = scan(window, start)
		looked = len(window) - start
		if end >= 0 {
			looked = end - start
		}
	}
	l.work += int64(looked)
	if l.work > MaxInlineWork {
		l.fail(start, clitext.Msg("segment_mdx_work", "Limit", MaxInlineWork))
		return notMDX
	}
	return end
}

// mdxTextParser reads a JSX tag or an {expression} inside text.
type mdxTextParser struct{}

// Trigger implements parser.InlineParser.
func (mdxTextParser) Trigger() []byte { return []byte{'<', '{'} }

// Parse implements parser.InlineParser.
func (mdxTextParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	l := limiterOf(pc, block)
	if l.err != nil {
		return nil
	}
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	scan, what := scanTag, "jsx"
	if line[0] == '{' {
		scan, what = func(src []byte, i int) int { return scanExpression(src, i, 0) }, "expression"
	}
	end := scan(line, 0)
	looked := len(line)
	if end > 0 {
		looked = end
	}
	var last text.Segment // the line where a construct of several lines ends
	if end == needMore {
		// The construct goes on to the next lines of the block: they are
		// read, up to MaxMDXSpan bytes, and scanned once.
		savedLine, savedPos := block.Position()
		buf := append([]byte(nil), line...)
		var starts []int // where each further line starts in buf
		for len(buf) < MaxMDXSpan {
			block.AdvanceLine()
			next, _ := block.PeekLine()
			if next == nil {
				break
			}
			starts = append(starts, len(buf))
			buf = append(buf, next...)
		}
		end = scan(buf, 0)
		looked += len(buf)
		block.SetPosition(savedLine, savedPos)
		if end > 0 {
			k := len(starts) // the line of buf where the construct ends, 0 the first
			for k > 0 && starts[k-1] >= end {
				k--
			}
			if k == 0 {
				end = needMore // cannot be: the first line did not close it
			} else {
				for range k {
					block.AdvanceLine()
				}
				_, last = block.PeekLine()
				end -= starts[k-1]
			}
		}
	}
	l.work += int64(looked)
	if l.work > MaxInlineWork {
		l.fail(seg.Start, clitext.Msg("segment_mdx_work", "Limit", MaxInlineWork))
		return nil
	}
	if end < 0 {
		return nil
	}
	block.Advance(end)
	if last.Stop > 0 {
		return &MDXText{What: what, Segment: text.NewSegment(seg.Start, last.Start+end)}
	}
	return &MDXText{What: what, Segment: text.NewSegment(seg.Start, seg.Start+end)}
}

// MDXTextParser returns the inline parser of MDX's JSX tags and
// {expressions} in text, for a reader of segments' text (interchange's
// placeholders) to read them as the segmenter does. Give it priority 50,
// before goldmark's parsers of raw HTML and autolinks.
func MDXTextParser() parser.InlineParser { return mdxTextParser{} }
