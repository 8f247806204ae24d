package frontmatter

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// TOML front matter is read with pelletier/go-toml/v2, the library Hugo
// reads it with: its parser's syntax tree gives the model with every key's
// and value's bytes (for positions, and for SetRecord to edit the record's
// lines in place), and its decoder refuses, with a position, what TOML
// forbids beyond syntax (a key or table defined twice, an invalid date).

// tomlRecord says how TOML front matter writes the translation record, so
// that SetRecord can rewrite those lines and no other.
type tomlRecord struct {
	shape tomlShape
	// table: from the start of the [translation] line to the end of the
	// table's last key/value (or of the header). inline: the inline table's
	// bytes. Offsets in Doc.Raw.
	start, end int
}

type tomlShape uint8

const (
	tomlTable  tomlShape = iota + 1 // [translation] and its key/values
	tomlInline                      // translation = {from = ..., ...}
	tomlOther                       // dotted keys, [[translation]], sub-tables
)

// tomlBuilder turns the parser's expressions into the model.
type tomlBuilder struct {
	d    *Doc
	p    *unstable.Parser
	root *Node
	cur  *Node // the table that key/values go into
	// depth is cur's depth, the top-level table being 1.
	depth int
	// rec is the record's shape and bytes; inRec says that cur is the
	// [translation] table.
	rec   *tomlRecord
	inRec bool
	// index holds the keys of tables with many of them.
	index map[*Node]map[string]int
}

// parseTOML reads the TOML between the +++ lines.
func (d *Doc) parseTOML() error {
	d.indexLines()
	fm := d.Raw[d.fmStart:d.fmEnd]
	p := &unstable.Parser{}
	p.Reset(fm)
	b := &tomlBuilder{d: d, p: p, root: &Node{Kind: Map, Line: d.fmLine, Column: 1}}
	b.cur, b.depth = b.root, 1
	for p.NextExpression() {
		if err := b.expression(p.Expression()); err != nil {
			return err
		}
	}
	if err := p.Error(); err != nil {
		return d.tomlError(err)
	}
	// The decoder reads what the parser accepted again and refuses what
	// TOML forbids beyond syntax, as Hugo would.
	var m map[string]any
	if err := toml.Unmarshal(fm, &m); err != nil {
		return d.tomlError(err)
	}
	if err := d.uniqueTop(b.root.Entries); err != nil {
		return err
	}
	d.fields, d.toml = b.root.Entries, b.rec
	return nil
}

// tomlError places an error of go-toml at its position in the file.
func (d *Doc) tomlError(err error) error {
	var pe *unstable.ParserError
	if errors.As(err, &pe) {
		off := d.fmStart
		if h := pe.Highlight; h != nil {
			off = d.fmStart + cap(d.Raw[d.fmStart:]) - cap(h)
		}
		line, col := d.position(off)
		return diag.Text(d.Name, line, col, "fm_invalid_toml", "Err", tomlProblem(pe.Message))
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		// The column counts bytes; positions count characters.
		off := d.fmStart
		if row-1 < len(d.starts) {
			off = min(d.starts[row-1]+col-1, d.fmEnd)
		}
		line, c := d.position(off)
		return diag.Text(d.Name, line, c, "fm_invalid_toml", "Err", tomlProblem(strings.TrimPrefix(de.Error(), "toml: ")))
	}
	return diag.Text(d.Name, d.fmLine, 1, "fm_invalid_toml", "Err", err)
}

// offset returns the offset in Doc.Raw of a range of the parser's input.
func (b *tomlBuilder) offset(r unstable.Range) int { return b.d.fmStart + int(r.Offset) }

// keyNode makes the model of one part of a key.
func (b *tomlBuilder) keyNode(k *unstable.Node) *Node {
	start := b.offset(k.Raw)
	line, col := b.d.position(start)
	return &Node{Kind: Scalar, Value: string(k.Data), Line: line, Column: col, start: start, end: start + int(k.Raw.Length)}
}

func (b *tomlBuilder) keys(e *unstable.Node) []*unstable.Node {
	var out []*unstable.Node
	it := e.Key()
	for it.Next() {
		out = append(out, it.Node())
	}
	return out
}

func (b *tomlBuilder) tooDeep(at *Node) error {
	return diag.Text(b.d.Name, at.Line, at.Column, "fm_toml_too_deep", "Max", MaxDepth)
}

// expression adds a top-level expression: a key/value, a [table] or a
// [[table]].
func (b *tomlBuilder) expression(e *unstable.Node) error {
	switch e.Kind {
	case unstable.KeyValue:
		return b.keyValue(e)
	case unstable.Table, unstable.ArrayTable:
		return b.table(e)
	}
	return nil
}

// table starts a [table] or an [[array of tables]].
func (b *tomlBuilder) table(e *unstable.Node) error {
	parts := b.keys(e)
	b.inRec = false
	first := b.keyNode(parts[0])
	if b.d.tomlTables == 0 {
		b.d.tomlTables = b.lineStart(first.start)
	}
	if strings.EqualFold(first.Value, RecordKey) {
		if e.Kind == unstable.Table && len(parts) == 1 && b.rec == nil {
			b.rec = &tomlRecord{shape: tomlTable, start: b.lineStart(first.start), end: b.lineEnd(first.end)}
			b.inRec = true
		} else {
			b.rec = &tomlRecord{shape: tomlOther}
		}
	}
	t, depth := b.root, 1
	for i, k := range parts {
		key := b.keyNode(k)
		if depth++; depth > MaxDepth {
			return b.tooDeep(key)
		}
		last := i == len(parts)-1
		child, ok := b.get(t, key.Value)
		switch {
		case !ok && last && e.Kind == unstable.ArrayTable:
			child = &Node{Kind: List, Line: key.Line, Column: key.Column, start: key.start}
			b.add(t, Field{Key: key, Value: child})
		case !ok:
			child = &Node{Kind: Map, Line: key.Line, Column: key.Column, start: key.start}
			b.add(t, Field{Key: key, Value: child})
		}
		if child.Kind == List && (last && e.Kind == unstable.ArrayTable || !last && len(child.Items) > 0) {
			// [[a]] adds an item to a; after it, [a.b] is a table of a's
			// last item.
			if depth++; depth > MaxDepth {
				return b.tooDeep(key)
			}
			if last {
				child.Items = append(child.Items, &Node{Kind: Map, Line: key.Line, Column: key.Column, start: key.start})
			}
			child = child.Items[len(child.Items)-1]
		}
		if child.Kind != Map {
			return diag.Text(b.d.Name, key.Line, key.Column, "fm_toml_key_value", "Key", key.Value)
		}
		t = child
	}
	b.cur, b.depth = t, depth
	return nil
}

// get returns the value of key in table t, looking it up in the index of a
// large table (one with many keys would otherwise take quadratic time).
func (b *tomlBuilder) get(t *Node, key string) (*Node, bool) {
	if ix := b.index[t]; ix != nil {
		i, ok := ix[key]
		if !ok {
			return nil, false
		}
		return t.Entries[i].Value, true
	}
	return t.Get(key)
}

// add appends an entry to table t.
func (b *tomlBuilder) add(t *Node, f Field) {
	t.Entries = append(t.Entries, f)
	switch ix := b.index[t]; {
	case ix != nil:
		ix[f.Key.Value] = len(t.Entries) - 1
	case len(t.Entries) > 32:
		if b.index == nil {
			b.index = map[*Node]map[string]int{}
		}
		ix = make(map[string]int, len(t.Entries))
		for i, e := range t.Entries {
			ix[e.Key.Value] = i
		}
		b.index[t] = ix
	}
}

// keyValue adds key = value to the current table.
func (b *tomlBuilder) keyValue(e *unstable.Node) error {
	parts := b.keys(e)
	first := b.keyNode(parts[0])
	switch {
	case b.cur == b.root && strings.EqualFold(first.Value, RecordKey):
		if len(parts) == 1 && e.Value().Kind == unstable.InlineTable && b.rec == nil {
			b.rec = &tomlRecord{shape: tomlInline, start: b.offset(e.Value().Raw), end: b.offset(e.Raw) + int(e.Raw.Length)}
		} else {
			b.rec = &tomlRecord{shape: tomlOther}
		}
	case b.inRec:
		b.rec.end = b.lineEnd(b.offset(e.Raw) + int(e.Raw.Length))
	}
	return b.set(b.cur, b.depth, parts, e.Value())
}

// set adds the value of a (dotted) key to table t, which is at depth.
func (b *tomlBuilder) set(t *Node, depth int, parts []*unstable.Node, value *unstable.Node) error {
	for i, k := range parts {
		key := b.keyNode(k)
		child, ok := b.get(t, key.Value)
		if i == len(parts)-1 {
			if ok {
				return diag.Text(b.d.Name, key.Line, key.Column, "fm_toml_key_defined", "Key", key.Value)
			}
			// Arrays have no bytes in the parser's tree: the value starts
			// after the key's "=".
			at := key.end
			for at < b.d.fmEnd && strings.IndexByte(" \t=", b.d.Raw[at]) >= 0 {
				at++
			}
			v, err := b.value(value, depth+1, at)
			if err != nil {
				return err
			}
			b.add(t, Field{Key: key, Value: v})
			return nil
		}
		if depth++; depth > MaxDepth {
			return b.tooDeep(key)
		}
		if !ok {
			child = &Node{Kind: Map, Line: key.Line, Column: key.Column, start: key.start}
			b.add(t, Field{Key: key, Value: child})
		}
		if child.Kind != Map {
			return diag.Text(b.d.Name, key.Line, key.Column, "fm_toml_key_value", "Key", key.Value)
		}
		t = child
	}
	return nil
}

// value makes the model of a value, which is at depth if it is an array or
// a table (the parser bounds the recursion; MaxDepth refuses deeper values
// first). at is where it starts when the parser does not say (an array).
func (b *tomlBuilder) value(v *unstable.Node, depth int, at int) (*Node, error) {
	start := at
	if v.Raw.Length > 0 {
		start = b.offset(v.Raw)
	}
	line, col := b.d.position(start)
	n := &Node{Kind: Scalar, Line: line, Column: col, start: start, end: start + int(v.Raw.Length)}
	raw := string(v.Data)
	switch v.Kind {
	case unstable.Array, unstable.InlineTable:
		if depth > MaxDepth {
			return nil, b.tooDeep(n)
		}
		n.Kind = List
		if v.Kind == unstable.InlineTable {
			n.Kind = Map
		}
		it := v.Children()
		for it.Next() {
			c := it.Node()
			switch {
			case c.Kind == unstable.Comment:
			case n.Kind == List:
				item, err := b.value(c, depth+1, start)
				if err != nil {
					return nil, err
				}
				n.Items = append(n.Items, item)
			case c.Kind == unstable.KeyValue:
				if err := b.set(n, depth, b.keys(c), c.Value()); err != nil {
					return nil, err
				}
			}
		}
	case unstable.String:
		n.Value = raw
	case unstable.Bool:
		n.Type, n.Value, n.data = Bool, raw, raw == "true"
	case unstable.Integer:
		i, err := strconv.ParseInt(strings.TrimPrefix(raw, "+"), 0, 64)
		if err != nil {
			return nil, diag.Text(b.d.Name, line, col, "fm_toml_int_64", "Value", raw)
		}
		n.Type, n.Value, n.data = Int, strconv.FormatInt(i, 10), i
	case unstable.Float:
		n.Type, n.Value = Float, strings.ReplaceAll(raw, "_", "")
		f, err := parseTOMLFloat(n.Value)
		if err != nil {
			return nil, diag.Text(b.d.Name, line, col, "fm_toml_not_number", "Value", raw)
		}
		n.data = f
		if (math.IsNaN(f) || math.IsInf(f, 0)) && b.d.nan == nil {
			b.d.nan = n
		}
	default: // dates and times
		n.Type, n.Value = Date, raw
	}
	return n, nil
}

// parseTOMLFloat reads a TOML float, nan and inf included.
func parseTOMLFloat(s string) (float64, error) {
	switch strings.TrimLeft(s, "+-") {
	case "nan":
		return math.NaN(), nil
	case "inf":
		if strings.HasPrefix(s, "-") {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	}
	return strconv.ParseFloat(s, 64)
}

// lineStart returns the offset of the start of the line of off.
func (b *tomlBuilder) lineStart(off int) int {
	for off > b.d.fmStart && b.d.Raw[off-1] != '\n' {
		off--
	}
	return off
}

// lineEnd returns the offset after the newline that ends the line of off
// (or the end of the front matter).
func (b *tomlBuilder) lineEnd(off int) int {
	for off < b.d.fmEnd {
		off++
		if b.d.Raw[off-1] == '\n' {
			break
		}
	}
	return off
}

// uniqueTop refuses two top-level keys that are equal ignoring case, which
// Hugo reads as one.
func (d *Doc) uniqueTop(entries []Field) error {
	dup := func(i, j int) error {
		k := entries[i].Key
		return diag.Text(d.Name, k.Line, k.Column, "fm_duplicate_top_key", "Key", strconv.Quote(k.Value), "First", entries[j].Key.Line)
	}
	if len(entries) <= 32 {
		for i := 1; i < len(entries); i++ {
			for j := 0; j < i; j++ {
				if strings.EqualFold(entries[i].Key.Value, entries[j].Key.Value) {
					return dup(i, j)
				}
			}
		}
		return nil
	}
	seen := make(map[string]int, len(entries))
	for i, e := range entries {
		k := foldKey(e.Key.Value)
		if j, ok := seen[k]; ok {
			return dup(i, j)
		}
		seen[k] = i
	}
	return nil
}

// tomlDate reports whether s is a date or time that TOML reads without
// quotes.
func tomlDate(s string) bool {
	if strings.ContainsAny(s, "\n#=") {
		return false
	}
	var m map[string]any
	if toml.Unmarshal([]byte("d = "+s+"\n"), &m) != nil {
		return false
	}
	switch m["d"].(type) {
	case time.Time, toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return true
	}
	return false
}
