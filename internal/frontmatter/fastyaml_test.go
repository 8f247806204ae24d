package frontmatter

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// checkFastYAML fails unless fastYAML, when it accepts src, gives the same
// nodes as yaml.v3. It reports whether it accepted.
func checkFastYAML(t *testing.T, name string, src []byte) bool {
	t.Helper()
	got, ok := fastYAML(src)
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("%s: fastYAML accepted what yaml.v3 refuses (%v):\n%s", name, err, src)
	}
	if len(doc.Content) == 0 {
		t.Fatalf("%s: fastYAML found a mapping where yaml.v3 found nothing:\n%s", name, src)
	}
	if want := doc.Content[0]; !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: nodes differ for\n%s\nfast: %s\nyaml: %s", name, src, dump(got), dump(want))
	}
	return true
}

func dump(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		c := *n
		c.Content = nil
		fmt.Fprintf(&b, "\n%s%+v", strings.Repeat("  ", depth), c)
		for _, k := range n.Content {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func TestFastYAML(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		accept bool
	}{
		{"scalars", "title: \"Başlık: alt\"\nsummary: 'Özet'\ndate: 2024-08-19\ncount: 12\ndraft: true\nname: Gülşen Öztürk\n", true},
		{"record", "title: x\ntranslation:\n  from: tr\n  source_hash: sha256:8a85f89a\n", true},
		{"block sequence of mappings", "authors:\n  - name: Gülşen Öztürk\n    role: Editör\n  - name: Ali\n", true},
		{"sequence at key's column", "tags:\n- a\n- b\nx: y\n", true},
		{"flow sequence", "tags: [ekonomi, \"temel kavram\", '', bilim]\n", true},
		{"empty flow sequence", "tags: []\n", true},
		{"blank lines", "\na: b\n\nc: d\n\n", true},
		{"null and numbers", "a: null\nb: ~\nc: 1.5\nd: 0x1F\n", true},
		{"duplicate keys", "a: b\na: c\nx:\n  y: 1\n  y: 2\n", true},
		{"merge key", "a: <<\n", false},
		{"keys of other types", "1: a\ntrue: b\nnull: c\n", true},
		{"long key", strings.Repeat("k", 1100) + ": v\n", false},
		{"comment", "a: b # c\n", false},
		{"anchor", "a: &x b\n", false},
		{"block scalar", "a: |\n  b\n", false},
		{"escape", "a: \"b\\n\"\n", false},
		{"multi-line plain", "a: b\n  c\n", false},
		{"flow mapping", "a: {b: c}\n", false},
		{"tab", "a:\tb\n", false},
		{"not a mapping", "- a\n", false},
		{"scalar only", "hello\n", false},
		{"empty value", "a:\nb: c\n", false},
		{"trailing space", "a: b \n", false},
		{"quote escape", "a: 'it''s'\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkFastYAML(t, tt.name, []byte(tt.src)); got != tt.accept {
				t.Errorf("accepted = %v, want %v", got, tt.accept)
			}
		})
	}
}

// TestFastYAMLOnCorpora runs fastYAML on the front matter of the sample
// articles and, when it is beside the repository, of the CNCF corpus.
func TestFastYAMLOnCorpora(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../articles/*/*.md", "../../../shared/corpus/cncf-glossary/*/*.md"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	accepted := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(f, data)
		if err != nil || !d.HasFrontMatter {
			continue
		}
		if checkFastYAML(t, f, d.Raw[d.fmStart:d.fmEnd]) {
			accepted++
		}
	}
	t.Logf("fastYAML accepted %d of %d files", accepted, len(files))
	if len(files) > 0 && accepted == 0 {
		t.Error("fastYAML accepted no file")
	}
}

func FuzzFastYAML(f *testing.F) {
	for _, s := range []string{
		"title: \"Başlık\"\ndate: 2024-08-19\nauthors:\n  - name: Gülşen Öztürk\n    role: Editör\ntags: [a, \"b c\", '']\ntranslation:\n  from: tr\n  source_hash: sha256:8a\n",
		"a:\n- b\n- c: d\n  e: f\n",
		"a:\n  b:\n    c: d\n",
		"- a: b\n",
		"a: [b, c]\nA: d\n",
		"on: yes\nfalse: 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFastYAML(t, "fuzz", src)
	})
}
