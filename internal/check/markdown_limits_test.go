package check

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
)

// offsetOfBefore is how a node's offset was found before issue 11: a walk
// of each ancestor in turn, for every node asked about.
func offsetOfBefore(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock {
			if ls := n.Lines(); ls != nil && ls.Len() > 0 {
				return ls.At(0).Start
			}
		}
		off := -1
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if t, ok := c.(*ast.Text); ok {
				off = t.Segment.Start
				return ast.WalkStop, nil
			}
			if c.Type() == ast.TypeBlock && c != n {
				if ls := c.Lines(); ls != nil && ls.Len() > 0 {
					off = ls.At(0).Start
					return ast.WalkStop, nil
				}
			}
			return ast.WalkContinue, nil
		})
		if off >= 0 {
			return off
		}
	}
	return 0
}

// sameOffsets fails unless offsets gives every node of body the offset
// offsetOfBefore gives, and returns how many nodes it looked at and how
// many nodes there are.
func sameOffsets(t *testing.T, body string) (visits, nodes int) {
	t.Helper()
	doc, err := segment.Parse(segment.Parser().Parser(), []byte(body), nil)
	if err != nil {
		return 0, 0
	}
	var o offsets
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			nodes++
			if got, want := o.of(n), offsetOfBefore(n); got != want {
				t.Fatalf("%s node: offset %d, want %d in %q", n.Kind(), got, want, body)
			}
		}
		return ast.WalkContinue, nil
	})
	return o.visit, nodes
}

var offsetBodies = []string{
	"# T\n\nText [link](/a) and `code` and ![](/i.png) and [](/empty).\n\n- [a](/b)\n\n> q <http://x.org>\n",
	"```\n```\n\n```\n```\n\nText.\n\n    \n",
	"[" + strings.Repeat("![](u)", 50) + "](v)\n",
	"***\n\n[![](i)](/l)\n\n| a | b |\n|---|---|\n| [](x) | `c` |\n\n[^1]\n\n[^1]: [](/n)\n",
}

func TestOffsetsAsBefore(t *testing.T) {
	for _, body := range offsetBodies {
		sameOffsets(t, body)
	}
}

// TestOffsetsLinear: the lines of 5,000 empty images in a link, or of
// 20,000 empty code blocks, take a look at each node, not a walk of the
// whole link or body for each.
func TestOffsetsLinear(t *testing.T) {
	for _, body := range []string{
		"[" + strings.Repeat("![](u)", 5000) + "](v)\n",
		strings.Repeat("```\n```\n", 20_000) + "Text.\n",
	} {
		doc, err := segment.Parse(segment.Parser().Parser(), []byte(body), nil)
		if err != nil {
			t.Fatal(err)
		}
		var o offsets
		nodes := 0
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				nodes++
				o.of(n)
			}
			return ast.WalkContinue, nil
		})
		if o.visit > 2*nodes {
			t.Errorf("%d nodes looked at for %d nodes", o.visit, nodes)
		}
	}
}

// FuzzOffsets compares offsets with the walks of before on any body.
func FuzzOffsets(f *testing.F) {
	for _, s := range offsetBodies {
		f.Add(s)
	}
	f.Add(strings.Repeat("- ", 40) + "x\n")
	f.Add(strings.Repeat("*a ", 40) + "b" + strings.Repeat(" a*", 40))
	f.Fuzz(func(t *testing.T, body string) {
		sameOffsets(t, body)
	})
}

// withoutShortcodesBefore is withoutShortcodes as it was: the text cut
// and joined again at each shortcode.
func withoutShortcodesBefore(s string) string {
	for {
		i := strings.Index(s, "{{")
		if i < 0 || i+2 >= len(s) || (s[i+2] != '<' && s[i+2] != '%') {
			return s
		}
		closer := "%}}"
		if s[i+2] == '<' {
			closer = ">}}"
		}
		j := strings.Index(s[i+3:], closer)
		if j < 0 {
			return s
		}
		s = s[:i] + " " + s[i+3+j+len(closer):]
	}
}

func TestWithoutShortcodes(t *testing.T) {
	for _, s := range []string{"", "a", "a {{< x 3 >}} b {{% y 4 %}} c", "{{<>}}", "{{", "{{<", "a {{x}} {{< y >}}", "{{< a }} {{% b %}}", "x {{{< a >}}"} {
		if got, want := withoutShortcodes(s), withoutShortcodesBefore(s); got != want {
			t.Errorf("withoutShortcodes(%q) = %q, want %q", s, got, want)
		}
	}
	many := strings.Repeat("a {{< figure 1 >}} ", 10_000)
	if allocs := testing.AllocsPerRun(3, func() { withoutShortcodes(many) }); allocs > 100 {
		t.Errorf("removing 10,000 shortcodes allocates %.0f times: the text is copied at each", allocs)
	}
}

// FuzzWithoutShortcodes compares withoutShortcodes with the way of before.
func FuzzWithoutShortcodes(f *testing.F) {
	f.Add("a {{< x 3 >}} b {{% y 4 %}} c")
	f.Add(strings.Repeat("{{< a >}}", 100) + "{{x")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := withoutShortcodes(s), withoutShortcodesBefore(s); got != want {
			t.Fatalf("withoutShortcodes(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzParseMarkdown reads any body as the structure, links and code rules
// do, the hostile bodies of issue 11 among the seeds: blocks and inlines
// must have lines inside the body, and a body over a limit reads as empty.
func FuzzParseMarkdown(f *testing.F) {
	r := strings.Repeat
	for _, s := range []string{
		r("- ", 40) + "x\n", r("> ", 40) + "x\n", "x[^a]\n\n" + r("[^a]: ", 40) + "x\n",
		r("*a ", 40) + "b" + r(" a*", 40) + "\n", r("![", 40) + "a" + r("](u)", 40) + "\n",
		r("|h", 100) + "|\n" + r("|-", 100) + "|\n" + r("x\n", 30), r("## a\n\n", 200),
		r("*a_ ", 500), r("[a](b", 500), r("[a]: /u\n", 200), "[a]: /" + r("x", 1000) + "\n\n" + r("[a] ", 200),
		"[" + r("![](u)", 100) + "](v)\n", r("```\n```\n", 100), faithfulTR,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		norm := segment.Normalize([]byte(body))
		md := parseMarkdown(norm, 1)
		last := 1 + strings.Count(string(norm), "\n")
		for _, b := range md.blocks {
			if b.line < 1 || b.line > last {
				t.Fatalf("block %+v outside lines 1..%d", b, last)
			}
		}
		for _, in := range md.inlines {
			if in.line < 1 || in.line > last {
				t.Fatalf("inline %+v outside lines 1..%d", in, last)
			}
		}
		if _, err := segment.Read(norm, 1, false); err != nil && (len(md.blocks) > 0 || len(md.inlines) > 0) {
			t.Fatalf("a body over a limit (%v) has %d blocks", err, len(md.blocks))
		}
	})
}
