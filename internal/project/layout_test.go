package project

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/config"
)

func TestLayouts(t *testing.T) {
	langs := []string{"tr", "en", "pt-BR"}
	tests := []struct {
		tmpl, id, lang, path, dir string
	}{
		{"articles/{id}/{lang}.md", "2025/ukraine-talks", "tr", "articles/2025/ukraine-talks/tr.md", "articles"},
		{"content/{lang}/{id}.md", "contribute/_index", "en", "content/en/contribute/_index.md", "content"},
		{"content/{id}.{lang}.md", "posts/a.b", "pt-BR", "content/posts/a.b.pt-BR.md", "content"},
		{"{id}.{lang}.md", "kampüs-ışık", "tr", "kampüs-ışık.tr.md", "."},
	}
	for _, tt := range tests {
		t.Run(tt.tmpl, func(t *testing.T) {
			l, err := NewLayout(tt.tmpl, langs)
			if err != nil {
				t.Fatal(err)
			}
			if got := l.Path(tt.id, tt.lang); got != tt.path {
				t.Errorf("Path = %q, want %q", got, tt.path)
			}
			id, lang, ok := l.Match(tt.path)
			if !ok || id != tt.id || lang != tt.lang {
				t.Errorf("Match(%q) = %q %q %v", tt.path, id, lang, ok)
			}
			if l.Dir() != tt.dir {
				t.Errorf("Dir = %q, want %q", l.Dir(), tt.dir)
			}
		})
	}
	l, _ := NewLayout("content/{lang}/{id}.md", langs)
	for _, p := range []string{"content/de/x.md", "content/en/x.txt", "other/en/x.md", "content/en/.hidden/x.md"} {
		if id, lang, ok := l.Match(p); ok {
			t.Errorf("Match(%q) = %q %q, want no match", p, id, lang)
		}
	}
	if _, err := NewLayout("a/{id}/{language}.md", langs); err == nil {
		t.Error("unknown placeholder accepted")
	}
}

func TestValidID(t *testing.T) {
	for _, id := range []string{"a", "2025/ukraine-talks", "kampüste-yapay-zekâ", "_index", "a.b",
		"[", "[[", "g[", "{", "}", "a b", "common/*", "x?", "{id}"} {
		if err := ValidID(id); err != nil {
			t.Errorf("ValidID(%q) = %v", id, err)
		}
	}
	bad := map[string]string{
		"":          "empty",
		"../x":      "escape",
		"a/../../x": "escape",
		"/etc/x":    "absolute",
		"C:/x":      "absolute",
		"a//b":      "empty path component",
		"./a":       "empty path component",
		"a/.git":    "hidden",
		"a\\b":      "contains \\",
		"a\x00b":    "control",
		"a\nb":      "control",
	}
	for id, want := range bad {
		err := ValidID(id)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ValidID(%q) = %v, want %q", id, err, want)
		}
	}
}

// TestLayoutPerLanguage pins the templates of the generators people use
// (issue 13) and the specificity rule: where two templates match a file,
// the one with more characters that are not placeholders wins.
func TestLayoutPerLanguage(t *testing.T) {
	type match struct{ path, id, lang string } // lang "" = no match
	tests := []struct {
		name    string
		content map[string]string
		dirs    string
		matches []match
	}{
		{"Jekyll: English at the root of _articles, Turkish in tr/",
			map[string]string{"en": "_articles/{id}.md", "tr": "_articles/tr/{id}.md"}, "_articles",
			[]match{{"_articles/x.md", "x", "en"}, {"_articles/tr/x.md", "x", "tr"}, {"_articles/2025/x.md", "2025/x", "en"}}},
		{"Hugo: suffix, the default language unsuffixed",
			map[string]string{"en": "content/{id}.md", "tr": "content/{id}.tr.md"}, "content",
			[]match{{"content/posts/x.md", "posts/x", "en"}, {"content/posts/x.tr.md", "posts/x", "tr"}}},
		{"Hugo: page bundles",
			map[string]string{"en": "content/{id}/index.md", "tr": "content/{id}/index.tr.md"}, "content",
			[]match{{"content/posts/x/index.md", "posts/x", "en"}, {"content/posts/x/index.tr.md", "posts/x", "tr"}, {"content/posts/x/other.md", "", ""}}},
		{"Docusaurus: docs/ and i18n/tr/.../current/",
			map[string]string{"en": "docs/{id}.md", "tr": "i18n/{lang}/docusaurus-plugin-content-docs/current/{id}.md"}, "docs i18n/tr/docusaurus-plugin-content-docs/current",
			[]match{{"docs/intro.md", "intro", "en"}, {"i18n/tr/docusaurus-plugin-content-docs/current/intro.md", "intro", "tr"}}},
		{"MkDocs static-i18n, suffix mode",
			map[string]string{"en": "docs/{id}.en.md", "tr": "docs/{id}.tr.md"}, "docs",
			[]match{{"docs/index.en.md", "index", "en"}, {"docs/index.tr.md", "index", "tr"}, {"docs/index.md", "", ""}}},
		{"MkDocs static-i18n, folder mode",
			map[string]string{"en": "docs/en/{id}.md", "tr": "docs/tr/{id}.md"}, "docs/en docs/tr",
			[]match{{"docs/en/index.md", "index", "en"}, {"docs/tr/index.md", "index", "tr"}}},
		{"VitePress / Starlight: root locale and tr/",
			map[string]string{"en": "docs/{id}.md", "tr": "docs/tr/{id}.md"}, "docs",
			[]match{{"docs/guide/a.md", "guide/a", "en"}, {"docs/tr/guide/a.md", "guide/a", "tr"}}},
		{"sibling directories",
			map[string]string{"en": "pages/{id}.md", "tr": "pages.tr/{id}.md"}, "pages pages.tr",
			[]match{{"pages/a.md", "a", "en"}, {"pages.tr/a.md", "a", "tr"}, {"pages/[.md", "[", "en"}}},
		{"Docusaurus with .md and .mdx in one template",
			map[string]string{"en": "docs/{id}.{md,mdx}", "tr": "i18n/tr/docusaurus-plugin-content-docs/current/{id}.{md,mdx}"}, "docs i18n/tr/docusaurus-plugin-content-docs/current",
			[]match{{"docs/intro.md", "intro", "en"}, {"i18n/tr/docusaurus-plugin-content-docs/current/intro.md", "intro", "tr"}, {"docs/a.txt", "", ""}}},
		{"MDX beside Markdown is another template",
			map[string]string{"en": "src/{id}.mdx", "tr": "src/tr/{id}.mdx"}, "src",
			[]match{{"src/a.mdx", "a", "en"}, {"src/tr/a.mdx", "a", "tr"}, {"src/a.md", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &config.Config{Languages: []string{"en", "tr"}, Templates: tt.content}
			l, err := LayoutOf(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(l.Dirs(), " "); got != tt.dirs {
				t.Errorf("Dirs = %q, want %q", got, tt.dirs)
			}
			for _, m := range tt.matches {
				id, lang, ok := l.Match(m.path)
				if m.lang == "" {
					if ok {
						t.Errorf("Match(%q) = %q %q, want no match", m.path, id, lang)
					}
					continue
				}
				if !ok || id != m.id || lang != m.lang {
					t.Errorf("Match(%q) = %q %q %v, want %q %q", m.path, id, lang, ok, m.id, m.lang)
					continue
				}
				if got := l.Path(id, lang); got != m.path {
					t.Errorf("Path(%q, %q) = %q, want %q", id, lang, got, m.path)
				}
			}
		})
	}
}

func TestLayoutExtensions(t *testing.T) {
	cfg := &config.Config{Languages: []string{"en", "tr"}, Templates: map[string]string{"en": "docs/{id}.{md,mdx}", "tr": "tr/{id}.{md,mdx}"}}
	l, err := LayoutOf(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, id string }{{"docs/a.mdx", "a"}, {"docs/a.md", "a"}, {"docs/x/a.b.mdx", "x/a.b"}} {
		if id, lang, ok := l.Match(tt.path); !ok || id != tt.id || lang != "en" {
			t.Errorf("Match(%q) = %q %q %v", tt.path, id, lang, ok)
		}
	}
	if got := l.PathLike("a", "tr", "docs/a.mdx"); got != "tr/a.mdx" {
		t.Errorf("PathLike mdx = %q", got)
	}
	if got := l.PathLike("a", "tr", "docs/a.md"); got != "tr/a.md" {
		t.Errorf("PathLike md = %q", got)
	}
	if got := l.Path("a", "tr"); got != "tr/a.md" {
		t.Errorf("Path = %q", got)
	}
}

// TestLayoutSections: Docusaurus keeps docs and blog in two trees per
// language; a list of sections gives each its templates, and the section's
// name starts its articles' ids.
func TestLayoutSections(t *testing.T) {
	c, err := config.Parse("ceviri.yaml", []byte(`languages: [en, tr]
content:
  - en: docs/{id}.{md,mdx}
    tr: i18n/tr/docusaurus-plugin-content-docs/current/{id}.{md,mdx}
  - en: blog/{id}.md
    tr: i18n/tr/docusaurus-plugin-content-blog/{id}.md
`))
	if err != nil {
		t.Fatal(err)
	}
	l, err := LayoutOf(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct{ path, id, lang string }{
		{"docs/intro.mdx", "docs/intro", "en"},
		{"i18n/tr/docusaurus-plugin-content-docs/current/intro.mdx", "docs/intro", "tr"},
		{"blog/2025-launch.md", "blog/2025-launch", "en"},
		{"i18n/tr/docusaurus-plugin-content-blog/2025-launch.md", "blog/2025-launch", "tr"},
	} {
		id, lang, ok := l.Match(m.path)
		if !ok || id != m.id || lang != m.lang {
			t.Errorf("Match(%q) = %q %q %v", m.path, id, lang, ok)
			continue
		}
		if got := l.PathLike(id, lang, m.path); got != m.path {
			t.Errorf("PathLike(%q, %q) = %q", id, lang, got)
		}
	}
	if got := strings.Join(l.Dirs(), " "); got != "blog docs i18n/tr/docusaurus-plugin-content-blog i18n/tr/docusaurus-plugin-content-docs/current" {
		t.Errorf("Dirs = %q", got)
	}
}

func TestLayoutSkipped(t *testing.T) {
	cfg := &config.Config{Languages: []string{"en", "tr"}, Templates: map[string]string{"en": "content/{id}.md", "tr": "content/{id}.tr.md"}}
	l, err := LayoutOf(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{
		"content/about.html":         "not Markdown",
		"content/about.tr.html":      "not Markdown",
		"content/docs/guide.adoc":    "not Markdown",
		"content/a\x01b.md":          "control character",
		"content/posts/x/cover.png":  "",
		"content/about.md":           "",
		"static/about.html":          "",
		"content/posts/x/index.json": "",
	} {
		got := l.Skipped(p)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("Skipped(%q) = %q, want %q", p, got, want)
		}
	}
}
