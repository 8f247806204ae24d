package bundle

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"
)

// mdBefore is the renderer as configured before issue 11: goldmark's
// default parser with the extensions (and the explicit heading ids of
// issue 13). Within the limits, renderBody must give exactly its HTML.
var mdBefore = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(demoteHeadings{}, 1000),
			util.Prioritized(explicitIDText{segment.CommonMark}, 1001)),
	),
)

func renderBefore(body []byte, tag language.Tag) string {
	src := segment.Normalize(body)
	ctx := parser.NewContext(parser.WithIDs(anchor.PageIDs(anchor.ASCII, tag, segment.CommonMark)))
	doc := mdBefore.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var buf bytes.Buffer
	if err := mdBefore.Renderer().Render(&buf, src, doc); err != nil {
		return err.Error()
	}
	return buf.String()
}

var r = strings.Repeat

// hostileBodies are small versions of the hostile bodies of issue 11.
var hostileBodies = []string{
	r("- ", 33) + "x\n", r("> ", 33) + "x\n", "x[^a]\n\n" + r("[^a]: ", 33) + "x\n",
	r("*a ", 33) + "b" + r(" a*", 33) + "\n", r("![", 33) + "a" + r("](u)", 33) + "\n",
	r("|h", 100) + "|\n" + r("|-", 100) + "|\n" + r("x\n", 30), r("## a\n\n", 300), r("# a\n", 300),
	r("*a_ ", 500), r("[a](b", 500), r("[a]: /u\n", 200), "[a]: /" + r("x", 1000) + "\n\n" + r("[a] ", 200),
}

// TestRenderBodyAsBefore: build.html omit renders as every build did
// before issue 14.
func TestRenderBodyAsBefore(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../articles/*/*.md", "../../../shared/corpus/cncf-glossary/*/*.md"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	var bodies []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(data))
	}
	for _, body := range append(bodies, hostileBodies...) {
		pc := &pageCtx{html: HTMLOmit, anchors: anchor.ASCII}
		if err := pc.render([]byte(body), language.Turkish, segment.CommonMark); err != nil {
			continue // TestRenderBodyLimits
		}
		got := pc.out
		if want := renderBefore([]byte(body), language.Turkish); string(got) != want {
			t.Fatalf("renderBody gives\n%s\nwant\n%s\nfrom %q", got, want, body)
		}
	}
}

// TestRenderBodyLimits: a body past segment's limits is refused by the
// renderer too (the first pass of a build refuses it first; a file that
// changed between the passes meets this), and 20,000 equal headings get
// their ids in linear time.
func TestRenderBodyLimits(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Text.\n\n" + r("- ", 100_000) + "x\n", "3:65: block quotes, lists and footnotes nested more than 32 deep"},
		{r("|a", 1000) + "|\n" + r("|-", 1000) + "|\n" + r("x\n", 2000), "1:1: table of 1000 columns and 2001 rows"},
		{r("*a ", 33) + "b" + r(" a*", 33) + "\n", "1:98: emphasis, links and images nested more than 32 deep"},
		{"[a]: /" + r("x", 100_000) + "\n\n" + r("[a] ", 200), "3:670: links and images point to more than 16 MiB"},
	}
	for _, tt := range tests {
		out, err := renderBody([]byte(tt.body), language.Turkish)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || out != nil {
			t.Errorf("renderBody: %d bytes, %v; want %s", len(out), err, tt.want)
		}
	}
	out, err := renderBody([]byte(r("## a\n\n", 20_000)), language.Turkish)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{`<h2 id="a">`, `<h2 id="a-1">`, `<h2 id="a-19999">`} {
		if !bytes.Contains(out, []byte(id)) {
			t.Errorf("no %s among 20,000 headings", id)
		}
	}
}

// FuzzRenderBodyLimits renders any body, the hostile ones among the seeds:
// within the limits as before issue 11, past them refused with nothing.
// Before issue 14 raw HTML was always left out: the body is compared in
// build.html omit (sanitize, the default since, drops an HTML declaration
// such as "<!A" that omit shows as a comment).
func FuzzRenderBodyLimits(f *testing.F) {
	for _, s := range hostileBodies {
		f.Add(s)
	}
	f.Add("# a\n\n## a\n\n## a-1 {#a-2}\n\n### A\n")
	f.Add("<!A")
	f.Fuzz(func(t *testing.T, body string) {
		got, err := renderBody([]byte(body), language.Turkish)
		if err != nil {
			if got != nil {
				t.Fatalf("%v with %d bytes", err, len(got))
			}
			return
		}
		pc := &pageCtx{html: HTMLOmit, anchors: anchor.ASCII}
		if err := pc.render([]byte(body), language.Turkish, segment.CommonMark); err != nil {
			t.Fatalf("build.html sanitize renders it, omit refuses it: %v", err)
		}
		got = pc.out
		if want := renderBefore([]byte(body), language.Turkish); string(got) != want {
			t.Fatalf("renderBody gives\n%s\nwant\n%s\nfrom %q", got, want, body)
		}
	})
}

// TestRenderLimitPositioned: a body that a build meets past the limits only
// when rendering (the file changed after the first pass) is reported at its
// place in the file, path:line:col.
func TestRenderLimitPositioned(t *testing.T) {
	data := []byte("---\ntitle: A\n---\n\nText.\n\n" + r("- ", 100) + "x\n")
	doc, err := frontmatter.Parse("articles/a/tr.md", data)
	if err != nil {
		t.Fatal(err)
	}
	_, err = (&docCache{}).body(&site{html: HTMLSanitize}, doc, language.Turkish, &entry{a: &article{ID: "a"}, lang: "tr"})
	var pe *diag.PosError
	if !errors.As(err, &pe) || pe.File != "articles/a/tr.md" || pe.Line != 7 || pe.Col != 65 {
		t.Fatalf("error = %v; want articles/a/tr.md:7:65: ...", err)
	}
}
