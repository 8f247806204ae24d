// Package frontmatter reads and writes the front matter of Markdown files,
// whatever its format: YAML between --- lines, TOML between +++ lines, a
// JSON object at the start of the file (as Hugo reads them), or none. It
// gives every other package one model of it (Doc, Field, Node: keys with
// their positions, values as text, lists, maps and dates), reads the
// translation record, and writes front matter back in the file's own
// format, editing only the lines it must, so that no other package needs to
// know the format (docs/reference.md, "Front matter").
package frontmatter

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// Format is how a file writes its front matter.
type Format uint8

const (
	// None is a file without front matter: all of it is body.
	None Format = iota
	// YAML front matter sits between two --- lines.
	YAML
	// TOML front matter sits between two +++ lines.
	TOML
	// JSON front matter is an object that starts the file.
	JSON
)

// String returns the format's name as ceviri writes it in messages.
func (f Format) String() string {
	switch f {
	case YAML:
		return "YAML"
	case TOML:
		return "TOML"
	case JSON:
		return "JSON"
	}
	return "none"
}

// Doc is a Markdown file split into front matter and body. Offsets index the
// original bytes in Raw, which Doc never modifies.
type Doc struct {
	Name string // path used in error messages
	Raw  []byte // the file as read

	// Format is the front matter's format; HasFrontMatter is Format != None.
	Format         Format
	HasFrontMatter bool
	// Body is the Markdown after the front matter (or the whole file, less
	// a byte order mark).
	Body []byte
	// BodyLine is the 1-based line where Body starts.
	BodyLine int

	// fmStart and fmEnd delimit the front matter's text in Raw: the lines
	// between the delimiters (YAML, TOML) or the object (JSON).
	fmStart, fmEnd int
	// fmLine is the 1-based line of fmStart.
	fmLine int
	// fields are the top-level entries in file order.
	fields []Field
	// nan is the first number that JSON cannot hold (.nan, inf), which
	// CheckFields reports.
	nan *Node
	// yroot is YAML front matter's top-level mapping, nil when it is empty.
	yroot *yaml.Node
	// toml says where TOML front matter writes its record, nil when it
	// has none.
	toml *tomlRecord
	// tomlTables is the offset in Raw of the line of TOML front matter's
	// first [table], where top-level keys end; 0 when it has none.
	tomlTables int
	// starts are the offsets in Raw of the front matter's lines, for
	// positions in TOML and JSON (see position).
	starts []int
}

// Field is a front-matter entry: a key and its value. Keys are scalars
// whose Value is the key's name.
type Field struct {
	Key   *Node
	Value *Node
}

// Parse splits data into front matter and body and reads the front matter
// in its format. It rejects invalid UTF-8, unterminated front matter,
// malformed YAML, TOML or JSON, front matter that is not a mapping and
// front matter beyond the limits (limits.go), each with the position of the
// problem. Every command reads files through Parse, so they all accept and
// refuse the same front matter.
func Parse(name string, data []byte) (*Doc, error) {
	if err := checkUTF8(name, data); err != nil {
		return nil, err
	}
	d := &Doc{Name: name, Raw: data, Body: data, BodyLine: 1}
	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	first, next := lineAt(data, start)
	switch fence := strings.TrimRight(string(first), " \t\r\n"); {
	case fence == "---":
		return d, d.split(YAML, next, "---", "...")
	case fence == "+++":
		return d, d.split(TOML, next, "+++", "")
	case isJSONStart(data[start:]):
		d.Format, d.HasFrontMatter = JSON, true
		return d, d.parseJSON(start)
	}
	d.Body = data[start:]
	return d, nil
}

// FormatOf returns the format of the front matter that data starts with,
// from its first line only (Parse reads and checks the rest).
func FormatOf(data []byte) Format {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, _ := lineAt(data, 0)
	switch strings.TrimRight(string(first), " \t\r\n") {
	case "---":
		return YAML
	case "+++":
		return TOML
	}
	if isJSONStart(data) {
		return JSON
	}
	return None
}

// split finds the closing fence of YAML or TOML front matter that starts at
// offset from (line 2) and parses it.
func (d *Doc) split(f Format, from int, fence, alt string) error {
	d.Format, d.HasFrontMatter = f, true
	d.fmStart, d.fmLine = from, 2
	line := 2
	for pos := from; pos < len(d.Raw); line++ {
		l, n := lineAt(d.Raw, pos)
		if t := strings.TrimRight(string(l), " \t\r\n"); t == fence || alt != "" && t == alt {
			d.fmEnd = pos
			d.Body = d.Raw[n:]
			d.BodyLine = line + 1
			if f == TOML {
				return d.parseTOML()
			}
			return d.parseYAML()
		}
		pos = n
	}
	return diag.Text(d.Name, 1, 1, "fm_unterminated", "Fence", fence)
}

// isJSONStart reports whether b starts with what Hugo reads as JSON front
// matter: an object, whose first key or closing brace follows the opening
// brace. A body that starts with a Hugo shortcode ({{< x >}}) or an MDX
// comment ({/* x */}) is not front matter.
func isJSONStart(b []byte) bool {
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	for _, c := range b[1:] {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '"', '}':
			return true
		}
		return false
	}
	return false
}

// lineAt returns the line starting at pos (with its newline) and the offset
// of the next line.
func lineAt(data []byte, pos int) ([]byte, int) {
	i := bytes.IndexByte(data[pos:], '\n')
	if i < 0 {
		return data[pos:], len(data)
	}
	return data[pos : pos+i+1], pos + i + 1
}

// Fields returns the top-level entries in file order. The slice belongs to
// the Doc.
func (d *Doc) Fields() []Field { return d.fields }

// Get returns the entry whose key equals key, ignoring case as Hugo does.
func (d *Doc) Get(key string) (Field, bool) {
	for _, f := range d.fields {
		if strings.EqualFold(f.Key.Value, key) {
			return f, true
		}
	}
	return Field{}, false
}

// checkUTF8 reports the position of the first byte that is not UTF-8.
func checkUTF8(name string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return diag.Text(name, line, col, "fm_invalid_utf8", "Byte", fmt.Sprintf("%02x", data[i]))
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}
