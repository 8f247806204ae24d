package check

import (
	"net/url"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// links compares link and image destinations, after mapping each
// language's internal path prefix (check.paths) away; a destination
// localized for the translation's language (linkKeys) is the same link.
func (c *comparison) links() {
	lk := c.linkKeyer()
	mk := func(v *version) []item {
		var out []item
		for _, in := range v.md.inlines {
			if in.kind == "code" {
				continue
			}
			keys := lk.keys(in.kind, in.value, v.Lang, c.cfg.Check.Paths[v.Lang])
			if keys == nil {
				continue
			}
			if c.opts.Pages != nil && in.kind == "link" {
				// A link to an article's file or page in one language is
				// the link to the same article's in another: the source's
				// ../state/en.md is the translation's ../state/tr.md.
				if id, _ := c.opts.Pages.ix.Article(v.Path, in.value); id != "" {
					keys = append(keys, "link to article "+id)
				}
			}
			out = append(out, item{keys: keys, show: in.value, seg: segAt(v.Body, in.line), line: in.line})
		}
		return out
	}
	oldLinks := map[string]bool{}
	if c.old != nil {
		for _, x := range mk(c.old) {
			oldLinks[x.keys[0]] = true
		}
		for _, x := range mk(c.src) {
			delete(oldLinks, x.keys[0])
		}
	}
	for _, d := range linkDiffs(mk(c.src), mk(c.tr), c.pair) {
		switch {
		case d.tr != nil && oldLinks[d.tr.keys[0]] && d.src != nil:
			c.add(Links, d.tr.line, "check_link_old_changed", "Link", d.tr.show, "Source", c.srcName, "Now", d.src.show, "Line", d.src.line)
		case d.tr != nil && oldLinks[d.tr.keys[0]]:
			c.add(Links, d.tr.line, "check_link_old_removed", "Link", d.tr.show, "Source", c.srcName)
		case d.src != nil && d.tr != nil:
			c.add(Links, d.tr.line, "check_link_differs", "Kind", kindText(d.src), "SourceLink", d.src.show, "Line", d.src.line, "Link", d.tr.show, "How", whatDiffersText(d.src.show, d.tr.show))
		case d.src != nil:
			c.add(Links, c.trLineOf(d.src), "check_link_lacks", "Kind", aKindText(d.src), "Link", d.src.show, "Line", d.src.line)
		default:
			c.add(Links, d.tr.line, "check_link_added", "Kind", kindText(d.tr), "Link", d.tr.show, "Source", c.srcName)
		}
	}
}

// linkDiffs pairs the links of a source and a translation: first by their
// canonical form (keys[0]), so that a link kept as it is never pairs with
// another one that only a localized reading would match, then what is left
// by every reading. A link of the translation whose destination the source
// links to elsewhere (a paragraph the translation repeats, a link given
// twice) is not a difference: the destination is in the source.
func linkDiffs(src, tr []item, pair []int) []difference {
	type at struct {
		seg, line int
		show      string
	}
	// The readings of each item by where it stands, one map per side.
	fullS, fullT := map[at][]string{}, map[at][]string{}
	exact := func(xs []item, full map[at][]string) []item {
		out := make([]item, len(xs))
		for i, x := range xs {
			full[at{x.seg, x.line, x.show}] = x.keys
			x.keys = x.keys[:1]
			out[i] = x
		}
		return out
	}
	var restS, restT []item
	for _, d := range diffItems(exact(src, fullS), exact(tr, fullT), pair) {
		if d.src != nil {
			x := *d.src
			x.keys = fullS[at{x.seg, x.line, x.show}]
			restS = append(restS, x)
		}
		if d.tr != nil {
			y := *d.tr
			y.keys = fullT[at{y.seg, y.line, y.show}]
			restT = append(restT, y)
		}
	}
	if len(restS) == 0 && len(restT) == 0 {
		return nil
	}
	inSource := map[string]bool{}
	for _, x := range src {
		for _, k := range x.keys {
			inSource[k] = true
		}
	}
	var out []difference
	for _, d := range pairByLikeness(diffItems(restS, restT, pair), pair) {
		if d.src == nil && d.tr != nil && anyKey(d.tr.keys, inSource) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// pairByLikeness pairs again the differences found in the same pair of
// segments: each link of the source with the link of the translation whose
// destination shares the longest beginning with its own (the same site,
// the same section), not merely the next one, so that "link to
// https://docs.example.com/guide/install/ ... is
// https://docs.example.com/kilavuz/upgrade/" is said, and the link the
// translation added beside it is named as added.
func pairByLikeness(ds []difference, pair []int) []difference {
	var srcs, trs []*item
	for _, d := range ds {
		if d.src != nil {
			srcs = append(srcs, d.src)
		}
		if d.tr != nil {
			trs = append(trs, d.tr)
		}
	}
	used := make([]bool, len(trs))
	out := make([]difference, 0, len(ds))
	for _, x := range srcs {
		d := difference{src: x}
		if x.seg >= 0 && x.seg < len(pair) && pair[x.seg] >= 0 {
			best, bestN := -1, -1
			for j, y := range trs {
				if used[j] || y.seg != pair[x.seg] {
					continue
				}
				if n := commonPrefix(x.show, y.show); n > bestN {
					best, bestN = j, n
				}
			}
			if best >= 0 {
				used[best] = true
				d.tr = trs[best]
			}
		}
		out = append(out, d)
	}
	for j, y := range trs {
		if !used[j] {
			out = append(out, difference{tr: y})
		}
	}
	return out
}

// commonPrefix is the length of the longest common beginning of a and b.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func anyKey(keys []string, set map[string]bool) bool {
	for _, k := range keys {
		if set[k] {
			return true
		}
	}
	return false
}

// kindText is kindOf for a message: "link", "image".
func kindText(x *item) clitext.Text {
	if kindOf(x) == "image" {
		return clitext.Msg("check_kind_image")
	}
	return clitext.Msg("check_kind_link")
}

// aKindText is kindText with its article: "a link", "an image".
func aKindText(x *item) clitext.Text {
	if kindOf(x) == "image" {
		return clitext.Msg("check_kind_an_image")
	}
	return clitext.Msg("check_kind_a_link")
}

func kindOf(x *item) string {
	if strings.HasPrefix(x.keys[0], "image ") {
		return "image"
	}
	return "link"
}

// canonicalLink returns the form of a destination that is compared. With
// a path prefix for the version's language (check.paths), a relative link is
// resolved against the page's URL (prefix + id + "/", as Hugo's pretty URLs
// are), and the prefix is taken off the path of any link ("/tr/kubernetes/"
// and "https://example.org/tr/kubernetes/" compare as "/kubernetes" and
// "https://example.org/kubernetes"). A site-internal link loses its fragment
// (heading anchors are translated), every link its trailing slash. Pure
// fragments ("#section") and mailto links keep their text; fragments alone
// are not compared.
func canonicalLink(dest, prefix, id string) (string, bool) {
	d := strings.TrimSpace(dest)
	if d == "" || strings.HasPrefix(d, "#") {
		return "", false
	}
	u, err := url.Parse(d)
	if err != nil || u.Opaque != "" {
		return d, true
	}
	internal := u.Scheme == "" && u.Host == ""
	if internal && prefix != "" && !strings.HasPrefix(u.Path, "/") {
		page := strings.TrimSuffix(strings.TrimSuffix(id, "_index"), "index")
		base := &url.URL{Path: strings.TrimSuffix(prefix, "/") + "/" + strings.Trim(page, "/") + "/"}
		base.Path = strings.ReplaceAll(base.Path, "//", "/")
		u = base.ResolveReference(u)
	}
	if p := strings.TrimSuffix(prefix, "/"); p != "" {
		if u.Path == p {
			u.Path = "/"
		} else if strings.HasPrefix(u.Path, p+"/") {
			u.Path = u.Path[len(p):]
		}
	}
	if internal {
		u.Fragment, u.RawFragment = "", ""
	}
	trimPath(u)
	if s := u.String(); s != "" {
		return s, true
	}
	return d, true // "//": nothing left to read, compared as written
}

// trimPath drops a trailing slash of a path (and the "/" of a site's root
// after a host), so that "/a/" and "/a" are one link.
func trimPath(u *url.URL) {
	if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
	} else if u.Path == "/" && u.Host != "" {
		u.Path = ""
	}
	u.RawPath = ""
}
