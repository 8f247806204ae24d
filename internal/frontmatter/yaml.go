package frontmatter

import (
	"bytes"
	"strings"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/fastpath"
	"gopkg.in/yaml.v3"
)

// parseYAML reads the YAML between the --- lines: through fastYAML when it
// can, yaml.v3 otherwise, then check's limits, then the model.
func (d *Doc) parseYAML() error {
	fm := d.Raw[d.fmStart:d.fmEnd]
	if len(bytes.TrimSpace(fm)) == 0 {
		return nil
	}
	var root *yaml.Node
	ok := false
	if fastpath.On() {
		root, ok = fastYAML(fm)
	}
	if !ok {
		var n yaml.Node
		if err := yaml.Unmarshal(fm, &n); err != nil {
			return config.YAMLError(d.Name, fm, d.fmLine-1, err)
		}
		if len(n.Content) == 0 {
			return nil
		}
		root = n.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		shiftLine(root, d.fmLine-1)
		return diag.Text(d.Name, root.Line, root.Column, "fm_not_mapping")
	}
	nan, err := check(d.Name, root, d.fmLine-1)
	if err != nil {
		return err
	}
	d.yroot = root
	var c fromYAML
	d.fields = c.node(root).Entries
	if nan != nil {
		d.nan = c.node(nan)
	}
	return nil
}

// shiftLine moves n's line by off, so that it is a file line.
func shiftLine(n *yaml.Node, off int) { n.Line += off }

// yfield is a top-level entry of YAML front matter as yaml.v3 read it (an
// alias as an alias), for the code that edits YAML in place.
type yfield struct{ Key, Value *yaml.Node }

// yfields returns the top-level entries of YAML front matter in file order.
func (d *Doc) yfields() []yfield {
	if d.yroot == nil {
		return nil
	}
	out := make([]yfield, 0, len(d.yroot.Content)/2)
	for i := 0; i+1 < len(d.yroot.Content); i += 2 {
		out = append(out, yfield{d.yroot.Content[i], d.yroot.Content[i+1]})
	}
	return out
}

// yget returns the YAML entry whose key equals key, ignoring case.
func (d *Doc) yget(key string) (yfield, bool) {
	for _, f := range d.yfields() {
		if strings.EqualFold(f.Key.Value, key) {
			return f, true
		}
	}
	return yfield{}, false
}
