package check

import (
	"bytes"
	"net/url"
	"sort"
	"strings"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/pagelink"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/unicode/norm"
)

// anchors reports the links of the translation to a fragment of its own
// page (#x) that name no heading of it, with the heading ids computed by
// the rule the build uses (build.anchors, internal/anchor): the link
// `#projenizi-paylaşın` to a heading whose id is `projenizi-paylasin`
// would ship broken. With Options.Pages, a fragment of a link into another
// article ("../state/tr.md#durum", "/tr/learn/state/#durum") must name a
// heading of the page the link lands on: the other article's version in
// the translation's language, else its source.
func (c *comparison) anchors(trV *project.Version) {
	if trV == nil || trV.Doc == nil {
		return
	}
	rule, err := anchor.Parse(c.cfg.Build.Anchors)
	if err != nil {
		rule = anchor.ASCII
	}
	body := trV.Doc.Body
	// Most pages link to no fragment: no parse for them.
	own := bytes.Contains(body, []byte("(#")) || bytes.Contains(body, []byte(": #")) || bytes.Contains(body, []byte("<#"))
	pages := c.opts.Pages
	if pages != nil && !own && !otherFragment(body) {
		pages = nil
	}
	if !own && pages == nil {
		return
	}
	format := segment.FormatOf(trV.Path)
	ids, err := anchor.HeadingIDs(body, format, rule, c.cfg.Tag(trV.Lang))
	if err != nil {
		return // a body past the limits is reported where it is read
	}
	known := map[string]bool{}
	for _, id := range ids {
		known[norm.NFC.String(id)] = true
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		if !strings.HasPrefix(dest, "#") {
			c.otherAnchor(pages, trV, n, dest)
			return ast.WalkContinue, nil
		}
		if len(dest) == 1 {
			return ast.WalkContinue, nil
		}
		frag := dest[1:]
		if u, err := url.PathUnescape(frag); err == nil {
			frag = u
		}
		if known[norm.NFC.String(frag)] {
			return ast.WalkContinue, nil
		}
		line := trV.Doc.BodyLine + lineOf(body, n)
		c.add(Links, line, "check_anchor_own", "Link", quote(dest), "Rule", rule, "Headings", headingList(ids))
		return ast.WalkContinue, nil
	})
}

// otherAnchor reports a link (node n, destination dest) of the translation
// trV into another article whose fragment names no heading of the page it
// lands on. A link to the translation's own file is the in-page case, and
// a page that cannot be read is reported where it is read.
func (c *comparison) otherAnchor(pages *Pages, trV *project.Version, n ast.Node, dest string) {
	if pages == nil {
		return
	}
	id, rest := pages.ix.Article(trV.Path, dest)
	frag, ok := pagelink.Fragment(rest)
	if id == "" || !ok {
		return
	}
	file, lang := pages.target(id, trV.Lang)
	if file == "" {
		return
	}
	list, set, ok := pages.headings(file, lang)
	if !ok || set[norm.NFC.String(frag)] {
		return
	}
	line := trV.Doc.BodyLine + lineOf(trV.Doc.Body, n)
	c.add(Links, line, "check_anchor_other", "Link", quote(dest), "Path", file, "Rule", pages.rule, "Headings", headingList(list))
}

// lineOf returns the 0-based line of body where n's block starts.
func lineOf(body []byte, n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return bytes.Count(body[:p.Lines().At(0).Start], []byte("\n"))
		}
	}
	return 0
}

// headingList writes ids for a message: sorted, at most five.
func headingList(ids []string) any {
	if len(ids) == 0 {
		return clitext.Msg("check_no_heading")
	}
	s := append([]string(nil), ids...)
	sort.Strings(s)
	more := ""
	if len(s) > 5 {
		more = ", ..."
		s = s[:5]
	}
	for i := range s {
		s[i] = "#" + s[i]
	}
	return strings.Join(s, ", ") + more
}
