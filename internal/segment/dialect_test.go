package segment

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// goldmarkDialect is the dialect as configured before the limits: goldmark's
// default parser with the three extensions. Within the limits, Markdown
// must read every body exactly as it does.
var goldmarkDialect = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote))

// sameHTML fails unless Markdown renders body as goldmarkDialect does; it
// reports whether body is within the limits.
func sameHTML(t *testing.T, name string, body []byte) bool {
	t.Helper()
	m := Markdown()
	doc, err := Parse(m.Parser(), body, nil)
	if err != nil {
		return false
	}
	var got, want bytes.Buffer
	if err := m.Renderer().Render(&got, body, doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := goldmarkDialect.Convert(body, &want); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got.String() != want.String() {
		t.Fatalf("%s: the dialect renders\n%s\ngoldmark with the extensions\n%s\nfrom %q", name, got.String(), want.String(), body)
	}
	return true
}

// unwrap returns the parser a guard wraps.
func unwrap(v any) any {
	switch g := v.(type) {
	case depthGuard:
		return g.BlockParser
	case atxGuard:
		return g.BlockParser
	}
	return v
}

func TestDialectAsGoldmark(t *testing.T) {
	// The block parsers are goldmark's defaults and the footnotes', with
	// the same priorities, each guard passing options on as its parser
	// takes them.
	want := append(parser.DefaultBlockParsers(), util.Prioritized(extension.NewFootnoteBlockParser(), 999))
	got := blockParsers()
	if len(got) != len(want) {
		t.Fatalf("%d block parsers, goldmark has %d", len(got), len(want))
	}
	for i, v := range got {
		inner := unwrap(v.Value)
		if v.Priority != want[i].Priority || fmt.Sprintf("%T", inner) != fmt.Sprintf("%T", want[i].Value) {
			t.Errorf("parser %d is a %T at %d, goldmark's a %T at %d", i, inner, v.Priority, want[i].Value, want[i].Priority)
		}
		_, innerSets := inner.(parser.SetOptioner)
		_, outerSets := v.Value.(parser.SetOptioner)
		if innerSets != outerSets {
			t.Errorf("parser %d (%T): takes options %v, its guard %v", i, inner, innerSets, outerSets)
		}
	}
	// The same HTML on the sample articles, the CNCF glossary corpus when
	// it is beside the repository, and the seeds of FuzzDialect.
	var files []string
	for _, pattern := range []string{"../../articles/*/*.md", "../../../shared/corpus/cncf-glossary/*/*.md"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !sameHTML(t, f, Normalize(data)) {
			t.Errorf("%s: over a limit", f)
		}
	}
	for i, s := range dialectSeeds {
		if !sameHTML(t, fmt.Sprint("seed ", i), []byte(s)) {
			t.Errorf("seed %d %q: over a limit", i, s)
		}
	}
}

// dialectSeeds hold every construct of the dialect, and the near misses
// of the guards' own readings (tables, depth).
var dialectSeeds = []string{
	"# T\n\npara [l](u) `c` *e* **s** ~~d~~ <http://a.b> <b>x</b> &amp; \\*\n\n- a\n  - b\n\n> q\n> > qq\n\n```go\ncode\n```\n\n    indented\n",
	"| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |\n\ntext\n| x |\n|---|\n",
	"a | b\n- | -\nc | d\n\n|a|\n|-|-|\n\n| a \\| b |\n|---|\n| `x \\| y` |\n\n|a|b|\n| - | :-: |\n",
	"| a |\n|\v-|\n\n|a|\n|--\f|\n\n   |a|\n   |-|\n\n    |a|\n    |-|\n",
	"[a]: /u \"t\"\n[b]: </v>\n\n[a] [b][] [c][a] ![i][b]\n\n[a]: /other\n",
	"[a](/u) text\n[b]: /v\n\n[\nx]: /y\n\n[x]\n",
	"x[^1] y[^n]\n\n[^1]: one\n[^n]: two\n    more\n\n> [^q]: in a quote\n",
	"Setext\n===\n\nTwo\n---\n\n* * *\n\n1. a\n2. b\n\n3) c\n\n- [ ] task\n",
	"<div>\n\n*x*\n\n</div>\n\n<!-- c -->\n",
	"## Heading *with* [link](/x) and `code` ##\n\n#no\n\n#\n",
	"- > - > - a\n\n1. > [^a]: b\n",
}

// FuzzDialect compares the dialect with goldmark and the extensions on any
// body within the limits.
func FuzzDialect(f *testing.F) {
	for _, s := range append(dialectSeeds, hostileSeeds()...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		sameHTML(t, "fuzz", body)
	})
}
