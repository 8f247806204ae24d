package preset

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
)

// TestEveryPresetParses: each preset's content is a valid ceviri.yaml for
// any source language and any number of languages.
func TestEveryPresetParses(t *testing.T) {
	for _, p := range All() {
		for _, langs := range [][]string{{"en", "tr"}, {"tr", "en"}, {"en", "tr", "pt-BR"}} {
			data := "languages: [" + join(langs) + "]\n" + p.Content(langs)
			c, err := config.Parse("ceviri.yaml", []byte(data))
			if err != nil {
				t.Errorf("%s %v: %v\n%s", p.Name, langs, err, data)
				continue
			}
			if len(c.Sections) == 0 {
				t.Errorf("%s: no sections", p.Name)
			}
		}
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

func TestDetect(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("x")}
	dir := &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"hugo suffix", fstest.MapFS{"hugo.toml": file, "content/a.md": file}, "hugo"},
		{"hugo dirs", fstest.MapFS{"config.toml": file, "content/en/a.md": file, "content/tr/a.md": file}, "hugo-dirs"},
		{"docusaurus", fstest.MapFS{"docusaurus.config.ts": file}, "docusaurus"},
		{"mkdocs suffix", fstest.MapFS{"mkdocs.yml": file, "docs/index.md": file}, "mkdocs"},
		{"mkdocs folders", fstest.MapFS{"mkdocs.yml": file, "docs/en/index.md": file, "docs/tr/index.md": file}, "mkdocs-folders"},
		{"vitepress", fstest.MapFS{"docs/.vitepress/config.mts": file}, "vitepress"},
		{"starlight", fstest.MapFS{"astro.config.mjs": file, "src/content/docs/a.md": file}, "starlight"},
		{"astro without starlight docs", fstest.MapFS{"astro.config.mjs": file}, ""},
		{"jekyll", fstest.MapFS{"_config.yml": file}, "jekyll"},
		{"nothing", fstest.MapFS{"README.md": file, "src": dir}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, why := Detect(tt.fsys, []string{"en", "tr"})
			got := ""
			if p != nil {
				got = p.Name
				if why == "" {
					t.Error("no reason given")
				}
			}
			if got != tt.want {
				t.Errorf("Detect = %q (%s), want %q", got, why, tt.want)
			}
		})
	}
	if _, err := Get("gatsby"); err == nil {
		t.Error("unknown preset accepted")
	}
}
