// Package frontmatter splits a Markdown file into its YAML front matter and
// body, parses the front matter with positions (yaml.v3 nodes), reads the
// translation record, and rewrites that record without disturbing any other
// byte of the file.
package frontmatter

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// Doc is a Markdown file split into front matter and body. Offsets index the
// original bytes in Raw, which Doc never modifies.
type Doc struct {
	Name string // path used in error messages
	Raw  []byte // the file as read

	HasFrontMatter bool
	// FMStart and FMEnd delimit the YAML text between the --- lines in Raw.
	FMStart, FMEnd int
	// FMLine is the 1-based line of the first YAML line.
	FMLine int
	// Body is the Markdown after the closing --- line (or the whole file).
	Body []byte
	// BodyLine is the 1-based line where Body starts.
	BodyLine int
	// Root is the front matter's top-level mapping; nil when there is none or
	// it is empty.
	Root *yaml.Node

	nan *yaml.Node // the first .nan or .inf, which CheckFields reports
}

// Field is a top-level front-matter entry.
type Field struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// Parse splits and parses data. It rejects invalid UTF-8, unterminated front
// matter, malformed YAML, front matter that is not a mapping and YAML beyond
// the limits that check (limits.go) enforces, each with the position of the
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
	if strings.TrimRight(string(first), " \t\r\n") != "---" {
		if start > 0 {
			d.Body = data[start:]
		}
		return d, nil
	}
	d.HasFrontMatter = true
	d.FMStart, d.FMLine = next, 2
	line := 2
	for pos := next; pos < len(data); line++ {
		l, n := lineAt(data, pos)
		if t := strings.TrimRight(string(l), " \t\r\n"); t == "---" || t == "..." {
			d.FMEnd = pos
			d.Body = data[n:]
			d.BodyLine = line + 1
			return d, d.parseYAML()
		}
		pos = n
	}
	return nil, diag.Errorf(name, 1, 1, "unterminated front matter: no closing --- line")
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

func (d *Doc) parseYAML() error {
	fm := d.Raw[d.FMStart:d.FMEnd]
	if len(bytes.TrimSpace(fm)) == 0 {
		return nil
	}
	root, ok := fastYAML(fm)
	if !ok {
		var n yaml.Node
		if err := yaml.Unmarshal(fm, &n); err != nil {
			return config.YAMLError(d.Name, fm, d.FMLine-1, err)
		}
		if len(n.Content) == 0 {
			return nil
		}
		root = n.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		shiftLine(root, d.FMLine-1)
		return diag.Errorf(d.Name, root.Line, root.Column, "front matter must be a mapping of keys to values")
	}
	nan, err := check(d.Name, root, d.FMLine-1)
	if err != nil {
		return err
	}
	d.Root, d.nan = root, nan
	return nil
}

// shiftLine moves n's line by off, so that it is a file line.
func shiftLine(n *yaml.Node, off int) { n.Line += off }

// Fields returns the top-level entries in file order.
func (d *Doc) Fields() []Field {
	if d.Root == nil {
		return nil
	}
	out := make([]Field, 0, len(d.Root.Content)/2)
	for i := 0; i+1 < len(d.Root.Content); i += 2 {
		out = append(out, Field{Key: d.Root.Content[i], Value: d.Root.Content[i+1]})
	}
	return out
}

// Get returns the entry whose key equals key, ignoring case as Hugo does.
func (d *Doc) Get(key string) (Field, bool) {
	for _, f := range d.Fields() {
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
			return diag.Errorf(name, line, col, "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[i])
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
