package bundle

import (
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/language"
)

// quadraticIDs is how heading ids were given before issue 11: the suffixes
// tried from 1 for every heading. headingIDs must give exactly its ids.
type quadraticIDs struct {
	seen map[string]bool
}

func (q *quadraticIDs) generate(value string) string {
	base := Slug(value, language.Turkish)
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; q.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	q.seen[id] = true
	return id
}

// sameIDs fails unless headingIDs gives the ids quadraticIDs gives for the
// headings (a "{#id}" heading stands for an id written by hand).
func sameIDs(t *testing.T, headings []string) {
	t.Helper()
	h := newHeadingIDs(language.Turkish)
	q := &quadraticIDs{seen: map[string]bool{}}
	for i, v := range headings {
		if id, ok := strings.CutPrefix(v, "{#"); ok {
			id = strings.TrimSuffix(id, "}")
			h.Put([]byte(id))
			q.seen[id] = true
			continue
		}
		got, want := string(h.Generate([]byte(v), ast.KindHeading)), q.generate(v)
		if got != want {
			t.Fatalf("heading %d %q: id %q, want %q (headings %q)", i, v, got, want, headings)
		}
	}
}

func TestHeadingIDsAsBefore(t *testing.T) {
	tests := [][]string{
		{"a", "a", "a", "a"},
		{"a", "a-1", "a", "a", "a-1", "a-1-1"},
		{"a-2", "a", "a", "a", "a", "a-3"},
		{"{#a-1}", "a", "a", "a", "{#a-4}", "a", "a"},
		{"a", "a", "{#a-2}", "a", "a"},
		{"!!!", "", "section", "Section", "section-1"},
		{"Giriş", "GİRİŞ", "giris", "Giriş 2", "giris-2", "giris"},
	}
	for _, headings := range tests {
		sameIDs(t, headings)
	}
}

// TestHeadingIDsLinear: the 2,001st equal heading takes one step, not
// 2,000 (before issue 11 each step built a string, so this counts them): a
// page of 20,000 "## a" took 52 s to build.
func TestHeadingIDsLinear(t *testing.T) {
	h := newHeadingIDs(language.Turkish)
	for range 2000 {
		h.Generate([]byte("a"), ast.KindHeading)
	}
	allocs := testing.AllocsPerRun(10, func() { h.Generate([]byte("a"), ast.KindHeading) })
	if allocs > 10 {
		t.Errorf("the next equal heading allocates %.0f times: the ids are tried from 1 again", allocs)
	}
}

// FuzzHeadingIDs compares headingIDs with the quadratic way on arbitrary
// headings: ids ending in "-N" and hand-written ids in any order.
func FuzzHeadingIDs(f *testing.F) {
	f.Add("a\na\na-1\na\n{#a-3}\na")
	f.Add(strings.Repeat("a\n", 300) + "a-1\na-299")
	f.Add("İ\ni\nI\nı\n{#i-1}\ni")
	f.Fuzz(func(t *testing.T, s string) {
		headings := strings.Split(s, "\n")
		if len(headings) > 2000 {
			return
		}
		sameIDs(t, headings)
	})
}

// FuzzSlugASCII compares the ASCII way of Slug with the general one, in
// languages whose lower case of I differs.
func FuzzSlugASCII(f *testing.F) {
	for _, s := range []string{"Istanbul'da ISIK", "  2025: A year -- in review!  ", "a_b-c.d", "IJssel", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		for _, tag := range []language.Tag{language.Turkish, language.English, language.Azerbaijani, language.Lithuanian, language.Dutch, language.Greek} {
			general := Slug(s+"é", tag) // not ASCII: the general way
			general = strings.TrimSuffix(strings.TrimSuffix(general, "e"), "-")
			if got := asciiSlug(s); got != general {
				t.Fatalf("asciiSlug(%q) = %q, Slug in %v %q", s, got, tag, general)
			}
		}
	})
}
