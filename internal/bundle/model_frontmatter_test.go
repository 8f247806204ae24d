package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildFrontMatter checks what build does with front matter that check
// (through frontmatter.CheckFields) also judges: it builds what check
// passes, aliases included, and refuses what check reports, with the same
// positioned message (issue 11: build refused, without a position, front
// matter that check had passed).
func TestBuildFrontMatter(t *testing.T) {
	tests := []struct {
		name, tr, en string
		want         string // an error, or in tr/index.json when ok
	}{
		{"date through an alias", "d: &d 2025-12-03\ndate: *d\n", "", `"date": "2025-12-03"`},
		{"authors and tags through aliases", "people: &p [{name: Ali}]\nauthors: *p\nt: &t [a, b]\ntags: *t\n", "", `"tags": [`},
		{"title through an alias", "t: &t Başlık\ntitle: *t\n", "", `"title": "Başlık"`},
		{"date that is a list", "date: [2025-12-03]\n", "", "articles/a/tr.md:3:7: date must be a single value"},
		{"nested duplicate key", "extra:\n  x: 1\n  x: 2\n", "", `articles/a/tr.md:5:3: duplicate key "x" (first at line 4)`},
		{"not a number in a translation", "", "rating: .nan\n", "articles/a/en.md:3:9: .nan is not a number that JSON can hold"},
		{"deep list", "deep: " + strings.Repeat("[", 150) + strings.Repeat("]", 150) + "\n", "", "articles/a/tr.md:3:106: YAML nested more than 100 levels deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{
				"ceviri.yaml":      "languages: [tr, en]\n",
				"articles/a/tr.md": "---\n" + withTitle(tt.tr, "Işık") + "---\nBir.\n",
				"articles/a/en.md": "---\ntitle: Light\n" + tt.en + "---\nOne.\n",
			})
			out := filepath.Join(dir, "dist")
			_, err := build(t, dir, out, Options{})
			if strings.Contains(tt.want, ".md:") {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error = %v, want %q", err, tt.want)
				}
				if _, err := os.Stat(out); err == nil {
					t.Error("a refused build wrote its output")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(out, "tr", "index.json"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tt.want) {
				t.Errorf("tr/index.json lacks %s:\n%s", tt.want, data)
			}
		})
	}
}

// withTitle puts a title before fields unless they have one.
func withTitle(fields, title string) string {
	if strings.Contains(fields, "\ntitle:") {
		return fields
	}
	return "title: " + title + "\n" + fields
}
