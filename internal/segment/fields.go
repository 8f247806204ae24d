package segment

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"github.com/ceviri/ceviri/internal/frontmatter"
)

// FieldValue is a translatable front-matter field as found in a file.
type FieldValue struct {
	Name  string            // the field name as configured ("title")
	Value *frontmatter.Node // its value, in whatever format the file writes
}

// Fields turns translatable front-matter fields into segments, in the order
// given. A scalar is one segment; each non-empty item of a list is one
// segment keyed "name.index"; any other value is one segment holding its
// text written as YAML (frontmatter.Node.Text), whatever the file's format.
func Fields(fields []FieldValue) []Segment {
	var out []Segment
	for _, f := range fields {
		v := f.Value
		switch v.Kind {
		case frontmatter.Scalar:
			out = appendField(out, f.Name, v.Value, v.Line)
		case frontmatter.List:
			for i, item := range v.Items {
				out = appendField(out, f.Name+"."+strconv.Itoa(i), item.Text(), item.Line)
			}
		default:
			out = appendField(out, f.Name, v.Text(), v.Line)
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
