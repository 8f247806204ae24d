package anchor

import (
	"strings"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/language"
)

// PageIDs returns the ids of a new page of format f in language tag:
// explicit ids as written, the others by rule r (parser.IDs).
func PageIDs(r Rule, tag language.Tag, f segment.Format) parser.IDs {
	return explicitIDs{NewIDs(r, tag), f}
}

// parsers read bodies only for their heading ids.
var (
	mdParser  = segment.NewParser(parser.WithAutoHeadingID())
	mdxParser = segment.NewMDXParser(parser.WithAutoHeadingID())
)

// HeadingIDs returns the ids a build gives the headings of a body of
// format f in language tag by rule r, in order: what a "#fragment" link to
// the page must name. The build and check both take ids from here, so they
// never disagree. The error is segment's *LimitError.
func HeadingIDs(body []byte, f segment.Format, r Rule, tag language.Tag) ([]string, error) {
	p := mdParser
	if f == segment.MDX {
		p = mdxParser
	}
	ctx := parser.NewContext(parser.WithIDs(PageIDs(r, tag, f)))
	doc, err := segment.Parse(p, segment.Normalize(body), ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					ids = append(ids, string(b))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return ids, nil
}

// explicitIDs gives a heading the id written at the end of it, "## Title
// {#title-id}" as Docusaurus, Hugo and Pandoc read it, and in MDX "##
// Title {/*title-id*/}" as the React docs write it; other headings get
// the ids of IDs, which skips the explicit ones given before.
type explicitIDs struct {
	*IDs
	format segment.Format
}

// Generate implements parser.IDs: goldmark gives it the heading's line.
func (e explicitIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	if kind == ast.KindHeading {
		id, at := Explicit(string(value), e.format)
		if id != "" {
			e.Put([]byte(id))
			return []byte(id)
		}
		if e.format == segment.MDX && at < len(value) {
			value = value[:at] // a comment that is not an id: not in the slug
		}
	}
	return e.IDs.Generate(value, kind)
}

// Explicit returns the id written at the end of a heading's text and
// where it starts ("" when there is none; in MDX a comment that ends the
// text and is no id is where the text ends all the same).
func Explicit(s string, f segment.Format) (id string, at int) {
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
