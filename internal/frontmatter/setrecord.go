package frontmatter

import (
	"bytes"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// SetRecord returns the file with its translation record replaced by r (or
// added at the end of the front matter), written in the front matter's own
// format: a YAML mapping, a TOML [translation] table (or inline table) or a
// JSON object. Every byte outside the record's lines is kept as it was: key
// order, comments, quoting, line endings and the body.
//
// The result is parsed again before it is returned: it must read back r as
// its record, and every other top-level field and the body must be what they
// were. A record that cannot be rewritten in place safely is refused with
// the reason and its position, and nothing is returned: in YAML an anchor
// on or in the record (another value may refer to it), an alias in it, a
// key that does not start its line (? translation), front matter written as
// a flow mapping; in TOML a record written as dotted keys; in any format any
// other shape whose rewrite would not read back (issue 11). A file without
// front matter is refused with ErrNoFrontMatter: ceviri does not add front
// matter to a file.
func (d *Doc) SetRecord(r Record) ([]byte, error) {
	var out []byte
	var err error
	switch d.Format {
	case None:
		return nil, &diag.PosError{File: d.Name, Line: 1, Col: 1, Err: ErrNoFrontMatter}
	case TOML:
		out, err = d.setRecordTOML(r)
	case JSON:
		out, err = d.setRecordJSON(r)
	default:
		if err := d.editable(); err != nil {
			return nil, err
		}
		out, err = d.setRecord(r)
	}
	if err != nil {
		return nil, err
	}
	if why := d.readsBack(out, r); why != nil {
		line, col := 1, 1
		if f, ok := d.Get(RecordKey); ok {
			line, col = f.Key.Line, f.Key.Column
		}
		return nil, diag.Text(d.Name, line, col, "fm_record_unsafe", "Why", why)
	}
	return out, nil
}

// editable refuses the records and front matter that setRecord cannot edit
// in place.
func (d *Doc) editable() error {
	if d.yroot == nil {
		return nil
	}
	if d.yroot.Style&yaml.FlowStyle != 0 {
		return diag.Text(d.Name, d.yroot.Line, d.yroot.Column, "fm_record_flow")
	}
	f, ok := d.yget(RecordKey)
	if !ok {
		return nil
	}
	if f.Key.Anchor != "" {
		return diag.Text(d.Name, f.Key.Line, f.Key.Column, "fm_record_key_anchor", "Anchor", f.Key.Anchor)
	}
	if n := findNode(f.Value, func(n *yaml.Node) bool { return n.Anchor != "" || n.Kind == yaml.AliasNode }); n != nil {
		if n.Anchor != "" {
			return diag.Text(d.Name, n.Line, n.Column, "fm_record_anchor", "Anchor", n.Anchor)
		}
		return diag.Text(d.Name, n.Line, n.Column, "fm_record_alias", "Alias", n.Value)
	}
	return d.startsLine(f.Key, clitext.Msg("fm_what_record"))
}

// startsLine refuses a YAML key that does not start its line (? key, or a
// key after something else), whose lines cannot be found for rewriting.
func (d *Doc) startsLine(key *yaml.Node, what clitext.Text) error {
	start := d.lineStart(key.Line)
	for i, c := range d.Raw[start:] {
		if i == key.Column-1 {
			break
		}
		if c == '?' {
			return diag.Text(d.Name, key.Line, key.Column, "fm_explicit_key", "What", what, "Key", key.Value)
		}
		if c != ' ' {
			return diag.Text(d.Name, key.Line, key.Column, "fm_key_not_line_start", "What", what, "Key", key.Value)
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
	pos := d.fmStart
	for l := d.fmLine; l < line && pos < d.fmEnd; l++ {
		_, pos = lineAt(d.Raw, pos)
	}
	return pos
}

// setRecord writes r into YAML front matter.
func (d *Doc) setRecord(r Record) ([]byte, error) {
	raw := d.Raw
	nl := newline(raw)
	f, ok := d.yget(RecordKey)
	if !ok {
		block, err := encodeRecord(r, d.indent(), nl)
		if err != nil {
			return nil, err
		}
		if d.yroot != nil && d.yroot.Column > 1 {
			block = indentBlock(block, d.yroot.Column-1)
		}
		return d.insertAtEnd(block, nl), nil
	}
	from, to := d.fieldLines(f)
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
	return d.replaceLines(from, to, block), nil
}

// fieldLines returns the offsets of the lines of a top-level YAML field:
// from its key's line to the next non-blank line that is not indented
// deeper than the key (the next key or a comment about it), less trailing
// blank lines, and at least to the last line of its value (a comment less
// indented than the field can sit inside it).
func (d *Doc) fieldLines(f yfield) (from, to int) {
	raw := d.Raw
	lines := lineStarts(raw, d.fmStart, d.fmEnd)
	first := f.Key.Line - d.fmLine
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
	end = min(max(end, lastLine(f.Value)-d.fmLine+1), len(lines)-1)
	return lines[first], lines[end]
}

// insertAtEnd returns the file with block added as the last lines of its
// YAML or TOML front matter.
func (d *Doc) insertAtEnd(block []byte, nl string) []byte {
	head := d.Raw[:d.fmEnd]
	var sep []byte
	if len(head) > d.fmStart && !bytes.HasSuffix(head, []byte("\n")) {
		sep = []byte(nl)
	}
	return concat(head, sep, block, d.Raw[d.fmEnd:])
}

// replaceLines returns the file with the lines from offset from up to
// offset to (a line start, or the end of the front matter) replaced by
// block.
func (d *Doc) replaceLines(from, to int, block []byte) []byte {
	return concat(d.Raw[:from], block, d.Raw[to:])
}

// newline returns the line ending a file uses: CRLF if it has one.
func newline(raw []byte) string {
	if bytes.Contains(raw, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// readsBack parses out, the file as SetRecord wrote it, and says what is
// wrong with it, or nil when it reads back r as its record, in the same
// format, with every other top-level field and the body as they were.
func (d *Doc) readsBack(out []byte, r Record) error {
	d2, err := Parse(d.Name, out)
	if err != nil {
		return clitext.NewError("fm_why_not_parse", "Err", err)
	}
	got, err := d2.Record()
	switch {
	case d2.Format != d.Format:
		return clitext.NewError("fm_why_format", "Format", d2.Format.String())
	case err != nil:
		return clitext.NewError("fm_why_record_err", "Err", err)
	case got == nil:
		return clitext.NewError("fm_why_record_none")
	case got.From != r.From || got.SourceHash != r.SourceHash || got.Draft != r.Draft:
		return clitext.NewError("fm_why_record_as", "From", got.From, "Hash", got.SourceHash, "Draft", got.Draft)
	case !bytes.Equal(d2.Body, d.Body):
		return clitext.NewError("fm_why_body")
	}
	return d.sameFields(d2, func(k string) bool { return strings.EqualFold(k, RecordKey) })
}

// sameFields says which top-level field of d2 differs from d's, or nil when
// they are the same, apart from those skip names: in the same order, each
// written the same way (YAML) or with the same value (TOML, JSON).
func (d *Doc) sameFields(d2 *Doc, skip func(key string) bool) error {
	if d.Format == YAML {
		return diffFields(d.yfields(), d2.yfields(), skip,
			func(f yfield) string { return f.Key.Value },
			func(a, b yfield) bool { return sameNode(a.Value, b.Value, 0) })
	}
	return diffFields(d.fields, d2.fields, skip,
		func(f Field) string { return f.Key.Value },
		func(a, b Field) bool { return sameValue(a.Value, b.Value, 0) })
}

// diffFields compares two lists of top-level fields, those skip names left
// out: the first one lost, changed (same says) or added, or nil.
func diffFields[F any](before, after []F, skip func(string) bool, key func(F) string, same func(a, b F) bool) error {
	keep := func(fs []F) []F {
		var out []F
		for _, f := range fs {
			if !skip(key(f)) {
				out = append(out, f)
			}
		}
		return out
	}
	before, after = keep(before), keep(after)
	for i, f := range before {
		if i >= len(after) || key(after[i]) != key(f) {
			return clitext.NewError("fm_why_field_lost", "Field", key(f))
		}
		if !same(f, after[i]) {
			return clitext.NewError("fm_why_field_change", "Field", key(f))
		}
	}
	if len(after) > len(before) {
		return clitext.NewError("fm_why_field_appear", "Field", key(after[len(before)]))
	}
	return nil
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

// sameValue reports whether two TOML or JSON values are the same: kind,
// type, text, and items and entries in order. Parse bounds the depth.
func sameValue(a, b *Node, depth int) bool {
	if a.Kind != b.Kind || a.Type != b.Type || a.Value != b.Value || len(a.Items) != len(b.Items) ||
		len(a.Entries) != len(b.Entries) || depth > MaxDepth {
		return false
	}
	for i := range a.Items {
		if !sameValue(a.Items[i], b.Items[i], depth+1) {
			return false
		}
	}
	for i := range a.Entries {
		if a.Entries[i].Key.Value != b.Entries[i].Key.Value || !sameValue(a.Entries[i].Value, b.Entries[i].Value, depth+1) {
			return false
		}
	}
	return true
}
