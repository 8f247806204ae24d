package bundle

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// The values of build.html: what a page does with the raw HTML of its
// Markdown.
const (
	HTMLOmit     = "omit"     // left out, as "<!-- raw HTML omitted -->", with a warning
	HTMLSanitize = "sanitize" // text and safe markup kept, scripts, styles and handlers dropped
	HTMLTrust    = "trust"    // passed through as written
)

// policy is what build.html: sanitize keeps: the markup of prose (p, em,
// strong, a and img with safe URLs, blockquote, figure, details and
// summary, tables, lists, code, pre, sup and sub, br, hr, and span, div,
// aside, section with a class), and every attribute goldmark itself writes
// (heading ids with letters beyond ASCII, footnote roles, table
// alignment), so that sanitizing a page changes nothing of what its
// Markdown made. Scripts, styles, forms, frames, event handlers, style
// attributes and javascript: or data: URLs go. bluemonday is the
// sanitizer Go sites use (Gitea, Hugo's tests, many forums): a policy of
// allowed elements and attributes over golang.org/x/net/html's tokenizer,
// which a hand-written filter of raw HTML would only imitate badly.
var policy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(false) // an article's links are the site's own
	p.AllowElements("span", "div", "figcaption", "mark", "small", "s", "kbd", "samp", "var")
	// goldmark's own: class="language-c++", id="fn:1", and the ids of
	// {#id} (letters, digits, -, _, ., : and anything beyond ASCII).
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^[^"'<>\x00-\x1f]{1,200}$`)).Globally()
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^[\p{L}\p{N}_\-.:\x{80}-\x{10FFFF}]{1,512}$`)).Globally()
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-(noteref|endnotes|backlink)$`)).OnElements("a", "div", "section")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|center|right)$`)).OnElements("td", "th")
	p.AllowAttrs("style").Matching(regexp.MustCompile(`^text-align:(left|center|right)$`)).OnElements("td", "th")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("checked", "disabled").Matching(regexp.MustCompile(`^$`)).OnElements("input")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	return p
}()

// rawHTML renders raw HTML as it is written (build.html sanitize, before
// the sanitizer, and trust); registered over goldmark's safe renderer,
// which writes "<!-- raw HTML omitted -->" instead (omit).
type rawHTML struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (rawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		b := n.(*ast.HTMLBlock)
		if entering {
			for i := range b.Lines().Len() {
				line := b.Lines().At(i)
				html.DefaultWriter.SecureWrite(w, line.Value(src))
			}
		} else if b.HasClosure() {
			html.DefaultWriter.SecureWrite(w, b.ClosureLine.Value(src))
		}
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			r := n.(*ast.RawHTML)
			for i := range r.Segments.Len() {
				seg := r.Segments.At(i)
				html.DefaultWriter.SecureWrite(w, seg.Value(src))
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// withRawHTML adds rawHTML to a renderer of md's dialect.
func withRawHTML(r renderer.Renderer) renderer.Renderer {
	r.AddOptions(renderer.WithNodeRenderers(util.Prioritized(rawHTML{}, 100)))
	return r
}
