package bundle

import (
	"bytes"
	"strings"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"
)

// mdxMD renders MDX bodies (.mdx files) as md renders Markdown. JSX tags,
// import and export lines and {expressions} are dropped, never shown as
// text nor passed through: they are React components and JavaScript that
// only MDX's own build gives a meaning to, and raw HTML is not passed
// through from Markdown either (md's safe mode). The Markdown between a
// component's tags (the text of <Intro>, the code blocks of <Sandpack>) is
// rendered as it is. See docs/mdx.md.
var mdxMD = segment.MarkdownMDX(
	parser.WithAutoHeadingID(),
	parser.WithASTTransformers(
		util.Prioritized(demoteHeadings{}, 1000),
		util.Prioritized(explicitIDText{segment.MDX}, 1001)),
)

// markdownOf returns the renderer of bodies of format f.
func markdownOf(f segment.Format) goldmark.Markdown {
	if f == segment.MDX {
		return mdxMD
	}
	return md
}

// renderBodyAs is renderBody for a body of format f (segment.FormatOf of
// the file's name).
func renderBodyAs(body []byte, tag language.Tag, f segment.Format) ([]byte, error) {
	m := markdownOf(f)
	src := segment.Normalize(body)
	ctx := parser.NewContext(parser.WithIDs(explicitIDs{newHeadingIDs(tag), f}))
	doc, err := segment.Parse(m.Parser(), src, ctx)
	if err != nil {
		return nil, err // a *segment.LimitError, positioned in the body
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := m.Renderer().Render(&buf, src, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// explicitIDs gives a heading the id written at the end of it, "## Title
// {#title-id}" as Docusaurus, Hugo and Pandoc read it, and in MDX "##
// Title {/*title-id*/}" as the React docs write it; other headings get
// the ids of headingIDs, which skips the explicit ones given before.
type explicitIDs struct {
	*headingIDs
	format segment.Format
}

// Generate implements parser.IDs: goldmark gives it the heading's line.
func (e explicitIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	if kind == ast.KindHeading {
		id, at := explicitID(string(value), e.format)
		if id != "" {
			e.seen[id] = true
			return []byte(id)
		}
		if e.format == segment.MDX && at < len(value) {
			value = value[:at] // a comment that is not an id: not in the slug
		}
	}
	return e.headingIDs.Generate(value, kind)
}

// explicitID returns the id written at the end of a heading's text and
// where it starts ("" when there is none; in MDX a comment that ends the
// text and is no id is where the text ends all the same).
func explicitID(s string, f segment.Format) (id string, at int) {
	if id, at := segment.HeadingID(s); id != "" {
		return id, at
	}
	if f != segment.MDX {
		return "", len(s)
	}
	t := strings.TrimRight(s, " \t")
	if !strings.HasSuffix(t, "*/}") {
		return "", len(s)
	}
	open := strings.LastIndex(t, "{/*")
	if open < 0 || open+3 > len(t)-3 {
		return "", len(s)
	}
	id = strings.TrimSpace(t[open+3 : len(t)-3])
	if inner, _ := segment.HeadingID("{#" + id + "}"); inner != id || strings.Contains(id, "*/") {
		return "", open // not an id: a comment of words, which ends the text still
	}
	return id, open
}

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
