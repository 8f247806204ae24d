package bundle

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/segment"
	"golang.org/x/text/language"
)

// reactPage is a page written after the React docs' (src/content/learn).
const reactPage = `import Sandpack from 'components/MDX/Sandpack';
export const meta = {title: 'x'};

<Intro>

React lets you build user interfaces out of individual pieces called *components*.

</Intro>

## Your first component {/*your-first-component*/}

Call it as <code>{name}</code>: there are {count} components <Em>here</Em>.

<Sandpack>

` + "```js\nexport default function Profile() {\n  return <img src=\"a.jpg\" alt=\"Katherine\" />;\n}\n```" + `

</Sandpack>

<Diagram
  name="preserving_state_tree"
  alt="Diagram of a tree">

A tree of components

</Diagram>

{/* TODO: explain the tree */}

### Hooks {#hooks}

<script>alert(1)</script>
`

func TestRenderMDX(t *testing.T) {
	out, err := renderBodyAs([]byte(reactPage), language.English, segment.MDX)
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, w := range []string{
		"<p>React lets you build user interfaces out of individual pieces called <em>components</em>.</p>",
		`<h2 id="your-first-component">Your first component</h2>`,
		"<p>Call it as : there are  components here.</p>",
		`<pre><code class="language-js">export default function Profile() {` + "\n" + `  return &lt;img src=&quot;a.jpg&quot; alt=&quot;Katherine&quot; /&gt;;`,
		"<p>A tree of components</p>",
		`<h3 id="hooks">Hooks</h3>`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("no %q in\n%s", w, html)
		}
	}
	for _, bad := range []string{"import", "export const", "{/*", "*/}", "{count}", "Sandpack", "Diagram", "Intro", "<Em", "&lt;Em", "TODO", "{#", "preserving_state_tree", "<script"} {
		if strings.Contains(html, bad) {
			t.Errorf("%q shows in\n%s", bad, html)
		}
	}
}

// Read as Markdown, the same page shows its JSX as text (what MDX must
// not), and {#id} gives a heading its id in Markdown too.
func TestRenderExplicitIDs(t *testing.T) {
	out, err := renderBody([]byte(reactPage), language.English)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "{count}") {
		t.Errorf("Markdown read {count} as something else:\n%s", out)
	}
	tests := []struct{ in, want string }{
		{"## Install {#install}\n", `<h2 id="install">Install</h2>`},
		{"## Kurulum *şimdi* {#install}\n", `<h2 id="install">Kurulum <em>şimdi</em></h2>`},
		{"## Set {a, b}\n", `<h2 id="set-a-b">Set {a, b}</h2>`},
		{"## A {#x}\n\n## x\n", `<h2 id="x">A</h2>` + "\n" + `<h2 id="x-1">x</h2>`},
		{"Install {#setup}\n===\n", `<h2 id="setup">Install</h2>`},
		{"## Title {/*title-id*/}\n", `<h2 id="title-title-id">Title {/<em>title-id</em>/}</h2>`}, // only MDX reads comments
	}
	for _, tt := range tests {
		out, err := renderBody([]byte(tt.in), language.Turkish)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("%q: got\n%s\nwant %s", tt.in, out, tt.want)
		}
	}
	for in, want := range map[string]string{
		"## Title {/*title-id*/}\n":   `<h2 id="title-id">Title</h2>`,
		"## Title {/* title-id */}\n": `<h2 id="title-id">Title</h2>`,
		"## Title {/* a note */}\n":   `<h2 id="title">Title</h2>`,
		"## Title {#title-id}\n":      `<h2 id="title-id">Title</h2>`,
	} {
		out, err := renderBodyAs([]byte(in), language.English, segment.MDX)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("MDX %q: got\n%s\nwant %s", in, out, want)
		}
	}
}

// handler is an element with an event handler attribute.
var handler = regexp.MustCompile(`<[a-z][^>]*\son[a-z]+\s*=`)

// componentTag is a JSX tag that a page must never hold.
var componentTag = regexp.MustCompile(`<[A-Z/>{]`)

// FuzzRenderMDX renders any MDX: no panic, no element with script, no
// component tag or fragment passed through.
func FuzzRenderMDX(f *testing.F) {
	for _, s := range []string{reactPage, "<A>\n\nx\n\n</A>", "<a onclick={x}>y</a>", "{", "<", "<A\nb=\"", "## a {/*b*/}",
		"import x from 'y'\n\n<X/>", "<>x</>", "<script>x</script>", "{`${`${x}`}`}", "- <A/>\n- {b}\n", "| <A/> | {b} |\n|---|---|\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := renderBodyAs([]byte(s), language.Turkish, segment.MDX)
		if err != nil {
			return
		}
		if utf8.ValidString(s) && !utf8.Valid(out) {
			t.Fatalf("valid input gave invalid UTF-8 output")
		}
		low := strings.ToLower(string(out))
		for _, bad := range []string{"<script", "<iframe", "<img src=x onerror", "href=\"javascript:"} {
			if strings.Contains(low, bad) {
				t.Fatalf("output holds %q:\n%s", bad, out)
			}
		}
		if m := handler.FindString(low); m != "" {
			t.Fatalf("output holds %q:\n%s", m, out)
		}
		if m := componentTag.FindString(strings.ReplaceAll(string(out), "</", "")); m != "" {
			t.Fatalf("output holds %q:\n%s", m, out)
		}
	})
}
