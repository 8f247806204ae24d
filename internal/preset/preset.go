// Package preset holds the content layouts of the site generators people
// use (Hugo, Docusaurus, MkDocs, VitePress, Starlight, Jekyll, sibling
// directories), as ceviri.yaml content templates, and recognises a
// generator from the files of a site, for `ceviri init --preset NAME`
// (docs/adopting.md).
package preset

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// Preset is the layout of one generator.
type Preset struct {
	Name string
	// Generator and Doc say what it is for, in `ceviri init --help` and
	// messages.
	Generator, Doc string
	// sections gives the content templates for a source language and the
	// other languages: one map (or string) per section, with section names
	// where there are several.
	sections func(src string, others []string) []section
	// detect reports whether the files of a site look like the
	// generator's, and why.
	detect func(fsys fs.FS, langs []string) (bool, clitext.Text)
}

type section struct {
	name      string
	templates map[string]string // by language; a single template under ""
}

// all are the presets, in the order `ceviri init --help` lists them and
// detection tries them (the more specific first).
var all = []*Preset{
	{Name: "articles", Generator: "ceviri", Doc: "articles/{id}/{lang}.md, ceviri's own layout",
		sections: func(string, []string) []section {
			return []section{{templates: map[string]string{"": "articles/{id}/{lang}.md"}}}
		}},
	{Name: "hugo", Generator: "Hugo", Doc: "content/{id}.md, translations beside it as {id}.tr.md (page bundles: index.md, index.tr.md)",
		sections: func(src string, others []string) []section {
			return []section{{templates: perLang(src, "content/{id}.md", others, "content/{id}.{lang}.md")}}
		},
		detect: func(fsys fs.FS, langs []string) (bool, clitext.Text) {
			if f := first(fsys, "hugo.toml", "hugo.yaml", "hugo.json", "config.toml"); f != "" && isDir(fsys, "content") && !langDirs(fsys, "content", langs) {
				return true, clitext.Msg("misc_detect_beside", "File", f, "Dir", "content")
			}
			return false, clitext.Text{}
		}},
	{Name: "hugo-dirs", Generator: "Hugo", Doc: "content/{lang}/{id}.md, one directory per language",
		sections: func(string, []string) []section {
			return []section{{templates: map[string]string{"": "content/{lang}/{id}.md"}}}
		},
		detect: func(fsys fs.FS, langs []string) (bool, clitext.Text) {
			if f := first(fsys, "hugo.toml", "hugo.yaml", "hugo.json", "config.toml"); f != "" && langDirs(fsys, "content", langs) {
				return true, clitext.Msg("misc_detect_lang_dirs", "File", f, "Dir", "content")
			}
			return false, clitext.Text{}
		}},
	{Name: "docusaurus", Generator: "Docusaurus", Doc: "docs/ and blog/, translations under i18n/{lang}/docusaurus-plugin-content-docs/current/ and -blog/",
		sections: func(src string, others []string) []section {
			return []section{
				{name: "docs", templates: perLang(src, "docs/{id}.{md,mdx}", others, "i18n/{lang}/docusaurus-plugin-content-docs/current/{id}.{md,mdx}")},
				{name: "blog", templates: perLang(src, "blog/{id}.{md,mdx}", others, "i18n/{lang}/docusaurus-plugin-content-blog/{id}.{md,mdx}")},
			}
		},
		detect: func(fsys fs.FS, _ []string) (bool, clitext.Text) {
			f := first(fsys, "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
			return f != "", fileText(f)
		}},
	{Name: "mkdocs", Generator: "MkDocs (mkdocs-static-i18n, suffix mode)", Doc: "docs/{id}.md, translations beside it as {id}.tr.md",
		sections: func(src string, others []string) []section {
			return []section{{templates: perLang(src, "docs/{id}.md", others, "docs/{id}.{lang}.md")}}
		},
		detect: func(fsys fs.FS, langs []string) (bool, clitext.Text) {
			if f := first(fsys, "mkdocs.yml", "mkdocs.yaml"); f != "" && !langDirs(fsys, "docs", langs) {
				return true, fileText(f)
			}
			return false, clitext.Text{}
		}},
	{Name: "mkdocs-folders", Generator: "MkDocs (mkdocs-static-i18n, folder mode)", Doc: "docs/{lang}/{id}.md",
		sections: func(string, []string) []section {
			return []section{{templates: map[string]string{"": "docs/{lang}/{id}.md"}}}
		},
		detect: func(fsys fs.FS, langs []string) (bool, clitext.Text) {
			if f := first(fsys, "mkdocs.yml", "mkdocs.yaml"); f != "" && langDirs(fsys, "docs", langs) {
				return true, clitext.Msg("misc_detect_lang_dirs", "File", f, "Dir", "docs")
			}
			return false, clitext.Text{}
		}},
	{Name: "vitepress", Generator: "VitePress", Doc: "docs/{id}.md for the root locale, docs/{lang}/{id}.md for the others",
		sections: func(src string, others []string) []section {
			return []section{{templates: perLang(src, "docs/{id}.md", others, "docs/{lang}/{id}.md")}}
		},
		detect: func(fsys fs.FS, _ []string) (bool, clitext.Text) {
			f := first(fsys, "docs/.vitepress/config.ts", "docs/.vitepress/config.js", "docs/.vitepress/config.mts", "docs/.vitepress/config.mjs")
			return f != "", fileText(f)
		}},
	{Name: "starlight", Generator: "Astro Starlight", Doc: "src/content/docs/{id}.md(x) for the root locale, src/content/docs/{lang}/ for the others",
		sections: func(src string, others []string) []section {
			return []section{{templates: perLang(src, "src/content/docs/{id}.{md,mdx}", others, "src/content/docs/{lang}/{id}.{md,mdx}")}}
		},
		detect: func(fsys fs.FS, _ []string) (bool, clitext.Text) {
			if f := first(fsys, "astro.config.mjs", "astro.config.ts", "astro.config.js"); f != "" && isDir(fsys, "src/content/docs") {
				return true, clitext.Msg("misc_detect_and", "File", f, "Dir", "src/content/docs")
			}
			return false, clitext.Text{}
		}},
	{Name: "jekyll", Generator: "Jekyll", Doc: "_articles/{id}.md, translations in _articles/{lang}/ (rename _articles to your collection)",
		sections: func(src string, others []string) []section {
			return []section{{templates: perLang(src, "_articles/{id}.md", others, "_articles/{lang}/{id}.md")}}
		},
		detect: func(fsys fs.FS, _ []string) (bool, clitext.Text) {
			f := first(fsys, "_config.yml", "_config.yaml")
			return f != "", fileText(f)
		}},
	{Name: "siblings", Generator: "sibling directories", Doc: "pages/{id}.md, translations in pages.{lang}/",
		sections: func(src string, others []string) []section {
			return []section{{templates: perLang(src, "pages/{id}.md", others, "pages.{lang}/{id}.md")}}
		}},
}

// perLang gives the source language one template and every other language
// another.
func perLang(src, srcTmpl string, others []string, tmpl string) map[string]string {
	m := map[string]string{src: srcTmpl}
	for _, l := range others {
		m[l] = tmpl
	}
	return m
}

// Names returns the presets' names, in order.
func Names() []string {
	var out []string
	for _, p := range all {
		out = append(out, p.Name)
	}
	return out
}

// All returns the presets, in order.
func All() []*Preset { return all }

// Get returns the preset named name.
func Get(name string) (*Preset, error) {
	for _, p := range all {
		if p.Name == name {
			return p, nil
		}
	}
	return nil, clitext.NewError("misc_unknown_preset", "Name", strconv.Quote(name), "Known", strings.Join(Names(), ", "))
}

// Detect returns the preset whose generator's files the site holds, and
// why; nil when none.
func Detect(fsys fs.FS, langs []string) (*Preset, string) {
	p, why := DetectText(fsys, langs)
	if p == nil {
		return nil, ""
	}
	return p, why.String()
}

// DetectText is Detect with why in ceviri's words, for the reader's
// language.
func DetectText(fsys fs.FS, langs []string) (*Preset, clitext.Text) {
	for _, p := range all {
		if p.detect == nil {
			continue
		}
		if ok, why := p.detect(fsys, langs); ok {
			return p, why
		}
	}
	return nil, clitext.Text{}
}

// fileText is a file that shows a generator, alone, as the why of
// DetectText.
func fileText(f string) clitext.Text { return clitext.Msg("misc_detect_file", "File", f) }

// Content returns the content key of ceviri.yaml for langs (the source
// language first), as YAML lines.
func (p *Preset) Content(langs []string) string {
	secs := p.sections(langs[0], langs[1:])
	var b strings.Builder
	if len(secs) == 1 {
		if t, ok := secs[0].templates[""]; ok {
			fmt.Fprintf(&b, "content: %s\n", t)
			return b.String()
		}
		b.WriteString("content:\n")
		writeTemplates(&b, "  ", secs[0].templates, langs)
		return b.String()
	}
	b.WriteString("content:\n")
	for _, s := range secs {
		fmt.Fprintf(&b, "  - section: %s\n", s.name)
		writeTemplates(&b, "    ", s.templates, langs)
	}
	return b.String()
}

func writeTemplates(b *strings.Builder, indent string, m map[string]string, langs []string) {
	for _, l := range langs {
		fmt.Fprintf(b, "%s%s: %q\n", indent, l, m[l])
	}
}

// first returns the first of names that is a file of fsys, or "".
func first(fsys fs.FS, names ...string) string {
	for _, n := range names {
		if fi, err := fs.Stat(fsys, n); err == nil && !fi.IsDir() {
			return n
		}
	}
	return ""
}

func isDir(fsys fs.FS, name string) bool {
	fi, err := fs.Stat(fsys, name)
	return err == nil && fi.IsDir()
}

// langDirs reports whether dir holds a directory for every one of langs.
func langDirs(fsys fs.FS, dir string, langs []string) bool {
	if len(langs) == 0 {
		return false
	}
	for _, l := range langs {
		if !isDir(fsys, dir+"/"+l) {
			return false
		}
	}
	return true
}
