package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// RecordKey is the front-matter key of the translation record.
const RecordKey = "translation"

// Record says which source version a translation was made from.
type Record struct {
	From       string // source language
	SourceHash string // "sha256:<hex>", the fingerprint of that source version
	Draft      bool   // work in progress
	Line       int    // line of the translation key, 0 when written by ceviri
}

var hashRE = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)

// ValidHash reports whether s is a fingerprint in the form sha256:<64 hex>.
func ValidHash(s string) bool { return hashRE.MatchString(s) }

// Record returns the translation record, or nil when the front matter has
// none. A record of the wrong shape is a positioned error. Aliases read as
// the values they stand for (SetRecord refuses to rewrite them).
func (d *Doc) Record() (*Record, error) {
	f, ok := d.Get(RecordKey)
	if !ok {
		return nil, nil
	}
	v := deref(f.Value)
	if v.Kind != yaml.MappingNode {
		return nil, diag.Errorf(d.Name, v.Line, v.Column, "translation record must be a mapping with from and source_hash")
	}
	r := &Record{Line: f.Key.Line}
	var hashNode *yaml.Node
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], deref(v.Content[i+1])
		switch k.Value {
		case "from":
			r.From = val.Value
		case "source_hash":
			r.SourceHash, hashNode = val.Value, val
		case "draft":
			if err := val.Decode(&r.Draft); err != nil {
				return nil, diag.Errorf(d.Name, val.Line, val.Column, "translation.draft must be true or false, not %q", val.Value)
			}
		default:
			return nil, diag.Errorf(d.Name, k.Line, k.Column, "unknown key %q in translation record (known: from, source_hash, draft)", k.Value)
		}
	}
	switch {
	case r.From == "":
		return nil, diag.Errorf(d.Name, v.Line, v.Column, "translation record has no `from` language")
	case hashNode == nil:
		return nil, diag.Errorf(d.Name, v.Line, v.Column, "translation record has no `source_hash`")
	case !ValidHash(r.SourceHash):
		return nil, diag.Errorf(d.Name, hashNode.Line, hashNode.Column, "source_hash %q is not sha256: followed by 64 hex digits", r.SourceHash)
	}
	return r, nil
}

// Nodes returns the record as a front-matter entry (key and value nodes),
// built with the yaml.v3 Node API.
func (r Record) Nodes() (key, value *yaml.Node) {
	n := recordNode(r)
	return n.Content[0], n.Content[1]
}

// recordNode builds the YAML of a record with the Node API.
func recordNode(r Record) *yaml.Node {
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

// indent guesses the indentation the front matter uses for nested keys.
func (d *Doc) indent() int {
	for _, f := range d.Fields() {
		if f.Value.Kind == yaml.MappingNode && len(f.Value.Content) > 0 && f.Value.Content[0].Line > f.Key.Line {
			if n := f.Value.Content[0].Column - f.Key.Column; n > 0 {
				return n
			}
		}
	}
	return 2
}

func encodeRecord(r Record, indent int, nl string) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(indent)
	if err := enc.Encode(recordNode(r)); err != nil {
		return nil, fmt.Errorf("encoding translation record: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encoding translation record: %w", err)
	}
	out := buf.String()
	if nl != "\n" {
		out = strings.ReplaceAll(out, "\n", nl)
	}
	return []byte(out), nil
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
