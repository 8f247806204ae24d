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
