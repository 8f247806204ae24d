package frontmatter

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// SetRecord returns the file with its translation record replaced by r (or
// added at the end of the front matter). Every byte outside the record's
// lines is kept as it was: key order, comments, quoting, line endings and the
// body.
//
// The result is parsed again before it is returned: it must read back r as
// its record, and every other top-level field and the body must be what they
// were. A record that cannot be rewritten in place safely is refused with
// the reason and its position, and nothing is returned: an anchor on or in
// the record (another value may refer to it), an alias in it, a key that
// does not start its line (? translation), front matter written as a flow
// mapping, or any other shape whose rewrite would not read back (issue 11).
func (d *Doc) SetRecord(r Record) ([]byte, error) {
	if err := d.editable(); err != nil {
		return nil, err
	}
	out, err := d.setRecord(r)
	if err != nil {
		return nil, err
	}
	if why := d.readsBack(out, r); why != "" {
		line, col := 1, 1
		if f, ok := d.Get(RecordKey); ok {
			line, col = f.Key.Line, f.Key.Column
		}
		return nil, diag.Errorf(d.Name, line, col, "cannot rewrite the translation record safely: %s; edit the record by hand", why)
	}
	return out, nil
}

// editable refuses the records and front matter that setRecord cannot edit
// in place.
func (d *Doc) editable() error {
	if d.Root == nil {
		return nil
	}
	if d.Root.Style&yaml.FlowStyle != 0 {
		return diag.Errorf(d.Name, d.Root.Line, d.Root.Column,
			"cannot write the translation record into front matter written as a flow mapping ({...}); write one key per line")
	}
	f, ok := d.Get(RecordKey)
	if !ok {
		return nil
	}
	const plain = "; write the record as a plain mapping without anchors or aliases"
	if f.Key.Anchor != "" {
		return diag.Errorf(d.Name, f.Key.Line, f.Key.Column, "cannot rewrite the translation record: its key carries the YAML anchor &%s%s", f.Key.Anchor, plain)
	}
	if n := findNode(f.Value, func(n *yaml.Node) bool { return n.Anchor != "" || n.Kind == yaml.AliasNode }); n != nil {
		if n.Anchor != "" {
			return diag.Errorf(d.Name, n.Line, n.Column, "cannot rewrite the translation record: it carries the YAML anchor &%s, which other values may refer to%s", n.Anchor, plain)
		}
		return diag.Errorf(d.Name, n.Line, n.Column, "cannot rewrite the translation record: it uses the YAML alias *%s%s", n.Value, plain)
	}
	start := d.lineStart(f.Key.Line)
	for i, c := range d.Raw[start:] {
		if i == f.Key.Column-1 {
			break
		}
		if c == '?' {
			return diag.Errorf(d.Name, f.Key.Line, f.Key.Column,
				"cannot rewrite the translation record: its key is written as an explicit key (? %s); write it as \"%s:\" at the start of a line", f.Key.Value, f.Key.Value)
		}
		if c != ' ' {
			return diag.Errorf(d.Name, f.Key.Line, f.Key.Column,
				"cannot rewrite the translation record: its key does not start its line; write it as \"%s:\" at the start of a line", f.Key.Value)
		}
	}
	return nil
}

// findNode returns the first node under n, n included, for which match is
// true, without following aliases.
func findNode(n *yaml.Node, match func(*yaml.Node) bool) *yaml.Node {
	if match(n) {
		return n
	}
	for _, c := range n.Content {
		if m := findNode(c, match); m != nil {
			return m
		}
	}
	return nil
}

// lastLine is the last line on which a node under n starts.
func lastLine(n *yaml.Node) int {
	line := n.Line
	for _, c := range n.Content {
		line = max(line, lastLine(c))
	}
	return line
}

// lineStart returns the offset in Raw of a front-matter line.
func (d *Doc) lineStart(line int) int {
	pos := d.FMStart
	for l := d.FMLine; l < line && pos < d.FMEnd; l++ {
		_, pos = lineAt(d.Raw, pos)
	}
	return pos
}

// setRecord writes r into the file.
func (d *Doc) setRecord(r Record) ([]byte, error) {
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
	// it), less trailing blank lines, and at least to the last line of its
	// value (a comment less indented than the record can sit inside it).
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
	end = min(max(end, lastLine(f.Value)-d.FMLine+1), len(lines)-1)
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

// readsBack parses out, the file as setRecord wrote it, and says what is
// wrong with it, or "" when it reads back r as its record with every other
// top-level field and the body as they were.
func (d *Doc) readsBack(out []byte, r Record) string {
	d2, err := Parse(d.Name, out)
	if err != nil {
		return fmt.Sprintf("the result would not parse (%v)", err)
	}
	got, err := d2.Record()
	switch {
	case err != nil:
		return fmt.Sprintf("the record would not read back (%v)", err)
	case got == nil:
		return "the record would not read back"
	case got.From != r.From || got.SourceHash != r.SourceHash || got.Draft != r.Draft:
		return fmt.Sprintf("the record would read back as from %s, source_hash %s, draft %v", got.From, got.SourceHash, got.Draft)
	case !bytes.Equal(d2.Body, d.Body):
		return "the body would change"
	}
	before, after := d.others(), d2.others()
	for i, f := range before {
		if i >= len(after) || after[i].Key.Value != f.Key.Value {
			return fmt.Sprintf("field %s would be lost", f.Key.Value)
		}
		if !sameNode(f.Value, after[i].Value, 0) {
			return fmt.Sprintf("field %s would change", f.Key.Value)
		}
	}
	if len(after) > len(before) {
		return fmt.Sprintf("field %s would appear", after[len(before)].Key.Value)
	}
	return ""
}

// others returns the top-level fields other than the record.
func (d *Doc) others() []Field {
	var out []Field
	for _, f := range d.Fields() {
		if !strings.EqualFold(f.Key.Value, RecordKey) {
			out = append(out, f)
		}
	}
	return out
}

// sameNode reports whether two trees are written the same way, positions
// and comments aside. Aliases compare by the anchor they name, so that
// nothing is expanded; Parse bounds the depth.
func sameNode(a, b *yaml.Node, depth int) bool {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Anchor != b.Anchor ||
		len(a.Content) != len(b.Content) || depth > MaxDepth {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i], depth+1) {
			return false
		}
	}
	return true
}
