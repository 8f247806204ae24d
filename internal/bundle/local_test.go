package bundle

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/project"
)

// readPage reads <out>/<lang>/<id>/index.json.
func readPage(t *testing.T, out, lang, id string) pageJSON {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, lang, id, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pj pageJSON
	if err := json.Unmarshal(data, &pj); err != nil {
		t.Fatal(err)
	}
	return pj
}

// TestLocalFieldsAndPlaceholders builds a Hugo-like site: each page shows
// its own version's local fields (slug, url, lang, lastmod, aliases,
// translationKey; date when configured local), never the source's; shared
// fields come from the source; a placeholder (marker or empty body) is
// published as the fallback, with its notice, even with a record.
func TestLocalFieldsAndPlaceholders(t *testing.T) {
	const src = "---\ntitle: Başlık\ndate: 2025-12-03\nlastmod: 2025-12-10\nslug: makale\nurl: /tr/makale/\naliases: [/tr/eski/]\ntranslationKey: makale\nlang: tr\ncategory: haber\n---\n\nBir iki üç.\n"
	files := map[string]string{
		"locales/tr.yaml":      "site_name: Site\n",
		"locales/en.yaml":      "site_name: Site\n",
		"articles/a/tr.md":     src,
		"articles/a/en.md":     "---\ntitle: Title\ndate: 2025-12-05\nslug: article\nlang: en\n---\n\nOne two three.\n",
		"articles/ph/tr.md":    src,
		"articles/ph/en.md":    "---\ntitle: Başlık\nslug: placeholder-page\nuntranslated: 1\n---\n\nBir iki üç.\n",
		"articles/empty/tr.md": src,
		"articles/empty/en.md": "---\ntitle: Title\n---\n",
		"articles/none/tr.md":  src,
	}
	tests := []struct {
		name   string
		config string
		id     string
		lang   string
		state  string
		fb     bool
		date   string
		fields map[string]any
	}{
		{"the source's page", "", "a", "tr", "source", false, "2025-12-03", map[string]any{
			"lastmod": "2025-12-10T00:00:00Z", "slug": "makale", "url": "/tr/makale/", "aliases": []any{"/tr/eski/"}, "translationkey": "makale", "lang": "tr", "category": "haber"}},
		{"untracked: fallback with its own local fields, the source's shared", "", "a", "en", "untracked", true, "2025-12-03", map[string]any{"slug": "article", "lang": "en", "category": "haber"}},
		{"done: the translation's page", "done", "a", "en", "current", false, "2025-12-03", map[string]any{"slug": "article", "lang": "en", "category": "haber"}},
		{"local date: the translation's own", "done local-date", "a", "en", "current", false, "2025-12-05", map[string]any{"slug": "article", "lang": "en", "category": "haber"}},
		{"marked placeholder: fallback with its own local fields", "marker", "ph", "en", "missing", true, "2025-12-03", map[string]any{"slug": "placeholder-page", "untranslated": 1.0, "category": "haber"}},
		{"empty placeholder: fallback", "", "empty", "en", "missing", true, "2025-12-03", map[string]any{"category": "haber"}},
		{"missing: fallback without local fields", "", "none", "en", "missing", true, "2025-12-03", map[string]any{"category": "haber"}},
		{"missing, local date: none", "local-date", "none", "en", "missing", true, "", map[string]any{"category": "haber"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, files)
			cfg := "languages: [tr, en]\n"
			if strings.Contains(tt.config, "marker") {
				cfg += "placeholder: {field: untranslated}\n"
			}
			if strings.Contains(tt.config, "local-date") {
				cfg += "local: [date, lastmod, slug, url, aliases, translationKey, lang]\n"
			}
			writeFiles(t, dir, map[string]string{"ceviri.yaml": cfg})
			if strings.Contains(tt.config, "done") {
				// What done writes: the record of the current source.
				fp := fingerprintOfFile(t, dir, "articles/a/tr.md")
				writeFiles(t, dir, map[string]string{"articles/a/en.md": "---\ntitle: Title\ndate: 2025-12-05\nslug: article\nlang: en\ntranslation:\n  from: tr\n  source_hash: " + fp + "\n---\n\nOne two three.\n"})
			}
			out := t.TempDir()
			mustBuild(t, dir, out, Options{})
			pj := readPage(t, out, tt.lang, tt.id)
			if pj.State != tt.state || pj.Fallback != tt.fb || pj.Date != tt.date {
				t.Errorf("state %s, fallback %v, date %q; want %s, %v, %q", pj.State, pj.Fallback, pj.Date, tt.state, tt.fb, tt.date)
			}
			if tt.fb && pj.Notice == "" {
				t.Errorf("a fallback page without its notice")
			}
			if !reflect.DeepEqual(pj.Fields, tt.fields) {
				t.Errorf("fields = %v\nwant %v", pj.Fields, tt.fields)
			}
		})
	}
}

// fingerprintOfFile returns the fingerprint of a version of the project at
// dir.
func fingerprintOfFile(t *testing.T, dir, name string) string {
	t.Helper()
	p, err := project.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	v := project.Parse(project.File{Path: name}, data, p.Config)
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	return v.Fingerprint
}
