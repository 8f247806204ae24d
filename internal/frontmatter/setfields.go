package frontmatter

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// SetFields returns the file with translated text put into its front
// matter: values maps "title" (a top-level field) or "tags.1" (an item of a
// list) to the text. A field the file does not have yet is copied from src,
// the source's front matter, first. Only the values set change: in TOML and
// JSON their bytes, in YAML the lines of the fields that hold them; a new
// field is added at the end of the front matter (in TOML before the first
// table). Every other byte of the file stays as it was.
//
// The result is parsed again: the values must read back and every other
// field and the body must be as they were. What cannot be written in place
// safely is refused with its position, and nothing is returned: in YAML a
// field with an anchor or an alias, a key that does not start its line,
// front matter written as a flow mapping. A file without front matter is
// refused with ErrNoFrontMatter.
func (d *Doc) SetFields(src *Doc, values map[string]string) ([]byte, error) {
	if d.Format == None {
		return nil, &diag.PosError{File: d.Name, Line: 1, Col: 1, Err: ErrNoFrontMatter}
	}
	var wants []fieldSet
	byName := map[string][]fieldSet{}
	var names []string
	for key := range values {
		name, idx := key, -1
		if _, ok := src.Get(key); !ok {
			if i := strings.LastIndexByte(key, '.'); i > 0 {
				if n, err := strconv.Atoi(key[i+1:]); err == nil && n >= 0 {
					name, idx = key[:i], n
				}
			}
		}
		w := fieldSet{key, name, idx}
		wants = append(wants, w)
		if _, ok := byName[name]; !ok {
			names = append(names, name)
		}
		byName[name] = append(byName[name], w)
	}
	sort.Strings(names)
	var edits []edit
	var added []Field
	for _, name := range names {
		f, ok := d.Get(name)
		if !ok {
			sf, ok := src.Get(name)
			if !ok {
				return nil, fmt.Errorf("%s: %w", d.Name, clitext.NewError("fm_field_nowhere", "Field", strconv.Quote(name)))
			}
			f = Field{Key: KeyNode(sf.Key.Value), Value: copyNode(sf.Value, 0)}
			added = append(added, f)
		}
		// The nodes to set, checked before anything is written.
		for _, w := range byName[name] {
			n := f.Value
			if w.idx >= 0 {
				if n.Kind != List || w.idx >= len(n.Items) {
					return nil, diag.Text(d.Name, n.Line, n.Column, "fm_field_no_item", "Field", name, "Index", w.idx)
				}
				n = n.Items[w.idx]
			}
			if n.Kind != Scalar {
				return nil, diag.Text(d.Name, n.Line, n.Column, "fm_field_not_string", "Field", w.key)
			}
		}
		if ok {
			e, err := d.setField(f, values, byName[name])
			if err != nil {
				return nil, err
			}
			edits = append(edits, e...)
		}
	}
	if len(added) > 0 {
		for _, f := range added {
			for _, w := range byName[f.Key.Value] {
				n := f.Value
				if w.idx >= 0 {
					n = n.Items[w.idx]
				}
				n.Type, n.Value, n.y, n.data = String, values[w.key], nil, nil
			}
		}
		e, err := d.addFields(added)
		if err != nil {
			return nil, err
		}
		edits = append(edits, e)
	}
	out := d.apply(edits)
	// Read back: the values, the other fields, the body.
	d2, err := Parse(d.Name, out)
	var why error
	switch {
	case err != nil:
		why = clitext.NewError("fm_why_not_parse", "Err", err)
	case d2.Format != d.Format:
		why = clitext.NewError("fm_why_format", "Format", d2.Format.String())
	case !bytes.Equal(d2.Body, d.Body):
		why = clitext.NewError("fm_why_body")
	}
	for _, w := range wants {
		if why != nil {
			break
		}
		f, ok := d2.Get(w.name)
		n := f.Value
		if ok && w.idx >= 0 && n.Kind == List && w.idx < len(n.Items) {
			n = n.Items[w.idx]
		}
		if !ok || n.Kind != Scalar || n.Value != values[w.key] {
			why = clitext.NewError("fm_why_field_back", "Field", w.key)
		}
	}
	if why == nil {
		why = d.sameFields(d2, func(k string) bool { _, ok := byName[k]; return ok })
	}
	if why != nil {
		return nil, diag.Text(d.Name, d.fmLine, 1, "fm_fields_unsafe", "Why", why)
	}
	return out, nil
}

// edit replaces Raw[start:end] by text.
type edit struct {
	start, end int
	text       []byte
}

// apply returns Raw with the edits made; they do not overlap.
func (d *Doc) apply(edits []edit) []byte {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(append(out, d.Raw[at:e.start]...), e.text...)
		at = e.end
	}
	return append(out, d.Raw[at:]...)
}

// fieldSet is one value SetFields sets: the field name and, for an item of
// a list, its index (else -1); key is how values names it.
type fieldSet struct {
	key, name string
	idx       int
}

// setField returns the edits that put the values of sets into field f.
func (d *Doc) setField(f Field, values map[string]string, sets []fieldSet) ([]edit, error) {
	if d.Format == YAML {
		return d.setFieldYAML(f, values, sets)
	}
	var out []edit
	for _, w := range sets {
		n := f.Value
		if w.idx >= 0 {
			n = n.Items[w.idx]
		}
		text := jsonString(values[w.key])
		if d.Format == TOML {
			text = tomlString(values[w.key])
			if raw := d.Raw[n.start:n.end]; bytes.HasPrefix(raw, []byte("'")) && !bytes.HasPrefix(raw, []byte("'''")) && literalOK(values[w.key]) {
				text = "'" + values[w.key] + "'"
			}
		}
		out = append(out, edit{n.start, n.end, []byte(text)})
	}
	return out, nil
}

// literalOK reports whether s can be written as a TOML literal string.
func literalOK(s string) bool {
	for _, r := range s {
		if r == '\'' || r < 0x20 && r != '\t' || r == 0x7f {
			return false
		}
	}
	return true
}

// setFieldYAML rewrites the lines of a YAML field with the values set.
func (d *Doc) setFieldYAML(f Field, values map[string]string, sets []fieldSet) ([]edit, error) {
	if d.yroot.Style&yaml.FlowStyle != 0 {
		return nil, diag.Text(d.Name, d.yroot.Line, d.yroot.Column, "fm_fields_flow")
	}
	yf, _ := d.yget(f.Key.Value)
	if yf.Key.Anchor != "" {
		return nil, diag.Text(d.Name, yf.Key.Line, yf.Key.Column, "fm_field_key_anchor", "Field", yf.Key.Value, "Anchor", yf.Key.Anchor)
	}
	if n := findNode(yf.Value, func(n *yaml.Node) bool { return n.Anchor != "" || n.Kind == yaml.AliasNode }); n != nil {
		return nil, diag.Text(d.Name, n.Line, n.Column, "fm_field_aliases", "Field", yf.Key.Value)
	}
	if err := d.startsLine(yf.Key, clitext.Msg("fm_what_field")); err != nil {
		return nil, err
	}
	value := clone(yf.Value)
	for _, w := range sets {
		n := value
		if w.idx >= 0 {
			n = n.Content[w.idx]
		}
		n.Value, n.Tag = values[w.key], "!!str"
	}
	key := clone(yf.Key)
	key.HeadComment = "" // on the lines before the field, which stay
	from, to := d.fieldLines(yf)
	block, err := encodeYAML(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{key, value}}, d.indent(), newline(d.Raw))
	if err != nil {
		return nil, err
	}
	if yf.Key.Column > 1 {
		block = indentBlock(block, yf.Key.Column-1)
	}
	return []edit{{from, to, block}}, nil
}

// clone copies a YAML node with its comments, but for foot comments, which
// may lie on lines after the node's.
func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.FootComment = ""
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = clone(k)
	}
	return &c
}

// addFields returns the edit that adds new fields to the front matter.
func (d *Doc) addFields(fields []Field) (edit, error) {
	nl := newline(d.Raw)
	switch d.Format {
	case YAML:
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, f := range fields {
			m.Content = append(m.Content, plainOf(f.Key, true), plainYAML(f.Value.yamlNode()))
		}
		block, err := encodeYAML(m, d.indent(), nl)
		if err != nil {
			return edit{}, err
		}
		if d.yroot != nil && d.yroot.Column > 1 {
			block = indentBlock(block, d.yroot.Column-1)
		}
		return edit{d.fmEnd, d.fmEnd, block}, nil
	case TOML:
		var b strings.Builder
		for _, f := range fields {
			if v, ok := tomlValue(f.Value, 0); ok {
				b.WriteString(tomlKey(f.Key.Value) + " = " + v + nl)
			}
		}
		at := d.fmEnd
		if d.tomlTables > 0 {
			at = d.tomlTables
		}
		return edit{at, at, []byte(b.String())}, nil
	}
	pad := "  "
	multi := true
	if len(d.fields) > 0 {
		k := d.fields[0].Key
		multi = k.Line > d.fmLine
		if p, ok := leadingSpace(d.Raw, k.start); ok && p != "" {
			pad = p
		}
	}
	var b bytes.Buffer
	for i, f := range fields {
		if i > 0 || len(d.fields) > 0 {
			b.WriteString(",")
			if !multi {
				b.WriteString(" ")
			}
		}
		if multi {
			b.WriteString(nl + pad)
		}
		b.WriteString(jsonString(f.Key.Value) + ": ")
		if multi {
			writeJSON(&b, f.Value, pad, 1, nl)
		} else {
			writeJSON(&b, f.Value, "", 1, "")
		}
	}
	if len(d.fields) == 0 {
		if multi {
			b.WriteString(nl)
		}
		return edit{d.fmStart + 1, d.fmEnd - 1, b.Bytes()}, nil
	}
	last := d.fields[len(d.fields)-1].Value.end
	return edit{last, last, b.Bytes()}, nil
}

// copyNode copies a value of another file's front matter, so that setting
// its text changes neither file's model.
func copyNode(n *Node, depth int) *Node {
	c := *n
	c.start, c.end = 0, 0
	if depth > MaxDepth {
		return &c
	}
	if n.Items != nil {
		c.Items = make([]*Node, len(n.Items))
		for i, item := range n.Items {
			c.Items[i] = copyNode(item, depth+1)
		}
	}
	if n.Entries != nil {
		c.Entries = make([]Field, len(n.Entries))
		for i, e := range n.Entries {
			c.Entries[i] = Field{Key: KeyNode(e.Key.Value), Value: copyNode(e.Value, depth+1)}
		}
	}
	if n.y != nil && n.Kind != Scalar {
		// The YAML of a list or map would write the old texts.
		c.y = nil
	}
	return &c
}
