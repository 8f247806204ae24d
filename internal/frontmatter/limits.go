package frontmatter

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// Limits on the YAML of front matter. Parse refuses what goes beyond them,
// so that every command accepts and refuses the same files (what check
// passes, build can read) and no reader of the nodes does unbounded work on a
// small hostile file: a 600-byte "billion laughs" of nested aliases stands
// for 387 million values (issue 11).
const (
	// MaxDepth is how deeply mappings and sequences may nest, the top-level
	// mapping counting as one and aliases counting as what they stand for.
	// encoding/json refuses 10,000 levels; real front matter has a handful.
	MaxDepth = 100
	// MaxAliasValues and MaxExpandedValues bound alias expansion. Front
	// matter is refused when its aliases stand for more than MaxAliasValues
	// values and, with every alias expanded, it holds more than
	// MaxExpandedValues. Values are counted as yaml.v3 counts its decoding
	// steps (a mapping key is one, a mapping with a << merge counts its keys
	// twice), so within these bounds yaml.v3's own guard against excessive
	// aliasing, which trips past 100 aliased and 1,000 decoded values, never
	// refuses a field that Parse accepted.
	MaxAliasValues    = 100
	MaxExpandedValues = 1000
)

// extent is what a node stands for once its aliases are expanded.
type extent struct {
	cost   int // yaml.v3 decoding steps, saturated at maxCount
	height int // nested collections, 0 for a scalar
}

// maxCount caps the counts so that a bomb cannot overflow them.
const maxCount = math.MaxInt32

func sat(a, b int) int {
	if a+b > maxCount {
		return maxCount
	}
	return a + b
}

// checker walks the nodes yaml.v3 or fastYAML built, moving their lines to
// file lines and checking them (see check).
type checker struct {
	name string
	off  int // lines of the file before the YAML text
	// open holds the anchored collections being walked: an alias to one of
	// them is a value that contains itself.
	open []*yaml.Node
	// done holds the extents of anchored nodes already walked. Anchors come
	// before their aliases, so an alias finds its target here or in open.
	done map[*yaml.Node]extent
	// Running totals over the document: decoding steps of the whole front
	// matter and those that aliases stand for.
	cost, aliased int
	// over is the alias after which the aliases stood for more than
	// MaxAliasValues values.
	over *yaml.Node
	// nan is the first float that JSON cannot hold (.nan, .inf), which
	// CheckFields reports.
	nan *yaml.Node
}

// check moves every node of root to file lines (they count from the YAML
// text) and refuses, with its position, what some command could not read
// or could read only with unbounded work: nesting deeper than MaxDepth,
// alias expansion beyond MaxAliasValues and MaxExpandedValues, an alias
// inside the value of its own anchor, a key that is a mapping, list or
// alias, the same key twice in a mapping (at the top level ignoring case, as
// Hugo does), a merge key (<<) whose value is not a mapping or a list of
// mappings, and a tagged value that does not fit its tag (!!int x). On front
// matter that check accepts, yaml.v3 decodes every field into Go values
// without an error (FuzzParse checks it).
func check(name string, root *yaml.Node, off int) (nan *yaml.Node, err error) {
	c := &checker{name: name, off: off}
	if _, err := c.walk(root, 0); err != nil {
		return nil, err
	}
	if c.aliased > MaxAliasValues && c.cost > MaxExpandedValues {
		return nil, c.at(c.over, "fm_yaml_aliases_limit", "Aliased", MaxAliasValues, "Total", MaxExpandedValues)
	}
	return c.nan, nil
}

// at returns message id of frontmatter's message files (clitext), with its
// pairs of names and values, as an error at n.
func (c *checker) at(n *yaml.Node, id string, pairs ...any) error {
	return diag.Text(c.name, n.Line, n.Column, id, pairs...)
}

// walk checks n, which level collections enclose, and returns its extent.
func (c *checker) walk(n *yaml.Node, level int) (extent, error) {
	n.Line += c.off
	c.cost = sat(c.cost, 1)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Style&yaml.TaggedStyle != 0 {
			if err := c.tagged(n); err != nil {
				return extent{}, err
			}
		}
		if n.Tag == "!!float" && c.nan == nil && notFinite(n) {
			c.nan = n
		}
		e := extent{cost: 1}
		if n.Anchor != "" {
			c.remember(n, e)
		}
		return e, nil
	case yaml.AliasNode:
		return c.alias(n, level)
	case yaml.MappingNode, yaml.SequenceNode:
	default:
		return extent{}, c.at(n, "fm_yaml_unexpected_node")
	}
	if level+1 > MaxDepth {
		return extent{}, c.at(n, "fm_yaml_too_deep", "Max", MaxDepth)
	}
	if n.Anchor != "" {
		c.open = append(c.open, n)
	}
	e := extent{cost: 1}
	for _, child := range n.Content {
		ce, err := c.walk(child, level+1)
		if err != nil {
			return extent{}, err
		}
		e.cost = sat(e.cost, ce.cost)
		e.height = max(e.height, ce.height)
	}
	if n.Kind == yaml.MappingNode {
		if err := c.keys(n, level); err != nil {
			return extent{}, err
		}
		if hasMerge(n) {
			// yaml.v3 decodes the keys of a mapping with a merge twice.
			e.cost = sat(e.cost, len(n.Content)/2)
			c.cost = sat(c.cost, len(n.Content)/2)
		}
	}
	e.height++
	if n.Anchor != "" {
		c.open = c.open[:len(c.open)-1]
		c.remember(n, e)
	}
	return e, nil
}

func (c *checker) remember(n *yaml.Node, e extent) {
	if c.done == nil {
		c.done = map[*yaml.Node]extent{}
	}
	c.done[n] = e
}

// alias counts what an alias stands for without walking it again.
func (c *checker) alias(n *yaml.Node, level int) (extent, error) {
	t := n.Alias
	for _, o := range c.open {
		if o == t {
			return extent{}, c.at(n, "fm_alias_in_own_anchor", "Name", n.Value)
		}
	}
	te, ok := c.done[t]
	if t == nil || !ok {
		return extent{}, c.at(n, "fm_alias_no_value", "Name", n.Value)
	}
	if level+te.height > MaxDepth {
		return extent{}, c.at(n, "fm_alias_too_deep", "Name", n.Value, "Max", MaxDepth)
	}
	c.cost = sat(c.cost, te.cost)
	c.aliased = sat(c.aliased, te.cost)
	if c.over == nil && c.aliased > MaxAliasValues {
		c.over = n
	}
	return extent{cost: sat(1, te.cost), height: te.height}, nil
}

// keys checks the keys of mapping n, whose nodes are walked: scalars, each
// once, a merge key with a mapping or a list of them.
func (c *checker) keys(n *yaml.Node, level int) error {
	pairs := n.Content
	for i := 0; i+1 < len(pairs); i += 2 {
		k := pairs[i]
		switch k.Kind {
		case yaml.ScalarNode:
		case yaml.AliasNode:
			return c.at(k, "fm_alias_key", "Name", k.Value)
		default:
			return c.at(k, "fm_collection_key")
		}
		if isMerge(k) && !mergeable(pairs[i+1]) {
			return c.at(pairs[i+1], "fm_merge_value")
		}
	}
	if level == 0 {
		return c.unique(pairs, strings.EqualFold, "fm_duplicate_top_key")
	}
	return c.unique(pairs, func(a, b string) bool { return a == b }, "fm_duplicate_key")
}

// unique reports the second of two keys that same finds equal. Small
// mappings, nearly all of them, are compared pair by pair without
// allocating; large ones through a map.
func (c *checker) unique(pairs []*yaml.Node, same func(a, b string) bool, id string) error {
	if len(pairs) <= 32 {
		for i := 2; i+1 < len(pairs); i += 2 {
			for j := 0; j < i; j += 2 {
				if same(pairs[j].Value, pairs[i].Value) {
					return c.at(pairs[i], id, "Key", strconv.Quote(pairs[i].Value), "First", pairs[j].Line)
				}
			}
		}
		return nil
	}
	fold := same("a", "A")
	seen := make(map[string]int, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		v := pairs[i].Value
		if fold {
			v = foldKey(v)
		}
		if j, ok := seen[v]; ok && same(pairs[j].Value, pairs[i].Value) {
			return c.at(pairs[i], id, "Key", strconv.Quote(pairs[i].Value), "First", pairs[j].Line)
		}
		seen[v] = i
	}
	return nil
}

// foldKey maps the strings that strings.EqualFold finds equal to one
// string: each rune becomes the least rune of its case-folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// tagged checks that a scalar with an explicit tag decodes as that tag says
// (!!int 12, not !!int twelve), as yaml.v3 requires when it decodes it.
func (c *checker) tagged(n *yaml.Node) error {
	switch n.Tag {
	case "!!bool", "!!int", "!!float", "!!null", "!!timestamp", "!!binary":
	default:
		return nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return c.at(n, "fm_tagged", "Value", strconv.Quote(n.Value), "Tag", n.Tag)
	}
	return nil
}

// notFinite reports whether a float scalar is .nan or .inf, which JSON
// cannot hold.
func notFinite(n *yaml.Node) bool {
	if !strings.ContainsAny(n.Value, "nN") {
		return false
	}
	var f float64
	if err := n.Decode(&f); err != nil {
		return false
	}
	return math.IsNaN(f) || math.IsInf(f, 0)
}

// isMerge reports whether k is the merge key <<, as yaml.v3 decides it.
func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "" || k.Tag == "!" || k.Tag == "!!merge")
}

func hasMerge(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if isMerge(n.Content[i]) {
			return true
		}
	}
	return false
}

// mergeable reports whether v can follow a merge key: a mapping, an alias
// of one, or a list of these.
func mergeable(v *yaml.Node) bool {
	isMap := func(n *yaml.Node) bool {
		return n.Kind == yaml.MappingNode || n.Kind == yaml.AliasNode && n.Alias != nil && n.Alias.Kind == yaml.MappingNode
	}
	if v.Kind != yaml.SequenceNode {
		return isMap(v)
	}
	for _, item := range v.Content {
		if !isMap(item) {
			return false
		}
	}
	return true
}
