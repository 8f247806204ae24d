package pagelink

import (
	"strings"
	"testing"
)

func TestArticle(t *testing.T) {
	ix := New([]string{"en", "tr"}, "https://haber.example.edu.tr/")
	ix.Add("learn/state", "content/learn/state.md")
	ix.Add("learn/state", "content/tr/learn/state.md")
	ix.Add("kampüs/rektör", "articles/kampüs/rektör/en.md")
	ix.Add("only-id", "")
	tests := []struct {
		from, dest, id, rest string
	}{
		{"content/tr/learn/intro.md", "state.md#durum", "learn/state", "#durum"},
		{"content/tr/learn/intro.md", "./state.md?x=1#a", "learn/state", "?x=1#a"},
		{"content/learn/intro.md", "../learn/state.md", "learn/state", ""},
		{"content/tr/learn/intro.md", "/content/learn/state.md#s", "learn/state", "#s"},
		{"x.md", "/tr/learn/state/#durum", "learn/state", "#durum"},
		{"x.md", "/learn/state", "learn/state", ""},
		{"x.md", "/en/learn/state/index.html", "learn/state", ""},
		{"x.md", "https://haber.example.edu.tr/tr/learn/state/#a", "learn/state", "#a"},
		{"x.md", "/only-id#b", "only-id", "#b"},
		{"articles/a/tr.md", "../kamp%C3%BCs/rekt%C3%B6r/en.md#giriş", "kampüs/rektör", "#giriş"},
		// Not an article.
		{"x.md", "https://example.com/learn/state", "", ""},
		{"x.md", "//haber.example.edu.tr/learn/state", "", ""},
		{"x.md", "#durum", "", ""},
		{"x.md", "/images/state.png", "", ""},
		{"x.md", "/fr/learn/state/", "", ""},
		{"x.md", "mailto:a@b.c", "", ""},
		{"x.md", "", "", ""},
	}
	for _, tt := range tests {
		id, rest := ix.Article(tt.from, tt.dest)
		if id != tt.id || rest != tt.rest {
			t.Errorf("Article(%q, %q) = %q, %q; want %q, %q", tt.from, tt.dest, id, rest, tt.id, tt.rest)
		}
	}
}

func TestFragment(t *testing.T) {
	tests := []struct {
		rest, frag string
		ok         bool
	}{
		{"#durum", "durum", true},
		{"?q=1#projenizi-payla%C5%9F%C4%B1n", "projenizi-paylaşın", true},
		{"#%zz", "%zz", true},
		{"?q=1", "", false},
		{"#", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if f, ok := Fragment(tt.rest); f != tt.frag || ok != tt.ok {
			t.Errorf("Fragment(%q) = %q, %v; want %q, %v", tt.rest, f, ok, tt.frag, tt.ok)
		}
	}
}

// FuzzArticle: any destination from any page resolves without a panic, to
// an article the index knows or to none, and the rest it returns is the
// end of the destination.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{"../state/tr.md#durum", "/tr/learn/state/#a", "https://haber.example.edu.tr/en/x/",
		"//evil/x", "%zz#%zz", "?#", "/../../etc/passwd#x", "\\x", "javascript:alert(1)", "./a/../b.md?q#f", "/index.html"} {
		f.Add("articles/a/tr.md", s)
	}
	ix := New([]string{"en", "tr"}, "https://haber.example.edu.tr")
	ix.Add("learn/state", "content/learn/state.md")
	ix.Add("x", "articles/x/en.md")
	f.Fuzz(func(t *testing.T, from, d string) {
		id, rest := ix.Article(from, d)
		if id != "" && id != "learn/state" && id != "x" {
			t.Fatalf("Article(%q, %q) = %q, an id the index does not know", from, d, id)
		}
		if id == "" && rest != "" || !strings.HasSuffix(d, rest) {
			t.Fatalf("Article(%q, %q) rest %q", from, d, rest)
		}
		if f, ok := Fragment(rest); ok && f == "" {
			t.Fatalf("Fragment(%q) = empty, ok", rest)
		}
	})
}
