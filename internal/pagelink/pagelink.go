// Package pagelink finds the article a link names, the one rule that the
// build (which points links into each language's bundle) and check (which
// resolves a fragment into another article) share.
//
// An article is named by the path of any of its files, relative to the
// linking page's file or from the project root ("../x/en.md",
// "/content/x.md"), or by its URL: "/<lang>/<id>/" (ceviri's bundles, also
// under build.base_url) or "/<id>" (a site whose pages live at their ids,
// such as "/learn/x" on the React docs).
package pagelink

import (
	"net/url"
	"path"
	"strings"
)

// Index knows the articles of a project and the files of their versions.
// The zero value knows none; fill it with Add.
type Index struct {
	byPath  map[string]string // project path of a version's file -> article id
	ids     map[string]bool
	langs   map[string]bool
	baseURL string // build.base_url, without its trailing "/"
}

// New returns an Index of a project with these languages and
// build.base_url ("" when it is not set).
func New(langs []string, baseURL string) *Index {
	ix := &Index{byPath: map[string]string{}, ids: map[string]bool{}, langs: map[string]bool{},
		baseURL: strings.TrimSuffix(baseURL, "/")}
	for _, l := range langs {
		ix.langs[l] = true
	}
	return ix
}

// Add records that the file at path (relative to the project root, with
// "/") is a version of article id; an empty path records the id alone.
func (ix *Index) Add(id, path string) {
	ix.ids[id] = true
	if path != "" {
		ix.byPath[path] = id
	}
}

// Paths returns every recorded file path with its article id, for a caller
// that hashes what Article reads.
func (ix *Index) Paths() map[string]string { return ix.byPath }

// Article returns the article that destination d of a link in the file at
// from names, and the rest of d after its path ("?query#fragment", "" when
// there is none); id is "" when d names no article (a URL of another site,
// a path to an image, a bare "#fragment").
func (ix *Index) Article(from, d string) (id, rest string) {
	if ix.baseURL != "" {
		if r, ok := strings.CutPrefix(d, ix.baseURL); ok && (r == "" || r[0] == '/') {
			d = r
		}
	}
	if d == "" || strings.HasPrefix(d, "//") {
		return "", ""
	}
	p, rest := SplitRef(d)
	switch {
	case LocalRef(d):
		id = ix.byPath[path.Join(path.Dir(from), p)]
	case d[0] == '/':
		id = ix.byPath[strings.TrimPrefix(path.Clean(p), "/")]
		if id == "" {
			id = ix.byURL(p)
		}
	}
	if id == "" {
		return "", ""
	}
	return id, rest
}

// byURL returns the article whose page p ("/tr/x/", "/x", "/x/index.html")
// is, or "".
func (ix *Index) byURL(p string) string {
	p = strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return ""
	}
	if l, id, ok := strings.Cut(p, "/"); ok && ix.langs[l] && ix.ids[id] {
		return id
	}
	if ix.ids[p] {
		return p
	}
	return ""
}

// LocalRef reports whether a destination is a path relative to the page's
// file: no scheme, not from the site root, not a fragment.
func LocalRef(d string) bool {
	if d == "" || d[0] == '/' || d[0] == '#' || d[0] == '?' || d[0] == '\\' {
		return false
	}
	if i := strings.IndexAny(d, ":/?#"); i >= 0 && d[i] == ':' {
		return false // a scheme: https:, mailto:, data:
	}
	return true
}

// SplitRef splits a destination into its path (percent-decoded) and the
// rest ("?query#fragment").
func SplitRef(d string) (p, rest string) {
	if i := strings.IndexAny(d, "?#"); i >= 0 {
		d, rest = d[:i], d[i:]
	}
	if u, err := url.PathUnescape(d); err == nil {
		d = u
	}
	return d, rest
}

// Fragment returns the fragment of rest ("?q#frag" -> "frag"),
// percent-decoded where it decodes, and whether there is one.
func Fragment(rest string) (string, bool) {
	_, f, ok := strings.Cut(rest, "#")
	if !ok || f == "" {
		return "", false
	}
	if u, err := url.PathUnescape(f); err == nil {
		f = u
	}
	return f, true
}
