package frontmatter

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Kind is the shape of a front-matter value.
type Kind uint8

const (
	// Scalar is a single value: text, a number, a boolean, a date or null.
	Scalar Kind = iota + 1
	// List is a YAML sequence, a TOML array or a JSON array.
	List
	// Map is a YAML mapping, a TOML table or a JSON object.
	Map
)

// Type is what a scalar holds, as its format reads it.
type Type uint8

const (
	// String is text (and anything YAML reads as text: custom tags).
	String Type = iota
	// Int is an integer.
	Int
	// Float is a number with a fraction or an exponent, or nan and inf.
	Float
	// Bool is true or false.
	Bool
	// Null is YAML's null (~, null or nothing) and JSON's null.
	Null
	// Date is a YAML timestamp written without quotes or a TOML date,
	// time or date-time.
	Date
)

// Node is a front-matter value, whatever the format it was written in. A
// YAML alias is the node of the value it stands for, so a node may be
// reached along several paths; nothing in ceviri expands them (Parse bounds
// what they stand for).
type Node struct {
	Kind Kind
	// Type is a scalar's type.
	Type Type
	// Value is a scalar's text, unquoted and unescaped (a number or a
	// date as written; a TOML integer in decimal); for a key, its name.
	Value string
	// Line and Column say where the value starts in the file: 1-based,
	// the column in characters.
	Line, Column int
	// Items are a list's items.
	Items []*Node
	// Entries are a map's entries in file order.
	Entries []Field

	// y is the YAML node it was read from, nil for TOML and JSON.
	y *yaml.Node
	// start and end are its bytes in Doc.Raw (TOML and JSON).
	start, end int
	// data is what a TOML or JSON scalar decodes to (see Data).
	data any
}

// Get returns the entry of map n whose key is key, exactly.
func (n *Node) Get(key string) (*Node, bool) {
	if n == nil || n.Kind != Map {
		return nil, false
	}
	for _, e := range n.Entries {
		if e.Key.Value == key {
			return e.Value, true
		}
	}
	return nil, false
}

// Blank reports whether a value is empty: null, text of white space only,
// or an empty list or map.
func (n *Node) Blank() bool {
	if n == nil {
		return true
	}
	switch n.Kind {
	case Scalar:
		return n.Type == Null || strings.TrimSpace(n.Value) == ""
	case List:
		return len(n.Items) == 0
	case Map:
		return len(n.Entries) == 0
	}
	return false
}

// Text returns a scalar's text, or a list or map written out as YAML block
// text (for YAML front matter exactly as yaml.v3 writes the value, so that
// fingerprints made from it stay the same).
func (n *Node) Text() string {
	if n.Kind == Scalar {
		return n.Value
	}
	b, err := yaml.Marshal(n.yamlNode())
	if err != nil {
		return ""
	}
	return string(b)
}

// Inline returns a value on one line, for messages: a scalar's text, a list
// or map in YAML's flow style.
func (n *Node) Inline() string {
	if n == nil {
		return ""
	}
	if n.Kind == Scalar {
		return n.Value
	}
	c := *n.yamlNode()
	c.Style = yaml.FlowStyle
	b, err := yaml.Marshal(&c)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// yamlNode returns n as a YAML node: the one it was read from, or one built
// for it (TOML, JSON, or values made by ceviri).
func (n *Node) yamlNode() *yaml.Node {
	if n.y != nil {
		return n.y
	}
	switch n.Kind {
	case List:
		s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, item := range n.Items {
			s.Content = append(s.Content, item.yamlNode())
		}
		return s
	case Map:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, e := range n.Entries {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: e.Key.Value}, e.Value.yamlNode())
		}
		return m
	}
	s := &yaml.Node{Kind: yaml.ScalarNode, Value: n.Value}
	switch n.Type {
	case String:
		// Quoted: text written by ceviri or from TOML or JSON stays text.
		s.Tag, s.Style = "!!str", yaml.DoubleQuotedStyle
	case Date:
		s.Tag = "!!timestamp"
		if s.ShortTag() != "!!timestamp" {
			s.Tag, s.Style = "!!str", yaml.DoubleQuotedStyle
		}
	case Null:
		s.Tag, s.Value = "!!null", "null"
	default:
		s.Tag = s.ShortTag()
	}
	return s
}

// Data returns the value as Go data for bundles: strings, numbers, booleans,
// nil, []any and map[string]any. Dates are the text as written. YAML is
// decoded by yaml.v3, as build has always decoded it.
func (n *Node) Data() (any, error) {
	if n.y != nil {
		var v any
		if err := n.y.Decode(&v); err != nil {
			return nil, err
		}
		return jsonable(v), nil
	}
	switch n.Kind {
	case List:
		out := make([]any, 0, len(n.Items))
		for _, item := range n.Items {
			v, err := item.Data()
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case Map:
		out := make(map[string]any, len(n.Entries))
		for _, e := range n.Entries {
			v, err := e.Value.Data()
			if err != nil {
				return nil, err
			}
			out[e.Key.Value] = v
		}
		return out, nil
	}
	if n.data != nil || n.Type == Null {
		return n.data, nil
	}
	return n.Value, nil
}

// jsonable turns YAML maps with keys that are not strings into maps JSON
// can hold.
func jsonable(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = jsonable(e)
		}
		return x
	case map[any]any:
		m := map[string]any{}
		for k, e := range x {
			m[fmt.Sprint(k)] = jsonable(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = jsonable(e)
		}
		return x
	}
	return v
}

// StringNode makes a text value, for front matter that ceviri writes.
func StringNode(s string) *Node { return &Node{Kind: Scalar, Type: String, Value: s} }

// DateNode makes a date value written as s (2025-12-03), for front matter
// that ceviri writes.
func DateNode(s string) *Node { return &Node{Kind: Scalar, Type: Date, Value: s} }

// KeyNode makes a key, for front matter that ceviri writes.
func KeyNode(name string) *Node { return &Node{Kind: Scalar, Type: String, Value: name} }

// fromYAML builds the model of YAML nodes that check accepted: aliases
// become the node of their anchor's value, which check has seen before
// them.
type fromYAML struct {
	anchored map[*yaml.Node]*Node
}

func (c *fromYAML) node(n *yaml.Node) *Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Anchor != "" {
		if m, ok := c.anchored[n]; ok {
			return m
		}
	}
	m := &Node{Line: n.Line, Column: n.Column, y: n}
	switch n.Kind {
	case yaml.SequenceNode:
		m.Kind = List
		m.Items = make([]*Node, len(n.Content))
		for i, item := range n.Content {
			m.Items[i] = c.node(item)
		}
	case yaml.MappingNode:
		m.Kind = Map
		m.Entries = make([]Field, len(n.Content)/2)
		for i := range m.Entries {
			m.Entries[i] = Field{Key: c.key(n.Content[2*i]), Value: c.node(n.Content[2*i+1])}
		}
	default:
		m.Kind, m.Value = Scalar, n.Value
		switch n.ShortTag() {
		case "!!int":
			m.Type = Int
		case "!!float":
			m.Type = Float
		case "!!bool":
			m.Type = Bool
		case "!!null":
			m.Type = Null
		case "!!timestamp":
			m.Type = Date
		}
	}
	if n.Anchor != "" {
		if c.anchored == nil {
			c.anchored = map[*yaml.Node]*Node{}
		}
		c.anchored[n] = m
	}
	return m
}

// key is a mapping key: a scalar (check refuses others).
func (c *fromYAML) key(n *yaml.Node) *Node {
	return &Node{Kind: Scalar, Value: n.Value, Line: n.Line, Column: n.Column, y: n}
}
