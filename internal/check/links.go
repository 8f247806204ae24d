package check

import (
	"net/url"
	"strings"
)

// links compares link and image destinations, after mapping each
// language's internal path prefix (check.paths) away.
func (c *comparison) links() {
	mk := func(v *version) []item {
		var out []item
		for _, in := range v.md.inlines {
			if in.kind == "code" {
				continue
			}
			key, ok := canonicalLink(in.value, c.cfg.Check.Paths[v.Lang], c.f.id)
			if !ok {
				continue
			}
			out = append(out, item{keys: []string{in.kind + " " + key}, show: in.value, seg: segAt(v.Body, in.line), line: in.line})
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
	for _, d := range diffItems(mk(c.src), mk(c.tr), c.pair) {
		switch {
		case d.tr != nil && oldLinks[d.tr.keys[0]] && d.src != nil:
			c.add(Links, d.tr.line, "still links to %s, as the %s source did when this was translated; the source now links to %s (line %d)", d.tr.show, c.srcName, d.src.show, d.src.line)
		case d.tr != nil && oldLinks[d.tr.keys[0]]:
			c.add(Links, d.tr.line, "still links to %s, which the %s source linked to when this was translated and no longer does", d.tr.show, c.srcName)
		case d.src != nil && d.tr != nil:
			c.add(Links, d.tr.line, "%s to %s in the source (line %d) is %s in the translation", kindOf(d.src), d.src.show, d.src.line, d.tr.show)
		case d.src != nil:
			c.add(Links, c.trLineOf(d.src), "the source has a %s to %s (line %d) that the translation lacks", kindOf(d.src), d.src.show, d.src.line)
		default:
			c.add(Links, d.tr.line, "%s to %s is not in the %s source", kindOf(d.tr), d.tr.show, c.srcName)
		}
	}
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
	if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
	} else if u.Path == "/" && u.Host != "" {
		u.Path = ""
	}
	u.RawPath = ""
	return u.String(), true
}
