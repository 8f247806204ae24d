package bundle

import (
	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"
)

// md renders article bodies: the Markdown dialect that segment reads
// (CommonMark, GFM tables, strikethrough, footnotes, within segment's
// limits) with heading ids. goldmark's HTML renderer is left in its safe
// mode (no html.WithUnsafe): raw HTML in Markdown becomes an "<!-- raw HTML
// omitted -->" comment and javascript: links lose their destination, so an
// article cannot inject script into the site.
var md = segment.Markdown(bodyOptions(segment.CommonMark)...)

// mdRaw and mdxRaw are md and mdxMD with raw HTML passed through (build.html
// sanitize, before the sanitizer, and trust).
var (
	mdRaw  = segment.Markdown(bodyOptions(segment.CommonMark)...)
	mdxRaw = segment.MarkdownMDX(bodyOptions(segment.MDX)...)
	_      = withRawHTML(mdRaw.Renderer())
	_      = withRawHTML(mdxRaw.Renderer())
)

// bodyOptions are the parser options of the bodies of format f: heading
// ids, headings demoted under the title, explicit ids out of the text, and
// the page's links and images resolved (pageLinks).
func bodyOptions(f segment.Format) []parser.Option {
	return []parser.Option{
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(
			util.Prioritized(demoteHeadings{}, 1000),
			util.Prioritized(explicitIDText{f}, 1001),
			util.Prioritized(pageLinks{}, 1002)),
	}
}

// renderBody renders a Markdown body to HTML. tag is the language of the
// text, which decides how heading anchors are lower-cased.
//
// The first pass of a build read the body within segment's limits; a body
// past them here changed since, and is refused with the same error, its
// position counted in the body.
func renderBody(body []byte, tag language.Tag) ([]byte, error) {
	return renderBodyAs(body, tag, segment.CommonMark)
}

// renderBodyAs is renderBody for a body of format f (segment.FormatOf of
// the file's name), with build.html's default (sanitize) and anchors
// (ascii), links left as written.
func renderBodyAs(body []byte, tag language.Tag, f segment.Format) ([]byte, error) {
	pc := &pageCtx{html: HTMLSanitize, anchors: anchor.ASCII}
	if err := pc.render(body, tag, f); err != nil {
		return nil, err
	}
	return pc.out, nil
}

// demoteHeadings moves every heading of a body that uses level 1 down one
// level: the page's title is its one <h1>, so a "# Heading" in the body
// becomes an <h2> (and an <h6> stays an <h6>).
type demoteHeadings struct{}

// Transform implements parser.ASTTransformer.
func (demoteHeadings) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	has1 := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level == 1 {
			has1 = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if !has1 {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level < 6 {
			h.Level++
		}
		return ast.WalkContinue, nil
	})
}
