package segment

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"gopkg.in/yaml.v3"
)

// FieldValue is a translatable front-matter field as found in a file.
type FieldValue struct {
	Name  string     // the field name as configured ("title")
	Value *yaml.Node // its YAML value
}

// Fields turns translatable front-matter fields into segments, in the order
// given. A string is one segment; each non-empty item of a list of strings is
// one segment keyed "name.index"; any other value is one segment holding its
// YAML text.
func Fields(fields []FieldValue) []Segment {
	var out []Segment
	for _, f := range fields {
		v := f.Value
		switch v.Kind {
		case yaml.ScalarNode:
			out = appendField(out, f.Name, v.Value, v.Line)
		case yaml.SequenceNode:
			for i, item := range v.Content {
				if item.Kind == yaml.ScalarNode {
					out = appendField(out, f.Name+"."+strconv.Itoa(i), item.Value, item.Line)
				} else {
					out = appendField(out, f.Name+"."+strconv.Itoa(i), yamlText(item), item.Line)
				}
			}
		default:
			out = appendField(out, f.Name, yamlText(v), v.Line)
		}
	}
	return out
}

func appendField(out []Segment, key, value string, line int) []Segment {
	t := Collapse(value)
	if t == "" {
		return out
	}
	s := Segment{Kind: Field, Key: key, Text: t, Plain: t, Line: line, Words: CountWords(t)}
	s.hash()
	return append(out, s)
}

func yamlText(n *yaml.Node) string {
	b, err := yaml.Marshal(n)
	if err != nil {
		return ""
	}
	return string(b)
}

// Fingerprint is the SHA-256 of a version's segments in order (one or more
// slices, fields then body, hash the same as their concatenation): the identity
// of what a translation was made from, written "sha256:<hex>".
func Fingerprint(segs ...[]Segment) string {
	h := sha256.New()
	for _, ss := range segs {
		for _, s := range ss {
			io.WriteString(h, s.Hash)
			h.Write([]byte{'\n'})
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// TotalWords sums the words of segs.
func TotalWords(segs []Segment) int {
	n := 0
	for _, s := range segs {
		n += s.Words
	}
	return n
}
