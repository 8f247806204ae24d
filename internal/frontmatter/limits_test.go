package frontmatter

import (
	"fmt"
	"strings"
	"testing"
)

// bomb is the probe's "billion laughs": nine levels of nine aliases, 387
// million values in about 600 bytes.
func bomb() string {
	var b strings.Builder
	b.WriteString("---\ntitle: A\na: &a [x,x,x,x,x,x,x,x,x]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		fmt.Fprintf(&b, "%s: &%s [%s]\n", name, name, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
		prev = name
	}
	b.WriteString("shared: *i\n---\nbody\n")
	return b.String()
}

// nested returns a flow list nested depth levels deep under the key deep.
func nested(depth int) string {
	return "---\ntitle: A\ndeep: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n---\n"
}

// aliasList returns front matter whose key many holds n aliases of a list of
// size items.
func aliasList(size, n int) string {
	return "---\nlist: &l [" + strings.TrimSuffix(strings.Repeat("x, ", size), ", ") + "]\nmany: [" +
		strings.TrimSuffix(strings.Repeat("*l, ", n), ", ") + "]\n---\n"
}

func TestParseLimits(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"alias bomb", bomb(), "a.md:5:8: YAML aliases expand the front matter beyond ceviri's limit"},
		{"nested duplicate key", "---\ntitle: A\nextra:\n  x: 1\n  x: 2\n---\n", `a.md:5:3: duplicate key "x" (first at line 4)`},
		{"duplicate key in a list item", "---\nrefs:\n  - {url: a, url: b}\n---\n", `a.md:3:14: duplicate key "url" (first at line 3)`},
		{"duplicate key in a large mapping", "---\nm:\n" + largeMap(40) + "  k7: again\n---\n", `a.md:43:3: duplicate key "k7" (first at line 10)`},
		{"duplicate top-level key in a large mapping", "---\n" + strings.ReplaceAll(largeMap(40), "  k", "k") + "K7: again\n---\n", `a.md:42:1: duplicate front-matter key "K7" (first at line 9)`},
		{"10,000-deep list", nested(10000), "a.md:3:106: YAML nested more than 100 levels deep"},
		{"101 levels", nested(100), "a.md:3:106: YAML nested more than 100 levels deep"},
		{"depth through an alias", "---\na: &a " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\nb: " + strings.Repeat("[", 50) + "*a" + strings.Repeat("]", 50) + "\n---\n",
			"a.md:3:54: alias *a nests the front matter more than 100 levels deep"},
		{"alias inside its own anchor", "---\na: &x [*x]\n---\n", "a.md:2:8: alias *x is inside the value of its own anchor &x"},
		{"merge into itself", "---\na: &x {b: 1, <<: *x}\n---\n", "a.md:2:18: alias *x is inside the value of its own anchor &x"},
		{"complex key", "---\n? [a, b]\n: c\n---\n", "a.md:2:3: a mapping or a list cannot be a front-matter key"},
		{"nested complex key", "---\nm:\n  ? {a: b}\n  : c\n---\n", "a.md:3:5: a mapping or a list cannot be a front-matter key"},
		{"alias key", "---\na: &k key\nm:\n  *k : c\n---\n", "a.md:4:3: an alias (*k) cannot be a front-matter key"},
		{"merge of a scalar", "---\na: &s text\nm:\n  <<: *s\n---\n", "a.md:4:7: a merge key (<<) needs a mapping or a list of mappings"},
		{"merge of a list of scalars", "---\nm:\n  <<: [a, b]\n---\n", "a.md:3:7: a merge key (<<) needs a mapping or a list of mappings"},
		{"int tag on a word", "---\nn: !!int twelve\n---\n", `a.md:2:4: "twelve" is not a valid !!int value`},
		{"binary tag on bad base64", "---\nn: !!binary '*'\n---\n", `a.md:2:4: "*" is not a valid !!binary value`},
		{"timestamp tag on a word", "---\nn: !!timestamp soon\n---\n", `a.md:2:4: "soon" is not a valid !!timestamp value`},
		{"aliases beyond both limits", aliasList(120, 10), "a.md:3:8: YAML aliases expand the front matter beyond ceviri's limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("a.md", []byte(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant   %s...", err, tt.want)
			}
		})
	}
}

func largeMap(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  k%d: v\n", i)
	}
	return b.String()
}

// TestParseWithinLimits accepts front matter at the limits, and checks that
// yaml.v3 decodes each of its fields into Go values, as build does.
func TestParseWithinLimits(t *testing.T) {
	tests := []struct{ name, in string }{
		{"100 levels", nested(99)},
		{"aliases standing for 100 values", aliasList(99, 1)},
		{"many aliases in small front matter", aliasList(30, 30)},
		{"a small alias in large front matter", "---\nbig: [" + strings.Repeat("x, ", 2000) + "y]\nsmall: &s [a, b]\nagain: *s\n---\n"},
		{"merge keys", "---\nbase: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 3\nn:\n  <<: [*b, {z: 4}]\n---\n"},
		{"anchors and aliases", "---\nauthors: &a\n  - name: Ali\nreviewers: *a\ncount: &n 3\nagain: *n\n---\n"},
		{"tags that fit", "---\na: !!int 12\nb: !!binary aGVsbG8=\nc: !!str 12\nd: !!float 1\ne: !custom x\n---\n"},
		{"same key in different mappings", "---\na: {x: 1}\nb: {x: 2}\nc: [{x: 1}, {x: 2}]\n---\n"},
		{"same key in another case below the top", "---\na: {x: 1, X: 2}\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			decodeFields(t, d)
		})
	}
}

// decodeFields fails unless every field of d decodes into Go values (for
// YAML, yaml.v3 decodes them), and the well-known readers do not panic.
func decodeFields(t *testing.T, d *Doc) {
	t.Helper()
	for _, f := range d.Fields() {
		if _, err := f.Value.Data(); err != nil {
			t.Fatalf("field %s: %v", f.Key.Value, err)
		}
		_ = f.Value.Text()
		_ = f.Value.Inline()
	}
	_, _ = d.References() // may refuse the shape, must not panic
	_, _ = d.Authors()
	_, _, _ = d.Date()
}
