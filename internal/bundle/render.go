package bundle

import (
	"bytes"
	"encoding/binary"
	"hash"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/pagelink"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"
)

// pageCtx is one rendering of a body: the build's choices, where the page
// is, and what the rendering found. pageLinks reads it from the parser's
// context.
type pageCtx struct {
	html    string      // build.html: omit, sanitize or trust
	anchors anchor.Rule // build.anchors
	links   *linkMap    // nil: links between articles are left as written
	lang    string      // the bundle's language
	id      string      // the page's article
	file    string      // project path of the version shown, for its relative links
	tag     language.Tag

	out    []byte
	raw    int         // raw HTML blocks and inline tags
	images []pageImage // local images with their lines in the body
}

// pageImage is a relative image destination of a body and its line there.
type pageImage struct {
	dest string
	line int
}

var pageKey = parser.NewContextKey()

// render renders body into pc.out.
//
// The first pass of a build read the body within segment's limits; a body
// past them here changed since, and is refused with the same error, its
// position counted in the body.
func (pc *pageCtx) render(body []byte, tag language.Tag, f segment.Format) error {
	pc.tag = tag
	m := markdownOf(f, pc.html)
	src := segment.Normalize(body)
	ctx := parser.NewContext(parser.WithIDs(anchor.PageIDs(pc.anchors, tag, f)))
	ctx.Set(pageKey, pc)
	doc, err := segment.Parse(m.Parser(), src, ctx)
	if err != nil {
		return err // a *segment.LimitError, positioned in the body
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := m.Renderer().Render(&buf, src, doc); err != nil {
		return err
	}
	pc.out = buf.Bytes()
	if pc.raw > 0 && pc.html == HTMLSanitize {
		// The whole body, as a browser would read it: raw HTML split over
		// several blocks (an opening <div> with Markdown in between) is
		// sanitized as one. A page with no raw HTML costs nothing more.
		pc.out = policy.SanitizeBytes(pc.out)
	}
	return nil
}

// markdownOf returns the renderer of bodies of format f under build.html
// mode.
func markdownOf(f segment.Format, mode string) goldmark.Markdown {
	raw := mode == HTMLSanitize || mode == HTMLTrust
	switch {
	case f == segment.MDX && raw:
		return mdxRaw
	case f == segment.MDX:
		return mdxMD
	case raw:
		return mdRaw
	}
	return md
}

// HeadingIDs returns the ids a build gives the headings of a body
// (anchor.HeadingIDs, which check uses too).
func HeadingIDs(body []byte, f segment.Format, rule anchor.Rule, tag language.Tag) ([]string, error) {
	return anchor.HeadingIDs(body, f, rule, tag)
}

// pageLinks counts a page's raw HTML, makes its links to other articles
// point into its own bundle (linkMap), makes an in-page "#fragment" that
// names no heading but whose slug does (by build.anchors) name that
// heading, and lists its relative images.
type pageLinks struct{}

// Transform implements parser.ASTTransformer.
func (pageLinks) Transform(doc *ast.Document, reader text.Reader, ctx parser.Context) {
	pc, _ := ctx.Get(pageKey).(*pageCtx)
	if pc == nil {
		return
	}
	src := reader.Source()
	ids := map[string]bool{}
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			pc.raw++
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					ids[string(b)] = true
				}
			}
		case *ast.Link:
			links = append(links, n)
		case *ast.Image:
			if d := string(n.Destination); pagelink.LocalRef(d) {
				pc.images = append(pc.images, pageImage{dest: d, line: lineOf(n, src)})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		d := string(l.Destination)
		if frag, ok := strings.CutPrefix(d, "#"); ok {
			if f := pc.fragment(frag, ids); f != frag {
				l.Destination = []byte("#" + f)
			}
			continue
		}
		if pc.links == nil {
			continue
		}
		if to, ok := pc.links.resolve(d, pc); ok {
			if self, ok := strings.CutPrefix(to, "\x00self#"); ok {
				to = "#" + pc.fragment(self, ids)
			}
			l.Destination = []byte(to)
		}
	}
}

// fragment returns the heading id an in-page "#frag" names: frag itself
// when a heading has it, else the slug of frag by build.anchors when a
// heading has that ("#projenizi-paylaşın" on a page whose heading's ascii
// id is "projenizi-paylasin"), else frag as written (check reports it).
func (pc *pageCtx) fragment(frag string, ids map[string]bool) string {
	if frag == "" || ids[frag] {
		return frag
	}
	dec, err := url.PathUnescape(frag)
	if err != nil {
		return frag
	}
	if ids[dec] {
		return dec
	}
	if s := anchor.Slug(pc.anchors, dec, pc.tag); ids[s] {
		return s
	}
	return frag
}

// lineOf returns the line in src (from 1) where an inline node starts, as
// near as the AST tells: its first text, else its block's first line.
func lineOf(n ast.Node, src []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	for p := n.Parent(); off < 0 && p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			off = p.Lines().At(0).Start
		}
	}
	if off < 0 || off > len(src) {
		return 1
	}
	return bytes.Count(src[:off], []byte{'\n'}) + 1
}

// linkMap is what a page needs to know of the other articles to point its
// links at their pages in its own bundle.
type linkMap struct {
	ix     *pagelink.Index            // the articles and their files
	in     map[string]map[string]bool // language -> articles with a page in its bundle
	source map[string]string          // article id -> source language
}

// resolve returns where a link of a page should point, when it names an
// article (pagelink): its page in the page's bundle (the translation or
// the fallback page), else its page in its source language's bundle. A
// link to the page itself with a fragment comes back as
// "\x00self#fragment".
func (lm *linkMap) resolve(d string, pc *pageCtx) (string, bool) {
	id, rest := lm.ix.Article(pc.file, d)
	if id == "" {
		return "", false
	}
	if id == pc.id && strings.HasPrefix(rest, "#") {
		return "\x00self" + rest, true
	}
	lang := pc.lang
	if !lm.in[lang][id] {
		lang = lm.source[id]
		if !lm.in[lang][id] {
			return "", false // in no bundle being built
		}
	}
	return rel(pc.id, lang, id) + rest, true
}

// newLinkMap gathers the articles of every language that is built or could
// be (a --lang build's pages are the bytes of a full build's).
func newLinkMap(plans []*langPlan, langs []string, baseURL string) *linkMap {
	lm := &linkMap{ix: pagelink.New(langs, baseURL), in: map[string]map[string]bool{}, source: map[string]string{}}
	for _, lp := range plans {
		if lp.excluded != "" {
			continue
		}
		in := map[string]bool{}
		for _, e := range lp.entries {
			in[e.a.ID] = true
			lm.source[e.a.ID] = e.a.Source
			lm.ix.Add(e.a.ID, "")
			for _, v := range e.a.Versions {
				if v.HasFile {
					lm.ix.Add(e.a.ID, v.Path)
				}
			}
		}
		lm.in[lp.lang] = in
	}
	return lm
}

// hash hashes what resolve reads into h, for the inputs of every page. It
// writes all of it at once: a site of 10,000 articles has 30,000 fields.
func (lm *linkMap) hash(h hash.Hash) {
	var b []byte
	field := func(s string) {
		b = binary.BigEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	byPath := lm.ix.Paths()
	for _, p := range slices.Sorted(maps.Keys(byPath)) {
		field(p)
		field(byPath[p])
	}
	for _, l := range slices.Sorted(maps.Keys(lm.in)) {
		field("lang " + l)
		for _, id := range slices.Sorted(maps.Keys(lm.in[l])) {
			field(id)
			field(lm.source[id])
		}
	}
	h.Write(b)
}
