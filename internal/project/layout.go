package project

import (
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
)

// Layout maps article ids and languages to file paths and back, following
// the content templates of ceviri.yaml: one template for every language
// ("articles/{id}/{lang}.md", "content/{lang}/{id}.md",
// "content/{id}.{lang}.md"), or one per language ({en: "_articles/{id}.md",
// tr: "_articles/tr/{id}.md"}).
//
// When several templates could match a file, the most specific one wins:
// the one with the most characters that are not placeholders, then the
// first language in ceviri.yaml. So with the Jekyll layout above,
// _articles/tr/x.md is the Turkish x, never an English article "tr/x"; with
// Hugo's {en: "content/{id}.md", tr: "content/{id}.tr.md"}, x.tr.md is the
// Turkish x.
type Layout struct {
	tmpls []*template // most specific first
	dirs  []string    // the directories that hold every version, none inside another
}

// template is one content template, compiled.
type template struct {
	text  string // as written, with {lang} replaced when it belongs to one language
	lang  string // its language; "" when {lang} stands for any
	re    *regexp.Regexp
	idIdx int
	lnIdx int // 0 when the template belongs to one language
	dir   string
	spec  int // characters that are not placeholders
	order int // the language's place in ceviri.yaml, for ties
	// section starts the ids of its articles ("blog": blog/launch); ""
	// for none.
	section string
	// loose is re with any extension, to find files the template would
	// match if ceviri could read them (page.html beside page.md).
	loose *regexp.Regexp
	// exts are the extensions of a template that ends in .{md,mdx}
	// (".md", ".mdx"); text then ends in the first.
	exts []string
}

// NewLayout compiles one content template, with {id} and {lang}, for the
// given languages.
func NewLayout(tmpl string, langs []string) (*Layout, error) {
	t, err := compile(tmpl, "", langs)
	if err != nil {
		return nil, err
	}
	return &Layout{tmpls: []*template{t}, dirs: []string{t.dir}}, nil
}

// LayoutOf compiles the content templates of a configuration: each
// section's, with its name before the ids of its articles when there are
// several.
func LayoutOf(cfg *config.Config) (*Layout, error) {
	sections := cfg.Sections
	if len(sections) == 0 {
		sections = []config.Section{{Content: cfg.Content, Templates: cfg.Templates}}
	}
	l := &Layout{}
	for _, sec := range sections {
		if len(sec.Templates) == 0 {
			t, err := compile(sec.Content, "", cfg.Languages)
			if err != nil {
				return nil, err
			}
			t.section = sec.Name
			l.tmpls = append(l.tmpls, t)
			continue
		}
		for i, lang := range cfg.Languages {
			tmpl, ok := sec.Templates[lang]
			if !ok {
				return nil, clitext.NewError("project_no_template", "Lang", lang)
			}
			t, err := compile(strings.ReplaceAll(tmpl, "{lang}", lang), lang, cfg.Languages)
			if err != nil {
				return nil, err
			}
			t.order, t.section = i, sec.Name
			l.tmpls = append(l.tmpls, t)
		}
	}
	sort.SliceStable(l.tmpls, func(i, j int) bool { return l.tmpls[i].spec > l.tmpls[j].spec })
	var dirs []string
	for _, t := range l.tmpls {
		dirs = append(dirs, t.dir)
	}
	l.dirs = outermost(dirs)
	return l, nil
}

// compile compiles a template; lang is the one language it belongs to, or
// "" when it has {lang}.
func compile(tmpl, lang string, langs []string) (*template, error) {
	quoted := make([]string, len(langs))
	for i, l := range langs {
		quoted[i] = regexp.QuoteMeta(l)
	}
	var b strings.Builder
	b.WriteString("^")
	t := &template{text: tmpl, lang: lang}
	if exts, ok := config.Alternatives(tmpl); ok {
		t.exts = exts
		tmpl = tmpl[:strings.LastIndex(tmpl, ".{")]
		t.text = tmpl + exts[0]
	}
	group := 0
	for rest := tmpl; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(regexp.QuoteMeta(rest))
			t.spec += utf8.RuneCountInString(rest)
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		t.spec += utf8.RuneCountInString(rest[:i])
		rest = rest[i:]
		switch {
		case strings.HasPrefix(rest, "{id}"):
			group++
			t.idIdx = group
			b.WriteString("(.+)")
			rest = rest[len("{id}"):]
		case strings.HasPrefix(rest, "{lang}") && lang == "":
			group++
			t.lnIdx = group
			b.WriteString("(" + strings.Join(quoted, "|") + ")")
			rest = rest[len("{lang}"):]
		default:
			return nil, clitext.NewError("project_unknown_placeholder", "Template", strconv.Quote(tmpl), "At", strconv.Quote(rest))
		}
	}
	if t.idIdx == 0 || (lang == "" && t.lnIdx == 0) {
		return nil, clitext.NewError("project_template_placeholders", "Template", strconv.Quote(tmpl))
	}
	if len(t.exts) > 0 {
		quotedExts := make([]string, len(t.exts))
		for i, e := range t.exts {
			quotedExts[i] = regexp.QuoteMeta(e)
		}
		b.WriteString("(?:" + strings.Join(quotedExts, "|") + ")")
		t.spec++ // the dot
	}
	pattern := b.String()
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, clitext.NewError("project_template_error", "Template", strconv.Quote(tmpl), "Err", err)
	}
	t.re = re
	// The same without the extension: the stem, then any extension.
	stem := pattern
	if len(t.exts) == 0 {
		if i := strings.LastIndex(tmpl, "."); i > strings.LastIndex(tmpl, "/") && i > strings.LastIndex(tmpl, "}") {
			stem = strings.TrimSuffix(pattern, regexp.QuoteMeta(tmpl[i:]))
		}
	} else {
		stem = pattern[:strings.LastIndex(pattern, "(?:")]
	}
	if t.loose, err = regexp.Compile(stem + `\.(?:` + pageExts + `)$`); err != nil {
		return nil, clitext.NewError("project_template_error", "Template", strconv.Quote(tmpl), "Err", err)
	}
	fixed := tmpl[:strings.IndexByte(tmpl, '{')]
	t.dir = strings.TrimSuffix(path.Dir(fixed+"x"), "/")
	return t, nil
}

// outermost returns the directories, sorted, without those inside another
// (or equal to one).
func outermost(dirs []string) []string {
	sort.Strings(dirs)
	var out []string
	for _, d := range dirs {
		inside := false
		for _, o := range out {
			if o == "." || d == o || strings.HasPrefix(d, o+"/") {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, d)
		}
	}
	return out
}

// Dir is the directory that holds every language version ("." for the
// root): the first of Dirs.
func (l *Layout) Dir() string { return l.dirs[0] }

// Dirs are the directories that hold the language versions, none inside
// another: one for a single template, one per language directory that is
// not inside another's (pages and pages.tr).
func (l *Layout) Dirs() []string { return l.dirs }

// Templates returns each language's template as written (with {lang}
// replaced), for messages; one entry with lang "" for a single template.
func (l *Layout) Templates() []struct{ Lang, Template string } {
	var out []struct{ Lang, Template string }
	for _, t := range l.tmpls {
		text := t.text
		if len(t.exts) > 0 {
			text = strings.TrimSuffix(text, t.exts[0]) + ".{" + strings.TrimPrefix(strings.Join(t.exts, ","), ".") + "}"
			text = strings.ReplaceAll(text, ",.", ",")
		}
		out = append(out, struct{ Lang, Template string }{t.lang, text})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Lang < out[j].Lang })
	return out
}

// Path returns the file of an article's version in a language (with the
// first extension of a template that allows several).
func (l *Layout) Path(id, lang string) string { return l.PathLike(id, lang, "") }

// PathLike is Path with the extension of like, another version of the
// article (the source), when the language's template allows it: the
// translation of docs/a.mdx is i18n/tr/.../a.mdx.
func (l *Layout) PathLike(id, lang, like string) string {
	var best *template
	inner := id
	for _, t := range l.tmpls {
		if t.lang != lang && t.lang != "" {
			continue
		}
		rest, ok := id, t.section == ""
		if t.section != "" {
			rest, ok = strings.CutPrefix(id, t.section+"/")
		}
		if ok && (best == nil || len(t.section) > len(best.section)) {
			best, inner = t, rest
		}
	}
	for _, t := range []*template{best} {
		if t != nil {
			p := strings.NewReplacer("{id}", inner, "{lang}", lang).Replace(t.text)
			for _, e := range t.exts {
				if strings.HasSuffix(like, e) {
					return strings.TrimSuffix(p, t.exts[0]) + e
				}
			}
			return p
		}
	}
	return ""
}

// Where returns where an article's versions are looked for, for
// messages: "articles/x/{lang}.md" for a single template, else each
// language's path, comma-separated.
func (l *Layout) Where(id string) string {
	if len(l.tmpls) == 1 && l.tmpls[0].lang == "" {
		return l.Path(id, "{lang}")
	}
	var out []string
	for _, t := range l.Templates() {
		out = append(out, strings.NewReplacer("{id}", id).Replace(t.Template))
	}
	return strings.Join(out, ", ")
}

// Unmatched returns a warning for each template that matched none of
// files when others did, naming it: a language whose template matches no
// file (most often a template that does not fit the site) would silently
// leave every article without it, or make another version its source.
// The warnings are in English; UnmatchedText gives them in ceviri's words.
func (l *Layout) Unmatched(files []File, source string) []string {
	var out []string
	for _, t := range l.UnmatchedText(files, source) {
		out = append(out, t.String())
	}
	return out
}

// UnmatchedText returns Unmatched's warnings in ceviri's words, to be
// written in the reader's language.
func (l *Layout) UnmatchedText(files []File, source string) []clitext.Text {
	if len(files) == 0 {
		return nil
	}
	found := map[string]bool{}
	for _, f := range files {
		found[f.Lang] = true
	}
	var out []clitext.Text
	if len(l.tmpls) == 1 && l.tmpls[0].lang == "" {
		// One template for all: a language without files is one nothing
		// was translated into yet, unless it is the source language.
		if !found[source] {
			out = append(out, clitext.Msg("project_unmatched_single", "Lang", source, "Template", l.Path("{id}", source)))
		}
		return out
	}
	for _, t := range l.Templates() {
		if found[t.Lang] {
			continue
		}
		if t.Lang == source {
			out = append(out, clitext.Msg("project_unmatched_source", "Lang", t.Lang, "Template", t.Template))
		} else {
			out = append(out, clitext.Msg("project_unmatched", "Lang", t.Lang, "Template", t.Template))
		}
	}
	return out
}

// pageExts are the extensions of the page formats site generators read
// besides Markdown (Hugo's content formats: HTML, AsciiDoc, Pandoc, Org,
// reStructuredText): a page in one of them where a template expects
// Markdown is reported as skipped, not passed over in silence. Images and
// other files beside pages are not pages.
const pageExts = `html|htm|adoc|asciidoc|ad|pdc|pandoc|org|rst|textile|txt`

// Skipped says why a file that is not a language version would be one if
// ceviri could read it: a template matches it but for its extension
// ("page.html"), or its id is not one (a control character in its name);
// "" for any other file. The reason is in English; SkippedText gives it
// in ceviri's words.
func (l *Layout) Skipped(p string) string {
	if why, ok := l.SkippedText(p); ok {
		return why.String()
	}
	return ""
}

// SkippedText is Skipped's reason in ceviri's words, to be written in the
// reader's language; ok is false for a file that is not skipped.
func (l *Layout) SkippedText(p string) (why clitext.Text, ok bool) {
	for _, t := range l.tmpls {
		if m := t.re.FindStringSubmatch(p); m != nil {
			if err := ValidID(m[t.idIdx]); err != nil {
				return err.(*clitext.TextError).Text, true
			}
		}
	}
	for _, t := range l.tmpls {
		if t.loose.MatchString(p) {
			return clitext.Msg("project_not_markdown", "Exts", strings.Join(config.Extensions, ", ")), true
		}
	}
	return clitext.Text{}, false
}

// Match returns the article id and language of a file path, or ok=false
// when the path is not a language version. The most specific template
// that matches with a valid id wins (see Layout).
func (l *Layout) Match(p string) (id, lang string, ok bool) {
	for _, t := range l.tmpls {
		m := t.re.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		id, lang = m[t.idIdx], t.lang
		if t.lnIdx > 0 {
			lang = m[t.lnIdx]
		}
		if ValidID(id) != nil {
			continue
		}
		if t.section != "" {
			id = t.section + "/" + id
		}
		return id, lang, true
	}
	return "", "", false
}

// ValidID checks an article id: a relative, clean, slash-separated path
// that stays inside the content directory, without hidden or empty
// components or control characters. Any other character a file name may
// hold is allowed ("[", "g[", "{", "a b": real command names).
func ValidID(id string) error {
	switch {
	case id == "":
		return clitext.NewError("project_id_empty")
	case !utf8.ValidString(id):
		return clitext.NewError("project_id_utf8", "ID", strconv.Quote(id))
	case strings.HasPrefix(id, "/") || (len(id) > 1 && id[1] == ':'):
		return clitext.NewError("project_id_absolute", "ID", strconv.Quote(id))
	case strings.ContainsRune(id, '\\'):
		return clitext.NewError("project_id_backslash", "ID", strconv.Quote(id))
	}
	for _, part := range strings.Split(id, "/") {
		switch {
		case part == "..":
			return clitext.NewError("project_id_escapes", "ID", strconv.Quote(id))
		case part == "" || part == ".":
			return clitext.NewError("project_id_empty_part", "ID", strconv.Quote(id))
		case strings.HasPrefix(part, "."):
			return clitext.NewError("project_id_hidden", "ID", strconv.Quote(id), "Part", strconv.Quote(part))
		}
	}
	for _, r := range id {
		if unicode.IsControl(r) {
			return clitext.NewError("project_id_control", "ID", strconv.Quote(id))
		}
	}
	return nil
}
