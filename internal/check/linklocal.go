package check

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
)

// Localized link destinations. Translators link to the localized version
// of a page, and sites put the language in one of a few places; a
// destination marked with its own version's language is read once more
// without the mark, and two links are the same when any of their readings
// are:
//
//   - a language subdomain: en.wikipedia.org/wiki/Single_responsibility_principle
//     and tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi. The path is not
//     compared: Wikipedia's article titles (and so its paths) are
//     translated, and nothing in the URL says which article is the
//     other's translation. A link to a wrong article on the localized
//     wiki is not found; a link to another site, or to a page of the
//     source's language, still is.
//   - a locale path segment: /en/, /en-us/, /en_US/ against /tr/, /tr-tr/
//     (learn.microsoft.com/en-us/dotnet/ and /tr-tr/dotnet/,
//     developer.mozilla.org/en-US/docs/ and /tr/docs/, a site's own
//     /en/blog/ and /tr/blog/), wherever it stands in the path; a link
//     without it is the same link too (Hugo keeps the default language at
//     the root: /blog/x and /tr/blog/x).
//   - a language query parameter: ?lang=en, ?hl=en, ?locale=en,
//     ?language=en, ?lng=en against the same with tr, or none.
//   - the project's check.equivalent_links: prefixes that lead to the same
//     place in each language.
//
// Only the version's own language is taken out: an English page's /en/
// and a Turkish page's /tr/ are the same place, a Turkish page's /de/ is
// not.

// langParams are the query parameters that name a page's language.
var langParams = []string{"lang", "hl", "locale", "language", "lng"}

// linkKeyer computes the readings of destinations for one comparison.
type linkKeyer struct {
	equiv []map[string]string
	id    string
}

func (c *comparison) linkKeyer() linkKeyer {
	return newLinkKeyer(c.cfg, c.f.id)
}

func newLinkKeyer(cfg *config.Config, id string) linkKeyer {
	k := linkKeyer{id: id}
	if cfg != nil {
		k.equiv = cfg.Check.EquivalentLinks
	}
	return k
}

// keys returns the readings of a destination in a version of language
// lang, each prefixed with its kind ("link", "image"): first its canonical
// form (canonicalLink), then its localized readings. nil: not compared (a
// fragment alone, an empty destination).
func (k linkKeyer) keys(kind, dest, lang, prefix string) []string {
	canon, ok := canonicalLink(dest, prefix, k.id)
	if !ok {
		return nil
	}
	keys := []string{kind + " " + canon}
	add := func(s string) {
		s = kind + " " + s
		for _, x := range keys {
			if x == s {
				return
			}
		}
		keys = append(keys, s)
	}
	d := strings.TrimSpace(dest)
	for i, m := range k.equiv {
		if p := m[lang]; p != "" && strings.HasPrefix(d, p) {
			add("equivalent_links." + strconv.Itoa(i) + " " + strings.TrimSuffix(d[len(p):], "/"))
		}
	}
	u, err := url.Parse(canon)
	if err != nil || u.Opaque != "" || lang == "" {
		return keys
	}
	if host, ok := withoutLangLabel(u.Host, lang); ok {
		add("//{lang}." + host)
	}
	changed := false
	if p, ok := withoutLocaleSegment(u.Path, lang); ok {
		u.Path, changed = p, true
	}
	if u.RawQuery != "" {
		q := u.Query()
		for _, name := range langParams {
			for key, vs := range q {
				if strings.EqualFold(key, name) && len(vs) == 1 && isLocale(vs[0], lang) {
					q.Del(key)
					changed = true
				}
			}
		}
		if changed {
			u.RawQuery = q.Encode()
		}
	}
	if changed {
		trimPath(u)
		add(u.String())
	}
	return keys
}

// withoutLangLabel returns a host without its first label when that label
// is the language lang and at least two labels follow ("en.wikipedia.org"
// -> "wikipedia.org").
func withoutLangLabel(host, lang string) (string, bool) {
	i := strings.IndexByte(host, '.')
	if i <= 0 || strings.Count(host[i+1:], ".") < 1 || !isLocale(host[:i], lang) {
		return "", false
	}
	return strings.ToLower(host[i+1:]), true
}

// withoutLocaleSegment returns a path without its first segment that is a
// locale of lang ("/en-us/dotnet" -> "/dotnet").
func withoutLocaleSegment(p, lang string) (string, bool) {
	start := 0
	for start < len(p) {
		if p[start] == '/' {
			start++
			continue
		}
		end := strings.IndexByte(p[start:], '/')
		if end < 0 {
			end = len(p)
		} else {
			end += start
		}
		if isLocale(p[start:end], lang) {
			out := p[:start] + strings.TrimPrefix(p[end:], "/")
			if out == "" {
				out = "/"
			}
			return out, true
		}
		start = end
	}
	return "", false
}

// isLocale reports whether s names the language lang: its primary subtag
// ("en" for "en" or "en-GB"), alone or with a region or script after "-"
// or "_" ("en-us", "en_US", "zh-Hant"), in any case.
func isLocale(s, lang string) bool {
	base := lang
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	if len(base) < 2 || len(s) < len(base) || !strings.EqualFold(s[:len(base)], base) {
		return false
	}
	rest := s[len(base):]
	if rest == "" {
		return true
	}
	if rest[0] != '-' && rest[0] != '_' {
		return false
	}
	rest = rest[1:]
	if len(rest) < 2 || len(rest) > 4 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i] | 0x20
		if (c < 'a' || c > 'z') && (rest[i] < '0' || rest[i] > '9') {
			return false
		}
	}
	return true
}

// whatDiffers says, for a message, how two destinations that are not the
// same link differ: " (another page on example.org)", " (another
// site)"; "" when it cannot tell, and for links within the site.
func whatDiffers(a, b string) string {
	if t, ok := whatDiffersText(a, b).(clitext.Text); ok {
		return t.String()
	}
	return ""
}

// whatDiffersText is whatDiffers as a message, or "".
func whatDiffersText(a, b string) any {
	ua, err1 := url.Parse(strings.TrimSpace(a))
	ub, err2 := url.Parse(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || ua.Opaque != "" || ub.Opaque != "" {
		return ""
	}
	switch {
	case !strings.EqualFold(ua.Host, ub.Host) && ua.Host != "" && ub.Host != "":
		_, ra, okA := strings.Cut(ua.Host, ".")
		_, rb, okB := strings.Cut(ub.Host, ".")
		if okA && okB && strings.Contains(ra, ".") && strings.EqualFold(ra, rb) {
			return clitext.Msg("check_differs_subdomain", "Domain", strings.ToLower(ra)) // de.wikipedia.org for en.
		}
		return clitext.Msg("check_differs_site")
	case (ua.Host == "") != (ub.Host == ""):
		return ""
	case ua.Host == "":
		// A path of the site itself says what it is; its messages
		// stay as they were.
		return ""
	case strings.TrimSuffix(ua.Path, "/") != strings.TrimSuffix(ub.Path, "/"):
		return clitext.Msg("check_differs_page", "Host", strings.ToLower(ua.Host))
	case ua.RawQuery != ub.RawQuery:
		return clitext.Msg("check_differs_query")
	case ua.Fragment != ub.Fragment:
		return clitext.Msg("check_differs_anchor")
	}
	return ""
}
