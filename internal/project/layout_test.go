package project

import (
	"strings"
	"testing"
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
	for _, id := range []string{"a", "2025/ukraine-talks", "kampüste-yapay-zekâ", "_index", "a.b"} {
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
		"a b":       "white space",
		"a\\b":      "not allowed",
		"a\x00b":    "control",
	}
	for id, want := range bad {
		err := ValidID(id)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ValidID(%q) = %v, want %q", id, err, want)
		}
	}
}
