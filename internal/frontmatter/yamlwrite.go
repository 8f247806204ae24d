package frontmatter

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// recordYAML builds the YAML of a record with the Node API: the key and
// its mapping.
func recordYAML(r Record) *yaml.Node {
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("from"), str(r.From),
		str("source_hash"), str(r.SourceHash),
	}}
	if r.Draft {
		m.Content = append(m.Content, str("draft"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(RecordKey), m}}
}

// indent guesses the indentation YAML front matter uses for nested keys.
func (d *Doc) indent() int {
	for _, f := range d.yfields() {
		if f.Value.Kind == yaml.MappingNode && len(f.Value.Content) > 0 && f.Value.Content[0].Line > f.Key.Line {
			if n := f.Value.Content[0].Column - f.Key.Column; n > 0 {
				return n
			}
		}
	}
	return 2
}

func encodeRecord(r Record, indent int, nl string) ([]byte, error) {
	return encodeYAML(recordYAML(r), indent, nl)
}

// encodeYAML writes a mapping as YAML block lines, each ending with nl.
func encodeYAML(n *yaml.Node, indent int, nl string) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(indent)
	if err := enc.Encode(n); err != nil {
		return nil, fmt.Errorf("encoding front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encoding front matter: %w", err)
	}
	out := buf.Bytes()
	if nl != "\n" {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte(nl))
	}
	return out, nil
}

// indentBlock indents every line of block by n spaces.
func indentBlock(block []byte, n int) []byte {
	pad := strings.Repeat(" ", n)
	lines := strings.SplitAfter(string(block), "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString(pad)
			b.WriteString(l)
		}
	}
	return []byte(b.String())
}

// lineStarts returns the offsets of the lines in raw[from:to] plus to.
func lineStarts(raw []byte, from, to int) []int {
	out := []int{from}
	for i := from; i < to; i++ {
		if raw[i] == '\n' && i+1 < to {
			out = append(out, i+1)
		}
	}
	return append(out, to)
}

func concat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
