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
// none. A record of the wrong shape is a positioned error.
func (d *Doc) Record() (*Record, error) {
	f, ok := d.Get(RecordKey)
	if !ok {
		return nil, nil
	}
	v := f.Value
	if v.Kind != yaml.MappingNode {
		return nil, diag.Errorf(d.Name, v.Line, v.Column, "translation record must be a mapping with from and source_hash")
	}
	r := &Record{Line: f.Key.Line}
	var hashNode *yaml.Node
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
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

// SetRecord returns the file with its translation record replaced by r (or
// added at the end of the front matter). Every byte outside the record's
// lines is kept as it was: key order, comments, quoting, line endings and the
// body.
func (d *Doc) SetRecord(r Record) ([]byte, error) {
	raw := d.Raw
	nl := "\n"
	if bytes.Contains(raw, []byte("\r\n")) {
		nl = "\r\n"
	}
	if !d.HasFrontMatter {
		block, err := encodeRecord(r, 2, nl)
		if err != nil {
			return nil, err
		}
		bom := 0
		if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
			bom = 3
		}
		return concat(raw[:bom], []byte("---"+nl), block, []byte("---"+nl), raw[bom:]), nil
	}
	lines := lineStarts(raw, d.FMStart, d.FMEnd)
	f, ok := d.Get(RecordKey)
	if !ok {
		block, err := encodeRecord(r, d.indent(), nl)
		if err != nil {
			return nil, err
		}
		if d.Root != nil && d.Root.Column > 1 {
			block = indentBlock(block, d.Root.Column-1)
		}
		head := raw[:d.FMEnd]
		var sep []byte
		if len(head) > d.FMStart && !bytes.HasSuffix(head, []byte("\n")) {
			sep = []byte(nl)
		}
		return concat(head, sep, block, raw[d.FMEnd:]), nil
	}
	// The record spans from its key's line to the next non-blank line that
	// is not indented deeper than the key (the next key or a comment about
	// it), less trailing blank lines.
	first := f.Key.Line - d.FMLine
	end := first + 1
	for end < len(lines)-1 {
		l := raw[lines[end]:lines[end+1]]
		if t := bytes.TrimLeft(l, " \t"); len(bytes.TrimSpace(t)) > 0 && len(l)-len(t) < f.Key.Column {
			break
		}
		end++
	}
	for end > first+1 && len(bytes.TrimSpace(raw[lines[end-1]:lines[end]])) == 0 {
		end--
	}
	indent := 2
	if f.Value.Kind == yaml.MappingNode && len(f.Value.Content) > 0 && f.Value.Content[0].Line > f.Key.Line {
		indent = f.Value.Content[0].Column - f.Key.Column
	}
	block, err := encodeRecord(r, indent, nl)
	if err != nil {
		return nil, err
	}
	if f.Key.Column > 1 {
		block = indentBlock(block, f.Key.Column-1)
	}
	tail := raw[lines[end]:]
	if lines[end] == d.FMEnd && !bytes.HasSuffix(raw[:lines[end]], []byte("\n")) {
		// The record was the last line and had no newline before "---"; the
		// encoded block brings one.
		tail = raw[d.FMEnd:]
	}
	return concat(raw[:lines[first]], block, tail), nil
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
