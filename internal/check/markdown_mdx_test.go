package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/segment"
)

// In MDX, lines of JSX tags and import lines are blocks of their own, and
// the Markdown between a component's tags is read as Markdown; read as
// Markdown, the same lines are HTML blocks and paragraphs.
func TestParseMarkdownMDX(t *testing.T) {
	body := "import Sandpack from 'x';\n\n<Intro>\n\nText with `code` and [a link](/learn).\n\n</Intro>\n\n<Sandpack>\n\n```js\n{a}\n```\n\n</Sandpack>\n\n## Title {/*title*/}\n"
	blocks := func(f segment.Format) string {
		md := parseMarkdownAs([]byte(body), 1, f)
		var out []string
		for _, b := range md.blocks {
			out = append(out, fmt.Sprintf("%s@%d", b.kind, b.line))
		}
		for _, in := range md.inlines {
			out = append(out, in.kind+" "+in.value)
		}
		return strings.Join(out, ", ")
	}
	if got, want := blocks(segment.MDX), "import or export@1, JSX block@3, paragraph@5, JSX block@7, JSX block@9, code@12, JSX block@15, heading@17, code code, link /learn"; got != want {
		t.Errorf("MDX:\n got %s\nwant %s", got, want)
	}
	if got, want := blocks(segment.CommonMark), "paragraph@1, html@3, paragraph@5, html@7, html@9, code@12, html@15, heading@17, code code, link /learn"; got != want {
		t.Errorf("Markdown:\n got %s\nwant %s", got, want)
	}
}

// FuzzParseMarkdownMDX is FuzzParseMarkdown for MDX bodies: blocks and
// inlines have lines inside the body, and a body over a limit reads as
// empty.
func FuzzParseMarkdownMDX(f *testing.F) {
	r := strings.Repeat
	for _, s := range []string{
		"import A from 'a'\n\n<A>\n\nText [l](/u) `c`.\n\n</A>\n", r("{\n", 300), r("<a b=\"\n", 300), r("<A>", 300),
		"<A\n  b={`${c}`}\n/>\n", "## T {/*t*/}\n", "{/* a\n\nb */}\n", "- <A/>\n  {b}\n", r("x {", 300),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		norm := segment.Normalize([]byte(body))
		md := parseMarkdownAs(norm, 1, segment.MDX)
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
		if _, err := segment.ReadAs(norm, 1, false, segment.MDX); err != nil && (len(md.blocks) > 0 || len(md.inlines) > 0) {
			t.Fatalf("a body over a limit (%v) has %d blocks", err, len(md.blocks))
		}
	})
}
