package bundle

import (
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdxMD renders MDX bodies (.mdx files) as md renders Markdown. JSX tags,
// import and export lines and {expressions} are dropped, never shown as
// text nor passed through: they are React components and JavaScript that
// only MDX's own build gives a meaning to, and raw HTML is not passed
// through from Markdown either (md's safe mode). The Markdown between a
// component's tags (the text of <Intro>, the code blocks of <Sandpack>) is
// rendered as it is. See docs/mdx.md.
var mdxMD = segment.MarkdownMDX(bodyOptions(segment.MDX)...)

// explicitIDText takes the explicit id out of a heading's text, so that
// "{#title-id}" is not shown (in MDX, "{/*title-id*/}" is an expression,
// which renders as nothing anyway).
type explicitIDText struct{ format segment.Format }

// Transform implements parser.ASTTransformer.
func (x explicitIDText) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		last := h.LastChild()
		if m, ok := last.(*segment.MDXText); ok && m.What == "expression" {
			h.RemoveChild(h, m) // an id, or a comment: nothing to show either way
			last = h.LastChild()
		}
		if t, ok := last.(*ast.Text); ok {
			v := string(t.Segment.Value(src))
			if id, at := segment.HeadingID(v); id != "" {
				t.Segment = t.Segment.WithStop(t.Segment.Start + at)
			}
			t.Segment = t.Segment.TrimRightSpace(src)
		}
		return ast.WalkSkipChildren, nil
	})
}
