package check

import (
	"strings"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"gopkg.in/yaml.v3"
)

// sourceFields checks that the source has every required field.
func sourceFields(cfg *config.Config, id string, src *project.Version) []Finding {
	f := finder{id: id, lang: src.Lang, file: src.Path}
	var out []Finding
	for _, name := range cfg.Required {
		if fld, ok := src.Doc.Get(name); !ok || blank(fld.Value) {
			out = append(out, f.at(MissingField, fmLine(src.Doc), "required field %s is missing from the source", name))
		}
	}
	return out
}

// translationFields checks a translation's front matter against its
// source's: translated fields present and not empty, shared fields (which
// live in the source) either absent or equal to the source's.
func translationFields(cfg *config.Config, f finder, src, tr *project.Version) []Finding {
	var out []Finding
	srcName := langName(cfg, src.Lang)
	for _, name := range cfg.Translatable {
		sf, inSrc := src.Doc.Get(name)
		tf, inTr := tr.Doc.Get(name)
		switch {
		case !inTr && (required(cfg, name) || inSrc && !blank(sf.Value)):
			out = append(out, f.at(MissingField, fmLine(tr.Doc), "translated field %s is missing (the %s source has it)", name, srcName))
		case inTr && blank(tf.Value) && inSrc && !blank(sf.Value):
			out = append(out, f.at(Empty, tf.Key.Line, "translated field %s is empty; the %s source has %s", name, srcName, quote(showValue(sf.Value))))
		}
	}
	for _, tf := range tr.Doc.Fields() {
		key := tf.Key.Value
		if cfg.IsTranslatable(key) || strings.EqualFold(key, frontmatter.RecordKey) {
			continue
		}
		sf, ok := src.Doc.Get(key)
		if !ok {
			out = append(out, f.at(SharedFieldMismatch, tf.Key.Line, "field %s is set here but not in the %s source; shared fields live in the source (or list %s under translatable in ceviri.yaml)", key, srcName, key))
			continue
		}
		if !equalNodes(sf.Value, tf.Value) {
			out = append(out, f.at(SharedFieldMismatch, tf.Key.Line, "shared field %s is %s in the %s source, %s here; remove it from the translation or make it equal", key, quote(showValue(sf.Value)), srcName, quote(showValue(tf.Value))))
		}
	}
	return out
}

func required(cfg *config.Config, name string) bool {
	for _, r := range cfg.Required {
		if strings.EqualFold(r, name) {
			return true
		}
	}
	return false
}

// fmLine is the line findings about the front matter as a whole point at.
// It is the first line of the file, where the front matter starts.
func fmLine(*frontmatter.Doc) int { return 1 }

// blank reports whether a field's value is empty: null, "", [] or {}.
func blank(n *yaml.Node) bool {
	n = deref(n)
	if n == nil {
		return true
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!null" || strings.TrimSpace(n.Value) == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// equalNodes compares two YAML values by what they mean, not how they are
// written: quoting, flow or block style, key order and comments do not count.
func equalNodes(a, b *yaml.Node) bool {
	return equalDepth(a, b, 0)
}

func equalDepth(a, b *yaml.Node, depth int) bool {
	a, b = deref(a), deref(b)
	if a == nil || b == nil || depth > 64 {
		return a == b
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		return a.Value == b.Value
	case yaml.SequenceNode:
		if len(a.Content) != len(b.Content) {
			return false
		}
		for i := range a.Content {
			if !equalDepth(a.Content[i], b.Content[i], depth+1) {
				return false
			}
		}
		return true
	case yaml.MappingNode:
		if len(a.Content) != len(b.Content) {
			return false
		}
		for i := 0; i+1 < len(a.Content); i += 2 {
			found := false
			for j := 0; j+1 < len(b.Content); j += 2 {
				if a.Content[i].Value == b.Content[j].Value {
					found = equalDepth(a.Content[i+1], b.Content[j+1], depth+1)
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	return true
}

// showValue renders a YAML value on one line for a message.
func showValue(n *yaml.Node) string {
	n = deref(n)
	if n == nil {
		return ""
	}
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	c := *n
	c.Style = yaml.FlowStyle
	b, err := yaml.Marshal(&c)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
