package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/frontmatter"
)

// TestSharedFieldEquality compares shared fields by what they mean.
func TestSharedFieldEquality(t *testing.T) {
	tests := []struct {
		name, src, tr string
		equal         bool
	}{
		{"quoting", `tags: [a, "b"]`, `tags: ['a', b]`, true},
		{"flow and block", "tags: [a, b]", "tags:\n  - a\n  - b", true},
		{"key order", "image: {src: a.png, alt: A}", "image:\n  alt: A\n  src: a.png", true},
		{"aliases", "x: &x [a, b]\ntags: *x", "tags: [a, b]", true},
		{"alias of a mapping", "m: &m {k: v}\nimage: [*m, *m]", "image: [{k: v}, {k: v}]", true},
		{"item order", "tags: [a, b]", "tags: [b, a]", false},
		{"other key", "image: {src: a.png}", "image: {url: a.png}", false},
		{"scalar and list", "tags: a", "tags: [a]", false},
		{"longer list", "tags: [a]", "tags: [a, a]", false},
		{"nested value", "refs: [{url: a, title: [x, y]}]", "refs: [{title: [x, y], url: b}]", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: A\n" + tt.src + "\n---\nBir.\n"
			tr := "---\ntitle: B\n" + tt.tr + "\ntranslation:\n  from: tr\n  source_hash: sha256:" + strings.Repeat("1", 64) + "\n---\nOne.\n"
			if strings.HasPrefix(tt.src, "x:") || strings.HasPrefix(tt.src, "m:") {
				tr = strings.Replace(tr, "title: B\n", "title: B\n"+strings.SplitN(tt.src, "\n", 2)[0]+"\n", 1)
			}
			cfg, s, d := parsePair(t, src, tr)
			var mismatch []Finding
			for _, f := range translationFields(cfg, finder{id: "a", lang: "en", file: d.Path}, s, d) {
				if f.Rule == SharedFieldMismatch {
					mismatch = append(mismatch, f)
				}
			}
			if got := len(mismatch) == 0; got != tt.equal {
				t.Errorf("equal = %v, want %v (%v)", got, tt.equal, mismatch)
			}
		})
	}
}

// TestCanonDoesNotExpandAliases compares two values that stand for 2^40
// values each through aliases, built by hand past frontmatter.Parse's
// limits: the comparison looks at each node once. The recursive comparison
// it replaced would run for days.
func TestCanonDoesNotExpandAliases(t *testing.T) {
	graph := func(leaf string) *frontmatter.Node {
		n := &frontmatter.Node{Kind: frontmatter.Scalar, Value: leaf}
		for range 40 {
			// An alias is the node it stands for, reached twice.
			n = &frontmatter.Node{Kind: frontmatter.List, Items: []*frontmatter.Node{n, n}}
		}
		return n
	}
	var c canon
	if !c.equal(graph("x"), graph("x")) {
		t.Error("equal graphs compare unequal")
	}
	if c.equal(graph("x"), graph("y")) {
		t.Error("graphs with other leaves compare equal")
	}
}

// TestUnpublishableFrontMatter checks that check reports, as
// invalid-front-matter, what build refuses to publish.
func TestUnpublishableFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, tr string
		want          []string
	}{
		{"bad date", "date: soon", "", []string{`tr.md:3: invalid-front-matter: date "soon" is neither YYYY-MM-DD nor RFC 3339`}},
		{"date not a value", "date: [2025-12-03]", "", []string{`tr.md:3: invalid-front-matter: date must be a single value`}},
		{"authors not a list", "authors: {name: Ali}", "", []string{`tr.md:3: invalid-front-matter: authors must be a list of {name: ...}`}},
		{"author without a name", "authors: [{role: x}]", "", []string{`tr.md:3: invalid-front-matter: an author needs a name`}},
		{"tags of lists", "tags: [[a]]", "", []string{`tr.md:3: invalid-front-matter: tags: each item must be a string`}},
		{"references of strings", "references: [a]", "", []string{`tr.md:3: invalid-front-matter: references must be a list of {title, publisher, url}`}},
		{"not a number in the source", "rating: .nan", "", []string{`tr.md:3: invalid-front-matter: .nan is not a number that JSON can hold`}},
		{"not a number in a translation", "", "rating: -.Inf", []string{`en.md:3: invalid-front-matter: -.Inf is not a number that JSON can hold`}},
		{"well-formed", "date: 2025-12-03\nauthors: [Ali, {name: Veli}]\ntags: [a, '']\nreferences: [{title: T, url: u}]", "", nil},
		{"aliases", "d: &d 2025-12-03\ndate: *d\nauthors: &a [Ali]\nreaders: *a", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: A\n" + tt.src + "\n---\nBir.\n"
			tr := "---\ntitle: B\n" + tt.tr + "\ntranslation:\n  from: tr\n  source_hash: sha256:" + strings.Repeat("1", 64) + "\n---\nOne.\n"
			cfg, s, d := parsePair(t, src, tr)
			fs := append(sourceFields(cfg, "a", s), translationFields(cfg, finder{id: "a", lang: "en", file: d.Path}, s, d)...)
			var got []string
			for _, f := range fs {
				if f.Rule == InvalidFrontMatter {
					got = append(got, fmt.Sprintf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Message))
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("got %q, want %q", got[i], tt.want[i])
				}
			}
		})
	}
}
