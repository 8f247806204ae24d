package interchange

import (
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Link is a link or image destination of a segment's Markdown.
type Link struct {
	Image bool
	Dest  string
}

// LinksOf returns the destinations of the links, images and autolinks of a
// segment's Markdown (reference links resolved with refs), in order, as
// the release gate's links rule reads them.
func LinksOf(src string, refs []parser.Reference, f segment.Format) []Link {
	b := []byte(src)
	pc := parser.NewContext()
	for _, r := range refs {
		pc.AddReference(r)
	}
	doc := inlineOf(f).Parse(text.NewReader(b), parser.WithContext(pc))
	var out []Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			out = append(out, Link{Dest: string(n.Destination)})
		case *ast.Image:
			out = append(out, Link{Image: true, Dest: string(n.Destination)})
		case *ast.AutoLink:
			out = append(out, Link{Dest: string(n.URL(b))})
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan, *ast.RawHTML, *segment.MDXText:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Options are the settings of CheckWith. The zero value checks what Check
// always checked.
type Options struct {
	// Links compares the link and image destinations of a translated
	// segment with its source segment's as the release gate does, and
	// describes each difference in ceviri's words (the command line passes
	// check.LinkDiffText; interchange cannot import check, a package of its
	// own layer). nil: destinations are not compared (check.rules turns
	// links off).
	Links func(article, srcLang, trLang string, src, tr []Link) []clitext.Text
	// LinkWarnings makes a difference of Links a warning, not a refusal
	// (check.rules sets links to warning).
	LinkWarnings bool
	// DraftOnProblems accepts a translation that breaks the source's
	// markup (a link, an image, inline code, emphasis, a placeholder) or
	// links elsewhere: each problem becomes a warning and the article is
	// recorded as a draft.
	DraftOnProblems bool
}
