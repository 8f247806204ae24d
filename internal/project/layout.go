package project

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout maps article ids and languages to file paths and back, following
// the content template of ceviri.yaml ("articles/{id}/{lang}.md",
// "content/{lang}/{id}.md", "content/{id}.{lang}.md", ...).
type Layout struct {
	tmpl  string
	dir   string // the fixed directory before the first placeholder
	re    *regexp.Regexp
	idIdx int
	lnIdx int
}

// NewLayout compiles a content template for the given languages.
func NewLayout(tmpl string, langs []string) (*Layout, error) {
	quoted := make([]string, len(langs))
	for i, l := range langs {
		quoted[i] = regexp.QuoteMeta(l)
	}
	var b strings.Builder
	b.WriteString("^")
	l := &Layout{tmpl: tmpl}
	group := 0
	for rest := tmpl; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		rest = rest[i:]
		switch {
		case strings.HasPrefix(rest, "{id}"):
			group++
			l.idIdx = group
			b.WriteString("(.+)")
			rest = rest[len("{id}"):]
		case strings.HasPrefix(rest, "{lang}"):
			group++
			l.lnIdx = group
			b.WriteString("(" + strings.Join(quoted, "|") + ")")
			rest = rest[len("{lang}"):]
		default:
			return nil, fmt.Errorf("content template %q: unknown placeholder at %q (use {id} and {lang})", tmpl, rest)
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("content template %q: %v", tmpl, err)
	}
	l.re = re
	fixed := tmpl[:strings.IndexByte(tmpl, '{')]
	l.dir = strings.TrimSuffix(path.Dir(fixed+"x"), "/")
	return l, nil
}

// Dir is the directory that holds every language version ("." for the root).
func (l *Layout) Dir() string { return l.dir }

// Path returns the file of an article's version in a language.
func (l *Layout) Path(id, lang string) string {
	return strings.NewReplacer("{id}", id, "{lang}", lang).Replace(l.tmpl)
}

// Match returns the article id and language of a file path, or ok=false
// when the path is not a language version.
func (l *Layout) Match(p string) (id, lang string, ok bool) {
	m := l.re.FindStringSubmatch(p)
	if m == nil {
		return "", "", false
	}
	id, lang = m[l.idIdx], m[l.lnIdx]
	if ValidID(id) != nil {
		return "", "", false
	}
	return id, lang, true
}

// ValidID checks an article id: a relative, clean, slash-separated path that
// stays inside the articles directory, without hidden or empty components.
func ValidID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("article id is empty")
	case !utf8.ValidString(id):
		return fmt.Errorf("article id %q is not valid UTF-8", id)
	case strings.HasPrefix(id, "/") || (len(id) > 1 && id[1] == ':'):
		return fmt.Errorf("article id %q is an absolute path; ids are relative, like 2025/ukraine-talks", id)
	case strings.ContainsAny(id, "\\{}*?[]"):
		return fmt.Errorf("article id %q contains a character that is not allowed (\\ { } * ? [ ])", id)
	}
	for _, part := range strings.Split(id, "/") {
		switch {
		case part == "..":
			return fmt.Errorf("article id %q would escape the articles directory", id)
		case part == "" || part == ".":
			return fmt.Errorf("article id %q has an empty path component", id)
		case strings.HasPrefix(part, "."):
			return fmt.Errorf("article id %q has a hidden path component %q", id, part)
		}
	}
	for _, r := range id {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			return fmt.Errorf("article id %q contains white space or a control character", id)
		}
	}
	return nil
}
