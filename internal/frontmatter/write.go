package frontmatter

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Build returns the front matter of a new file in format f, delimiters and
// final newline included: the fields in order, then the record when r is
// not nil. Values may come from a file in any format (a source's fields) or
// from StringNode and DateNode. YAML values read from YAML are written as
// they were, aliases written out and anchors and comments dropped (plainYAML).
// A file without front matter cannot hold fields or a record: for None,
// Build returns ErrNoFrontMatter.
func Build(f Format, fields []Field, r *Record) ([]byte, error) {
	switch f {
	case YAML:
		return buildYAML(fields, r)
	case TOML:
		return buildTOML(fields, r)
	case JSON:
		return buildJSON(fields, r)
	}
	return nil, ErrNoFrontMatter
}

func buildYAML(fields []Field, r *Record) ([]byte, error) {
	fm := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range fields {
		fm.Content = append(fm.Content, plainOf(f.Key, true), plainOf(f.Value, false))
	}
	if r != nil {
		fm.Content = append(fm.Content, recordYAML(*r).Content...)
	}
	out := []byte("---\n")
	if len(fm.Content) > 0 {
		block, err := encodeYAML(fm, 2, "\n")
		if err != nil {
			return nil, err
		}
		out = append(out, block...)
	}
	return append(out, "---\n"...), nil
}

// plainOf returns the YAML to write for n: a copy of what it was read from
// (plainYAML), or what it is.
func plainOf(n *Node, key bool) *yaml.Node {
	switch {
	case n.y != nil:
		return plainYAML(n.y)
	case key:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: n.Value}
	}
	return n.yamlNode()
}

func buildTOML(fields []Field, r *Record) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("+++\n")
	for _, f := range fields {
		v, ok := tomlValue(f.Value, 0)
		if !ok {
			continue // TOML has no null
		}
		b.WriteString(tomlKey(f.Key.Value) + " = " + v + "\n")
	}
	if r != nil {
		b.WriteString(tomlRecordTable(*r, "\n"))
	}
	b.WriteString("+++\n")
	return b.Bytes(), nil
}

func buildJSON(fields []Field, r *Record) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{")
	sep := "\n"
	for _, f := range fields {
		b.WriteString(sep + "  " + jsonString(f.Key.Value) + ": ")
		writeJSON(&b, f.Value, "  ", 1, "\n")
		sep = ",\n"
	}
	if r != nil {
		b.WriteString(sep + "  " + jsonRecord(*r, true, "  ", "\n"))
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// tomlRecordTable writes a record as a [translation] table, lines ending
// with nl.
func tomlRecordTable(r Record, nl string) string {
	s := "[" + RecordKey + "]" + nl + "from = " + tomlString(r.From) + nl + "source_hash = " + tomlString(r.SourceHash) + nl
	if r.Draft {
		s += "draft = true" + nl
	}
	return s
}

// tomlInlineRecord writes a record as an inline table.
func tomlInlineRecord(r Record) string {
	s := "{ from = " + tomlString(r.From) + ", source_hash = " + tomlString(r.SourceHash)
	if r.Draft {
		s += ", draft = true"
	}
	return s + " }"
}

// jsonRecord writes the record's member, "translation": {...}: on one line,
// or on several (multi) indented by pad per level, the first at the key's
// place and the closing brace at one pad.
func jsonRecord(r Record, multi bool, pad, nl string) string {
	members := []string{`"from": ` + jsonString(r.From), `"source_hash": ` + jsonString(r.SourceHash)}
	if r.Draft {
		members = append(members, `"draft": true`)
	}
	if !multi {
		return jsonString(RecordKey) + ": {" + strings.Join(members, ", ") + "}"
	}
	in := nl + pad + pad
	return jsonString(RecordKey) + ": {" + in + strings.Join(members, ","+in) + nl + pad + "}"
}

// tomlKey writes a key: bare when TOML allows, quoted otherwise.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, c := range []byte(k) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return tomlString(k)
		}
	}
	return k
}

// tomlString writes a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlValue writes a value on one line (arrays and inline tables), at
// depth; ok is false for null, which TOML cannot hold.
func tomlValue(n *Node, depth int) (string, bool) {
	if depth > MaxDepth {
		return "", false
	}
	switch n.Kind {
	case List:
		items := make([]string, 0, len(n.Items))
		for _, item := range n.Items {
			if v, ok := tomlValue(item, depth+1); ok {
				items = append(items, v)
			}
		}
		return "[" + strings.Join(items, ", ") + "]", true
	case Map:
		entries := make([]string, 0, len(n.Entries))
		for _, e := range n.Entries {
			if v, ok := tomlValue(e.Value, depth+1); ok {
				entries = append(entries, tomlKey(e.Key.Value)+" = "+v)
			}
		}
		if len(entries) == 0 {
			return "{}", true
		}
		return "{ " + strings.Join(entries, ", ") + " }", true
	}
	switch n.Type {
	case Null:
		return "", false
	case Bool:
		if b, ok := n.boolean(); ok {
			return strconv.FormatBool(b), true
		}
	case Int:
		if _, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return n.Value, true
		}
	case Float:
		if f, err := parseTOMLFloat(n.Value); err == nil {
			return tomlFloat(f), true
		}
		if f, ok := n.yamlFloat(); ok {
			return tomlFloat(f), true
		}
	case Date:
		if tomlDate(n.Value) {
			return n.Value, true
		}
	}
	return tomlString(n.Value), true
}

// tomlFloat writes a float that TOML reads as one.
func tomlFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// yamlFloat reads a YAML float (.5, .inf) as yaml.v3 does.
func (n *Node) yamlFloat() (float64, bool) {
	if n.y == nil {
		return 0, false
	}
	var f float64
	if err := n.y.Decode(&f); err != nil {
		return 0, false
	}
	return f, true
}

// jsonString writes a JSON string, without escaping <, > and & (front
// matter is not HTML).
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return `""`
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// writeJSON writes a value, lists and maps on indented lines (level pads
// deep).
func writeJSON(b *bytes.Buffer, n *Node, pad string, level int, nl string) {
	if level > MaxDepth {
		b.WriteString("null")
		return
	}
	in := nl + strings.Repeat(pad, level+1)
	switch n.Kind {
	case List:
		if len(n.Items) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[")
		for i, item := range n.Items {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(in)
			writeJSON(b, item, pad, level+1, nl)
		}
		b.WriteString(nl + strings.Repeat(pad, level) + "]")
		return
	case Map:
		if len(n.Entries) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{")
		for i, e := range n.Entries {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(in + jsonString(e.Key.Value) + ": ")
			writeJSON(b, e.Value, pad, level+1, nl)
		}
		b.WriteString(nl + strings.Repeat(pad, level) + "}")
		return
	}
	switch n.Type {
	case Null:
		b.WriteString("null")
		return
	case Bool:
		if v, ok := n.boolean(); ok {
			b.WriteString(strconv.FormatBool(v))
			return
		}
	case Int, Float:
		if json.Valid([]byte(n.Value)) && n.Value != "" && (n.Value[0] == '-' || n.Value[0] >= '0' && n.Value[0] <= '9') {
			b.WriteString(n.Value)
			return
		}
	}
	b.WriteString(jsonString(n.Value))
}

// leadingSpace returns the white space that starts the line of offset off
// in raw, when only white space comes before off on it.
func leadingSpace(raw []byte, off int) (string, bool) {
	start := off
	for start > 0 && raw[start-1] != '\n' {
		start--
	}
	pad := raw[start:off]
	if len(bytes.Trim(pad, " \t")) > 0 || !utf8.Valid(pad) {
		return "", false
	}
	return string(pad), true
}
