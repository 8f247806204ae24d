package corpusgen

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// hugoConfig is a Hugo site with one content directory per language and
// the kinds of page ceviri's bundles have: a page per article, a list, a
// sitemap and a feed (no taxonomy pages, which bundles do not have).
const hugoConfig = `baseURL = "https://haber.example.com.tr/"
title = "Haber"
defaultContentLanguage = "tr"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term"]
[languages.tr]
contentDir = "content/tr"
languageName = "Türkçe"
weight = 1
[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 2
`

var hugoLayouts = map[string]string{
	"layouts/_default/single.html": `<!doctype html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
</body></html>
`,
	"layouts/_default/list.html": `<!doctype html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></body></html>
`,
}

// writeHugo writes the Hugo site equivalent to the project in src:
// content/<lang>/<id>.md is the same file as articles/<id>/<lang>.md.
func writeHugo(dir, src string, n int, langs []string) error {
	files := map[string]string{"hugo.toml": hugoConfig}
	for k, v := range hugoLayouts {
		files[k] = v
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	for _, l := range langs {
		if err := os.MkdirAll(filepath.Join(dir, "content", l), 0o755); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		for _, l := range langs {
			from := filepath.Join(src, filepath.FromSlash(layoutPath(ID(i), l)))
			to := filepath.Join(dir, "content", l, ID(i)+".md")
			if err := linkOrCopy(from, to); err != nil {
				return fmt.Errorf("hugo site: %w", err)
			}
		}
	}
	return nil
}

// linkOrCopy hard-links from to to (so the Hugo site costs no space and
// sees the same edits), copying when a link is impossible; a missing from
// is a missing translation and is skipped.
func linkOrCopy(from, to string) error {
	if _, err := os.Stat(from); os.IsNotExist(err) {
		return nil
	}
	if err := os.Link(from, to); err == nil {
		return nil
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
