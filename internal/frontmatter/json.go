package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
)

// JSON front matter is an object at the start of the file, as Hugo reads
// it: the object ends at its closing brace, and the body starts after the
// line break that follows it (or right after the brace). It is read token
// by token with encoding/json, which gives each value's bytes (for
// positions, and for SetRecord to rewrite the record's bytes only); the
// same keys in one object are refused (at the top level ignoring case, as
// Hugo reads keys), as in YAML and TOML.

// jsonReader reads the object token by token.
type jsonReader struct {
	d    *Doc
	dec  *json.Decoder
	base int // the offset in Doc.Raw of the decoder's input
}

// parseJSON reads the object that starts at offset start of Raw.
func (d *Doc) parseJSON(start int) error {
	d.fmStart, d.fmEnd, d.fmLine = start, len(d.Raw), 1
	d.indexLines()
	r := &jsonReader{d: d, dec: json.NewDecoder(bytes.NewReader(d.Raw[start:])), base: start}
	r.dec.UseNumber()
	root, err := r.value(1)
	if err != nil {
		return err
	}
	d.fmEnd = root.end
	for len(d.starts) > 1 && d.starts[len(d.starts)-1] >= d.fmEnd {
		d.starts = d.starts[:len(d.starts)-1]
	}
	body := d.fmEnd
	if bytes.HasPrefix(d.Raw[body:], []byte("\r\n")) {
		body += 2
	} else if bytes.HasPrefix(d.Raw[body:], []byte("\n")) {
		body++
	}
	d.Body = d.Raw[body:]
	d.BodyLine = 1 + bytes.Count(d.Raw[:body], []byte("\n"))
	if err := d.uniqueTop(root.Entries); err != nil {
		return err
	}
	d.fields = root.Entries
	return nil
}

// next returns the offset in Raw where the next token starts: the
// decoder's offset is the end of the last token, before the space, colon or
// comma that precede the next one.
func (r *jsonReader) next() int {
	off := r.base + int(r.dec.InputOffset())
	for off < len(r.d.Raw) {
		switch r.d.Raw[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// token reads the next token and where it starts.
func (r *jsonReader) token() (json.Token, int, error) {
	start := r.next()
	t, err := r.dec.Token()
	if err != nil {
		return nil, start, r.error(err, start)
	}
	return t, start, nil
}

// error places a decoder's error in the file.
func (r *jsonReader) error(err error, start int) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off := max(r.base+int(se.Offset)-1, start)
		line, col := r.d.position(off)
		return diag.Text(r.d.Name, line, col, "fm_invalid_json", "Err", jsonProblem(strings.TrimPrefix(se.Error(), "json: ")))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return diag.Text(r.d.Name, 1, 1, "fm_json_unterminated")
	}
	line, col := r.d.position(start)
	return diag.Text(r.d.Name, line, col, "fm_invalid_json", "Err", err)
}

// value reads a value, which is at depth if it is an object or an array.
func (r *jsonReader) value(depth int) (*Node, error) {
	t, start, err := r.token()
	if err != nil {
		return nil, err
	}
	line, col := r.d.position(start)
	n := &Node{Kind: Scalar, Line: line, Column: col, start: start}
	switch t := t.(type) {
	case json.Delim:
		if depth > MaxDepth {
			return nil, diag.Text(r.d.Name, line, col, "fm_json_too_deep", "Max", MaxDepth)
		}
		if t == '{' {
			err = r.object(n, depth)
		} else {
			err = r.array(n, depth)
		}
		if err != nil {
			return nil, err
		}
	case string:
		n.Value = t
	case json.Number:
		n.Type, n.Value, n.data = Int, string(t), t
		if strings.ContainsAny(n.Value, ".eE") {
			n.Type = Float
		}
	case bool:
		n.Type, n.data = Bool, t
		n.Value = "false"
		if t {
			n.Value = "true"
		}
	case nil:
		n.Type, n.Value = Null, "null"
	}
	n.end = r.base + int(r.dec.InputOffset())
	return n, nil
}

// object reads the members of an object up to its closing brace.
func (r *jsonReader) object(n *Node, depth int) error {
	n.Kind = Map
	var seen map[string]int
	for r.dec.More() {
		t, start, err := r.token()
		if err != nil {
			return err
		}
		line, col := r.d.position(start)
		name, _ := t.(string)
		key := &Node{Kind: Scalar, Value: name, Line: line, Column: col, start: start, end: r.base + int(r.dec.InputOffset())}
		if depth > 1 {
			// The top level is checked ignoring case (uniqueTop).
			if seen == nil {
				seen = map[string]int{}
			}
			if first, ok := seen[name]; ok {
				return diag.Text(r.d.Name, line, col, "fm_duplicate_key", "Key", strconv.Quote(name), "First", first)
			}
			seen[name] = line
		}
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.Entries = append(n.Entries, Field{Key: key, Value: v})
	}
	_, _, err := r.token() // }
	return err
}

// array reads the items of an array up to its closing bracket.
func (r *jsonReader) array(n *Node, depth int) error {
	n.Kind = List
	for r.dec.More() {
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.Items = append(n.Items, v)
	}
	_, _, err := r.token() // ]
	return err
}
