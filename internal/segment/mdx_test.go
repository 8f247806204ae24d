package segment

import (
	"errors"
	"strings"
	"testing"
)

// reactPage is a page written after the React docs' (src/content/learn):
// imports, <Intro>, <YouWillLearn>, headings with {/*id*/}, a <Sandpack>
// holding code blocks, a <Diagram> with attributes on several lines, an
// expression and a comment.
const reactPage = `import Sandpack from 'components/MDX/Sandpack';
import {Diagram} from 'components/MDX/Diagram';

<Intro>

React lets you build user interfaces out of individual pieces called *components*.

</Intro>

<YouWillLearn isChapter={true}>

* How to write your first component

</YouWillLearn>

## Your first component {/*your-first-component*/}

Components are one of the core concepts of React. Call it as <code>{name}</code> in JSX.

<Sandpack>

` + "```js\nexport default function Profile() {\n  return <img src=\"https://i.imgur.com/MK3eW3Am.jpg\" alt=\"Katherine\" />;\n}\n```" + `

</Sandpack>

<Diagram
  name="preserving_state_tree"
  height={248}
  alt="Diagram of a tree of React components.">

A tree of components

</Diagram>

{/* TODO: explain the tree */}

There are {count} components <Em>here</Em>.
`

type seg struct {
	kind, key, text, plain string
	words, line            int
}

func view(segs []Segment) []seg {
	out := make([]seg, len(segs))
	for i, s := range segs {
		out[i] = seg{s.Kind, s.Key, s.Text, s.Plain, s.Words, s.Line}
	}
	return out
}

func TestReadMDX(t *testing.T) {
	segs, err := ReadAs([]byte(reactPage), 1, false, MDX)
	if err != nil {
		t.Fatal(err)
	}
	want := []seg{
		{MDXCode, "esm", "import Sandpack from 'components/MDX/Sandpack'; import {Diagram} from 'components/MDX/Diagram';", "", 0, 1},
		{MDXCode, "jsx", "<Intro>", "", 0, 4},
		{Paragraph, "", "React lets you build user interfaces out of individual pieces called *components*.", "React lets you build user interfaces out of individual pieces called components.", 12, 6},
		{MDXCode, "jsx", "</Intro>", "", 0, 8},
		{MDXCode, "jsx", "<YouWillLearn isChapter={true}>", "", 0, 10},
		{ListItem, "", "How to write your first component", "How to write your first component", 6, 12},
		{MDXCode, "jsx", "</YouWillLearn>", "", 0, 14},
		{Heading, "h2", "Your first component {/*your-first-component*/}", "Your first component", 3, 16},
		{Paragraph, "", "Components are one of the core concepts of React. Call it as <code>{name}</code> in JSX.", "Components are one of the core concepts of React. Call it as in JSX.", 14, 18},
		{MDXCode, "jsx", "<Sandpack>", "", 0, 20},
		{Code, "js", "export default function Profile() {\n  return <img src=\"https://i.imgur.com/MK3eW3Am.jpg\" alt=\"Katherine\" />;\n}", "", 0, 23},
		{MDXCode, "jsx", "</Sandpack>", "", 0, 28},
		{MDXCode, "jsx", `<Diagram name="preserving_state_tree" height={248} alt="Diagram of a tree of React components.">`, "", 0, 30},
		{Paragraph, "", "A tree of components", "A tree of components", 4, 35},
		{MDXCode, "jsx", "</Diagram>", "", 0, 37},
		{MDXCode, "expression", "{/* TODO: explain the tree */}", "", 0, 39},
		{Paragraph, "", "There are {count} components <Em>here</Em>.", "There are components here.", 4, 41},
	}
	got := view(segs)
	if len(got) != len(want) {
		t.Fatalf("%d segments, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	for _, s := range segs {
		if s.Kind == MDXCode && s.Translatable() {
			t.Errorf("%q is translatable", s.Text)
		}
	}
}

// The same page read as Markdown counts the JSX and ESM as words.
func TestMDXOnlyInMDX(t *testing.T) {
	md := TotalWords(Body([]byte(reactPage), 1))
	segs, _ := ReadAs([]byte(reactPage), 1, false, MDX)
	if mdx := TotalWords(segs); mdx >= md {
		t.Errorf("MDX has %d words, the same file read as Markdown %d", mdx, md)
	}
	for _, s := range Body([]byte(reactPage), 1) {
		if s.Kind == MDXCode {
			t.Errorf("Markdown read an MDX segment %q", s.Text)
		}
	}
}

func TestMDXConstructs(t *testing.T) {
	tests := []struct {
		name, body string
		want       []seg // kind, key, text, plain, words (lines not compared)
	}{
		{"export of several lines", "export const meta = {\n  title: 'x',\n}\n\nText.\n",
			[]seg{{MDXCode, "esm", "export const meta = { title: 'x', }", "", 0, 0}, {Paragraph, "", "Text.", "Text.", 1, 0}}},
		{"import inside a paragraph is text", "Text\nimport x from 'y'\n",
			[]seg{{Paragraph, "", "Text import x from 'y'", "Text import x from 'y'", 5, 0}}},
		{"indented import is text", " import x from 'y'\n",
			[]seg{{Paragraph, "", "import x from 'y'", "import x from 'y'", 4, 0}}},
		{"important is a word", "important things\n",
			[]seg{{Paragraph, "", "important things", "important things", 2, 0}}},
		{"children without blank lines", "<Note>\nRead **this**.\n</Note>\n",
			[]seg{{MDXCode, "jsx", "<Note>", "", 0, 0}, {Paragraph, "", "Read **this**.", "Read this.", 2, 0}, {MDXCode, "jsx", "</Note>", "", 0, 0}}},
		{"tag and text on a line", "<Note>Read this.</Note>\n",
			[]seg{{Paragraph, "", "<Note>Read this.</Note>", "Read this.", 2, 0}}},
		{"indented children are prose", "<Tabs>\n  <TabItem value=\"a\">\n\n    Some text here\n\n  </TabItem>\n</Tabs>\n",
			[]seg{{MDXCode, "jsx", "<Tabs>", "", 0, 0}, {MDXCode, "jsx", "<TabItem value=\"a\">", "", 0, 0}, {Paragraph, "", "Some text here", "Some text here", 3, 0},
				{MDXCode, "jsx", "</TabItem>", "", 0, 0}, {MDXCode, "jsx", "</Tabs>", "", 0, 0}}},
		{"fragment and self-closing", "<>\n<Br/>\n</>\n",
			[]seg{{MDXCode, "jsx", "<>", "", 0, 0}, {MDXCode, "jsx", "<Br/>", "", 0, 0}, {MDXCode, "jsx", "</>", "", 0, 0}}},
		{"expression across lines", "{items.map(i => (\n  <li>{i}</li>\n))}\n",
			[]seg{{MDXCode, "expression", "{items.map(i => ( <li>{i}</li> ))}", "", 0, 0}}},
		{"braces in strings and comments", "{\"}\" + '}' + `${a}}` /* } */}\n",
			[]seg{{MDXCode, "expression", "{\"}\" + '}' + `${a}}` /* } */}", "", 0, 0}}},
		{"attribute with braces and a string spanning lines", "<Sandpack code={`a {\n}`} title=\"x\ny\" />\n",
			[]seg{{MDXCode, "jsx", "<Sandpack code={`a { }`} title=\"x y\" />", "", 0, 0}}},
		{"spread attribute", "<Foo {...props} bar />\n",
			[]seg{{MDXCode, "jsx", "<Foo {...props} bar />", "", 0, 0}}},
		{"inline tag across lines", "See <Link\nhref=\"/x\">the docs</Link> now.\n",
			[]seg{{Paragraph, "", "See <Link href=\"/x\">the docs</Link> now.", "See the docs now.", 4, 0}}},
		{"tag inside a word", "inter<Em>face</Em>s\n",
			[]seg{{Paragraph, "", "inter<Em>face</Em>s", "interfaces", 1, 0}}},
		{"a less-than sign is text", "a < b and 1 <2\n",
			[]seg{{Paragraph, "", "a < b and 1 <2", "a < b and 1 <2", 5, 0}}},
		{"autolink and e-mail are not tags", "<https://react.dev> <a@b.co>\n",
			[]seg{{Paragraph, "", "<https://react.dev> <a@b.co>", "", 0, 0}}},
		{"unclosed brace is text", "a {b\n\nc}\n",
			[]seg{{Paragraph, "", "a {b", "a {b", 2, 0}, {Paragraph, "", "c}", "c}", 1, 0}}},
		{"unclosed tag at block level is text", "<Foo bar=\"x\n\nText\n",
			[]seg{{Paragraph, "", "<Foo bar=\"x", "<Foo bar=\"x", 3, 0}, {Paragraph, "", "Text", "Text", 1, 0}}},
		{"comment in a heading is its id", "## Hooks {/*hooks*/}\n",
			[]seg{{Heading, "h2", "Hooks {/*hooks*/}", "Hooks", 1, 0}}},
		{"html comment", "<!-- note -->\n\nText\n",
			[]seg{{Paragraph, "", "<!-- note -->", "", 0, 0}, {Paragraph, "", "Text", "Text", 1, 0}}},
		{"code keeps its braces", "```jsx\n<A>{b}</A>\n```\n\nUse `{x}` and `<A>`.\n",
			[]seg{{Code, "jsx", "<A>{b}</A>", "", 0, 0}, {Paragraph, "", "Use `{x}` and `<A>`.", "Use and .", 2, 0}}},
		{"in a list", "- <Badge /> text {x}\n- <Note>\n\n  inside\n\n  </Note>\n",
			[]seg{{ListItem, "", "<Badge /> text {x}", "text", 1, 0}, {MDXCode, "jsx", "<Note>", "", 0, 0}, {ListItem, "", "inside", "inside", 1, 0}, {MDXCode, "jsx", "</Note>", "", 0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := ReadAs([]byte(tt.body), 1, false, MDX)
			if err != nil {
				t.Fatal(err)
			}
			got := view(segs)
			for i := range got {
				got[i].line = 0
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v\nwant %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("segment %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// An edit inside a JSX attribute or an import changes the fingerprint; a
// reflow of the tag's lines does not.
func TestMDXFingerprint(t *testing.T) {
	fp := func(body string) string {
		segs, err := ReadAs([]byte(body), 1, false, MDX)
		if err != nil {
			t.Fatal(err)
		}
		return Fingerprint(nil, segs)
	}
	base := fp(reactPage)
	for _, edit := range [][2]string{
		{`height={248}`, `height={250}`},
		{`alt="Diagram of a tree`, `alt="Diagram of the tree`},
		{`components/MDX/Sandpack`, `components/MDX/SandpackV2`},
		{`{/* TODO: explain the tree */}`, `{/* TODO: explain the trees */}`},
		{`{/*your-first-component*/}`, `{/*first-component*/}`},
		{`<Em>here</Em>`, `<Strong>here</Strong>`},
	} {
		if !strings.Contains(reactPage, edit[0]) {
			t.Fatalf("no %q", edit[0])
		}
		if fp(strings.Replace(reactPage, edit[0], edit[1], 1)) == base {
			t.Errorf("%q -> %q did not change the fingerprint", edit[0], edit[1])
		}
	}
	for _, edit := range [][2]string{
		{"<Diagram\n  name=", "<Diagram name="},
		{"height={248}\n  alt=", "height={248} alt="},
		{"<Sandpack>", "<Sandpack>  "},
	} {
		if fp(strings.Replace(reactPage, edit[0], edit[1], 1)) != base {
			t.Errorf("%q -> %q changed the fingerprint", edit[0], edit[1])
		}
	}
}

func TestHeadingID(t *testing.T) {
	tests := []struct {
		body  string
		plain string
		words int
	}{
		{"## Install {#install}\n", "Install", 1},
		{"## Kurulum {#install}\n", "Kurulum", 1},
		{"## Set {a, b}\n", "Set {a, b}", 3},
		{"## Use {#}\n", "Use {#}", 1},
		{"## İstanbul'da {#istanbul-da}\n", "İstanbul'da", 1},
		{"Install {#install}\n=======\n", "Install", 1},
	}
	for _, tt := range tests {
		segs := Body([]byte(tt.body), 1)
		if len(segs) != 1 || segs[0].Plain != tt.plain || segs[0].Words != tt.words {
			t.Errorf("%q: %+v, want plain %q, %d words", tt.body, segs, tt.plain, tt.words)
		}
	}
	// The id is part of the fingerprint, as code is.
	a, b := Body([]byte("## Install {#install}\n"), 1), Body([]byte("## Install {#setup}\n"), 1)
	if a[0].Hash == b[0].Hash {
		t.Error("a changed heading id did not change the segment's hash")
	}
	for s, want := range map[string]string{"Title {#a-b}": "a-b", "Title {#a b}": "", "Title": "", "{#x}": "x", "T {#x} ": "x"} {
		if id, _ := HeadingID(s); id != want {
			t.Errorf("HeadingID(%q) = %q, want %q", s, id, want)
		}
	}
}

// Raw HTML is normalised as a browser reads it: a reflowed <summary> is
// not a change; white space in <pre> is.
func TestHTMLWhiteSpace(t *testing.T) {
	fp := func(body string) string { return Fingerprint(nil, Body([]byte(body), 1)) }
	same := [][2]string{
		{"<details>\n<summary>Click to expand the section</summary>\n\nBody\n\n</details>\n",
			"<details>\n<summary>\n  Click to expand\n  the section\n</summary>\n\nBody\n\n</details>\n"},
		{"<div>\n<p>One two</p>\n</div>\n", "<div><p>One\ntwo</p></div>\n"},
	}
	for _, p := range same {
		if fp(p[0]) != fp(p[1]) {
			t.Errorf("%q and %q differ", p[0], p[1])
		}
	}
	differ := [][2]string{
		{"<pre>\n  a   b\n</pre>\n", "<pre>\n a b\n</pre>\n"},
		{"<pre>\na\nb</pre>\n", "<pre>\na\nc</pre>\n"},     // the closing line
		{"<!--\nnote\nold -->\n", "<!--\nnote\nnew -->\n"}, // likewise
		{"<div>\n<b>a</b> <i>b</i>\n</div>\n", "<div>\n<b>a</b><i>b</i>\n</div>\n"},
		{"<summary>Click</summary>\n", "<summary>Clack</summary>\n"},
	}
	for _, p := range differ {
		if fp(p[0]) == fp(p[1]) {
			t.Errorf("%q and %q are the same", p[0], p[1])
		}
	}
}

func TestMDXLimits(t *testing.T) {
	tests := []struct {
		name string
		body string
		err  bool
	}{
		{"a long expression", "{" + r("a ", 100_000) + "}\n", false},
		{"unbalanced braces on every line", r("{\n", 200_000), true},
		{"unclosed tags on every line", r("<a b=\"\n", 100_000), true},
		{"unclosed braces in a paragraph", r("x {", 100_000) + "\n", true},
		{"a few unclosed braces in a paragraph", r("x {", 1000) + "\n", false},
		{"nested template literals", "{" + r("`${", 1000) + r("}`", 1000) + "}\n", false},
		{"nested JSX", r("<a>", 10_000) + r("</a>", 10_000) + "\n", false},
		{"an expression past MaxMDXSpan", "{\n" + r("a\n", MaxMDXSpan) + "}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAs([]byte(tt.body), 1, true, MDX)
			if (err != nil) != tt.err {
				t.Fatalf("error %v, want one: %v", err, tt.err)
			}
			if err != nil && !errors.Is(err, ErrLimit) {
				t.Fatalf("%v is not a limit error", err)
			}
		})
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{"a.mdx": MDX, "docs/A.MDX": MDX, "a.md": CommonMark, "a.markdown": CommonMark, "mdx": CommonMark, "a.mdx.md": CommonMark} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", name, got, want)
		}
	}
}

// mdxSeeds are hostile and near-miss MDX bodies for the fuzzers.
func mdxSeeds() []string {
	return []string{
		reactPage,
		"{", "}", "{{{{", "}}}}", "<", "<>", "</", "<a", "<a b", "<a b=", "<a b=\"", "<a b={", "<a/", "<a />x",
		"{`${`${", "{/*", "{//", "{'\n'}", "{\"\\\"}\"}", "<a {...b", "<a.b:c-d e:f-g='h'>",
		"import", "import x", "export\n", "export default {\n\n}\n",
		"## T {/*id*/}\n", "## T {#id}\n", "# {/*a*/}\n", "<pre>\n</pre>\n", "<details>\n<summary>\nx\n</summary>\n</details>\n",
		r("{", 1000) + "\n" + r("}", 1000), r("<a>", 500), r("<a\n", 500), "> <A\n> b=\"c\">\n", "- {\n  x}\n",
		"<A>\n\n```\n{\n```\n\n</A>\n", "| a | <B/> |\n|---|---|\n| {c} | d |\n", "x[^1]\n\n[^1]: <A/> {b}\n",
	}
}

// FuzzReadMDX reads any body as MDX: within the limits or refused with a
// limit error, never a panic; MDX segments have no words; the segments'
// offsets lie in the body.
func FuzzReadMDX(f *testing.F) {
	for _, s := range append(mdxSeeds(), hostileSeeds()...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		segs, err := ReadAs(body, 1, false, MDX)
		if err != nil {
			if _, ok := AsLimit(err); !ok {
				t.Fatalf("%v is not a limit error", err)
			}
			return
		}
		for _, s := range segs {
			if s.Kind == MDXCode && (s.Words != 0 || s.Translatable()) {
				t.Fatalf("MDX segment %q has %d words", s.Text, s.Words)
			}
			if s.Start < 0 || s.End > len(body) || s.Start > s.End {
				t.Fatalf("segment %q at %d..%d of %d bytes", s.Text, s.Start, s.End, len(body))
			}
		}
	})
}

// FuzzMDXScan checks the scanners: an end lies in the input, past the
// start; a construct found in src is found alike in src cut at its end (a
// scanner never looks past what it returns).
func FuzzMDXScan(f *testing.F) {
	for _, s := range mdxSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) == 0 {
			return
		}
		for name, scan := range map[string]func([]byte, int) int{
			"expression": func(b []byte, i int) int { return scanExpression(b, i, 0) },
			"tag":        scanTag,
			"flow":       scanFlow,
		} {
			if name == "expression" && src[0] != '{' || name == "tag" && src[0] != '<' {
				continue
			}
			end := scan(src, 0)
			if end == needMore || end == notMDX {
				continue
			}
			if end <= 0 || end > len(src) {
				t.Fatalf("%s: end %d of %d bytes", name, end, len(src))
			}
			if name != "flow" {
				if again := scan(src[:end], 0); again != end {
					t.Fatalf("%s: %d in %q, %d when cut there", name, end, src, again)
				}
			}
		}
	})
}

// An HTML block of block-level tags that never close is normalised in one
// pass.
func TestCollapseHTMLLinear(t *testing.T) {
	s := r("<div ", 200_000)
	if got := collapseHTML(s); got != s {
		t.Errorf("changed: %d bytes", len(got))
	}
	if got := collapseHTML("<div> a </div> <b> c </b>"); got != "<div>a</div><b> c </b>" {
		t.Errorf("got %q", got)
	}
}
