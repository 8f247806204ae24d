package frontmatter

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastYAML parses the commonest front matter into the same nodes yaml.v3
// gives, several times faster: a block mapping whose values are plain,
// single- or double-quoted one-line scalars, one-line flow sequences of
// such scalars, block sequences of scalars or of mappings of scalars, and
// block mappings of all these. Anything else (comments, anchors, tags,
// escapes, multi-line scalars, tabs, odd characters...) makes ok false,
// and the caller parses with yaml.v3. Lines and columns are 1-based in src.
// FuzzFastYAML checks it against yaml.v3.
func fastYAML(src []byte) (root *yaml.Node, ok bool) {
	if !utf8.Valid(src) {
		return nil, false
	}
	p := yparser{}
	for off, line := 0, 1; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end < 0 {
			end = len(src)
		} else {
			end += off
			next = end + 1
		}
		text := src[off:end]
		if !safeLine(text) {
			return nil, false
		}
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		if indent < len(text) {
			p.lines = append(p.lines, yline{text: text, indent: indent, line: line})
		}
		off = next
	}
	if len(p.lines) == 0 || p.lines[0].indent != 0 {
		return nil, false
	}
	root, ok = p.mapping(0)
	if !ok || p.pos != len(p.lines) {
		return nil, false
	}
	return root, true
}

type yline struct {
	text   []byte
	indent int
	line   int
}

type yparser struct {
	lines []yline // the lines that are not blank
	pos   int     // the next line to read
}

// safeLine refuses lines with characters fastYAML leaves to yaml.v3:
// comments, anchors, aliases, tags, directives, block scalars, merge keys,
// escapes, tabs, control characters, YAML's other line breaks, the BOM and
// the non-characters, and trailing spaces.
func safeLine(text []byte) bool {
	if len(text) > 0 && text[len(text)-1] == ' ' {
		return false
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c < ' ' || c == 0x7f:
			return false
		case c == '#' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>' || c == '<' || c == '%' || c == '@' || c == '`' || c == '\\' || c == '{' || c == '}' || c == '?':
			return false
		case c == 0xc2 && i+1 < len(text) && text[i+1] < 0xa0: // U+0080..U+009F
			return false
		case c == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xa8 || text[i+2] == 0xa9): // U+2028, U+2029
			return false
		case c == 0xef && i+2 < len(text) && (text[i+1] == 0xbb && text[i+2] == 0xbf || text[i+1] == 0xbf && text[i+2] >= 0xbe): // U+FEFF, U+FFFE, U+FFFF
			return false
		}
	}
	return true
}

// mapping reads a block mapping whose keys are at column indent+1.
func (p *yparser) mapping(indent int) (*yaml.Node, bool) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if l.indent < indent {
			break
		}
		if l.indent > indent {
			return nil, false
		}
		key, value, ok := p.entry(l, indent)
		if !ok {
			return nil, false
		}
		if len(m.Content) == 0 {
			m.Line, m.Column = key.Line, key.Column
		}
		m.Content = append(m.Content, key, value)
	}
	return m, len(m.Content) > 0
}

// entry reads "key: value" (or "key:" and a nested block) from l, whose key
// starts at offset at.
func (p *yparser) entry(l yline, at int) (key, value *yaml.Node, ok bool) {
	text := l.text
	colon := bytes.IndexByte(text[at:], ':')
	if colon < 1 {
		return nil, nil, false
	}
	colon += at
	k := text[at:colon]
	if len(k) > 128 {
		return nil, nil, false // YAML limits implicit keys to 1024 characters
	}
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return nil, nil, false
		}
	}
	if k[0] == '-' {
		return nil, nil, false
	}
	key = plainNode(string(k), l.line, column(text, at))
	p.pos++
	if colon+1 == len(text) {
		// The value is the block on the following lines.
		if p.pos == len(p.lines) {
			return nil, nil, false
		}
		n := p.lines[p.pos]
		switch {
		case n.indent >= at && isItem(n.text[n.indent:]):
			value, ok = p.sequence(n.indent)
		case n.indent > at:
			value, ok = p.mapping(n.indent)
		}
		return key, value, ok
	}
	if text[colon+1] != ' ' || text[colon+2] == ' ' {
		return nil, nil, false
	}
	value, ok = scalarOrFlow(text, colon+2, l.line)
	return key, value, ok
}

func isItem(text []byte) bool {
	return len(text) >= 2 && text[0] == '-' && text[1] == ' '
}

// sequence reads a block sequence whose "-" are at column indent+1.
func (p *yparser) sequence(indent int) (*yaml.Node, bool) {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if l.indent < indent || l.indent == indent && !isItem(l.text[l.indent:]) {
			break
		}
		if l.indent > indent || len(l.text) < indent+3 || l.text[indent+2] == ' ' {
			return nil, false
		}
		if len(s.Content) == 0 {
			s.Line, s.Column = l.line, indent+1
		}
		at := indent + 2
		var item *yaml.Node
		if isKey(l.text[at:]) {
			// A mapping: its first entry is on this line, the others below
			// at the same column.
			key, value, ok := p.entry(l, at)
			if !ok {
				return nil, false
			}
			item = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: key.Line, Column: key.Column, Content: []*yaml.Node{key, value}}
			for p.pos < len(p.lines) && p.lines[p.pos].indent == at {
				key, value, ok := p.entry(p.lines[p.pos], at)
				if !ok {
					return nil, false
				}
				item.Content = append(item.Content, key, value)
			}
		} else {
			var ok bool
			if item, ok = scalarOrFlow(l.text, at, l.line); !ok {
				return nil, false
			}
			p.pos++
		}
		s.Content = append(s.Content, item)
	}
	return s, true
}

// isKey reports whether text starts with "key:" followed by a space or the
// end of the line.
func isKey(text []byte) bool {
	i := bytes.IndexByte(text, ':')
	return i > 0 && (i+1 == len(text) || text[i+1] == ' ') && !bytes.ContainsAny(text[:i], " '\"[],")
}

// scalarOrFlow reads the value that fills text from offset at to its end.
func scalarOrFlow(text []byte, at, line int) (*yaml.Node, bool) {
	v := text[at:]
	if v[0] != '[' {
		n, used, ok := scalar(v, line, column(text, at), false)
		return n, ok && used == len(v)
	}
	s := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: line, Column: column(text, at)}
	i := 1
	if len(v) == 2 && v[1] == ']' {
		return s, true
	}
	for {
		n, used, ok := scalar(v[i:], line, column(text, at+i), true)
		if !ok {
			return nil, false
		}
		s.Content = append(s.Content, n)
		i += used
		switch {
		case i+1 == len(v) && v[i] == ']':
			return s, true
		case i+2 < len(v) && v[i] == ',' && v[i+1] == ' ' && v[i+2] != ' ' && v[i+2] != ']':
			i += 2
		default:
			return nil, false
		}
	}
}

// scalar reads a scalar at the start of v: quoted without escapes, or plain.
// In a flow sequence (flow) a plain scalar ends before ", " or "]". It
// returns the node and the bytes it used.
func scalar(v []byte, line, col int, flow bool) (*yaml.Node, int, bool) {
	if len(v) == 0 {
		return nil, 0, false
	}
	switch q := v[0]; q {
	case '"', '\'':
		end := bytes.IndexByte(v[1:], q)
		if end < 0 {
			return nil, 0, false
		}
		if q == '\'' && end+2 < len(v) && v[end+2] == '\'' {
			return nil, 0, false // '' is an escaped quote
		}
		style := yaml.DoubleQuotedStyle
		if q == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: string(v[1 : end+1]), Line: line, Column: col}, end + 2, true
	case '-', ':', ',', '[', ']', ' ':
		return nil, 0, false
	}
	end := len(v)
	if flow {
		end = bytes.IndexAny(v, ",]")
		if end < 0 {
			return nil, 0, false
		}
		if bytes.ContainsAny(v[:end], "[:'\"") {
			return nil, 0, false
		}
	}
	s := v[:end]
	if s[len(s)-1] == ' ' || s[len(s)-1] == ':' || bytes.Contains(s, []byte(": ")) || bytes.Contains(s, []byte("  ")) {
		return nil, 0, false
	}
	return plainNode(string(s), line, col), end, true
}

// column is the 1-based column of text[at], counted in characters as
// yaml.v3 counts them.
func column(text []byte, at int) int {
	return utf8.RuneCount(text[:at]) + 1
}

// plainNode is a plain scalar with the tag yaml.v3 resolves for it.
func plainNode(value string, line, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: line, Column: col}
	n.Tag = n.ShortTag()
	return n
}
