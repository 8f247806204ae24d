package frontmatter

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestPlain checks that a value copied with plainYAML reads the same in a file
// without the anchors it used.
func TestPlain(t *testing.T) {
	d, err := Parse("a.md", []byte("---\nshared: &t Işık # yorum\nlist: &l [a, *t]\ntitle: *t\ntags: [*l, {k: *t}]\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, key := range []string{"title", "tags"} {
		f, _ := d.Get(key)
		root.Content = append(root.Content, plainYAML(f.Key.y), plainYAML(f.Value.y))
	}
	out, err := yaml.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := "title: Işık\ntags: [[a, Işık], {k: Işık}]\n"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, err := Parse("b.md", []byte("---\n"+string(out)+"---\n")); err != nil {
		t.Error(err)
	}
	if strings.Contains(string(out), "yorum") {
		t.Error("comment copied")
	}
}
