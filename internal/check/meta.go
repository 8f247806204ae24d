package check

import (
	"encoding/binary"
	"errors"
	"sort"
	"strings"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
)

// sourceFields checks that the source has every required field and the
// well-known fields in the shapes build can publish. Fields are required
// only where a version has front matter: a site whose pages have none
// (a command reference) is not told to add a title to each.
func sourceFields(cfg *config.Config, id string, src *project.Version) []Finding {
	f := finder{id: id, lang: src.Lang, file: src.Path}
	var out []Finding
	for _, name := range cfg.Required {
		if !src.Doc.HasFrontMatter {
			break
		}
		if fld, ok := src.Doc.Get(name); !ok || fld.Value.Blank() {
			out = append(out, f.at(MissingField, fmLine(src.Doc), "check_required_field", "Field", name))
		}
	}
	return append(out, unpublishable(f, src.Doc, true)...)
}

// unpublishable turns what build would refuse in a version's front matter
// (frontmatter.CheckFields, which build runs too) into invalid-front-matter
// findings, so that check passes only what build can publish.
func unpublishable(f finder, d *frontmatter.Doc, source bool) []Finding {
	var out []Finding
	for _, err := range d.CheckFields(source) {
		var pe *diag.PosError
		if errors.As(err, &pe) {
			out = append(out, f.at(InvalidFrontMatter, pe.Line, "check_error", "Err", pe.Err))
		} else {
			out = append(out, f.at(InvalidFrontMatter, fmLine(d), "check_error", "Err", err))
		}
	}
	return out
}

// translationFields checks a translation's front matter against its
// source's: translated fields present and not empty, shared fields (which
// live in the source) either absent or equal to the source's. Local fields
// (config local:, and the placeholder field) are each version's own: never
// compared. A translation without front matter has no fields to miss (see
// sourceFields).
func translationFields(cfg *config.Config, f finder, src, tr *project.Version) []Finding {
	out := unpublishable(f, tr.Doc, false)
	var eq canon
	srcName := langName(cfg, src.Lang)
	for _, name := range cfg.Translatable {
		sf, inSrc := src.Doc.Get(name)
		tf, inTr := tr.Doc.Get(name)
		switch {
		case !inTr && tr.Doc.HasFrontMatter && (required(cfg, name) || inSrc && !sf.Value.Blank()):
			out = append(out, f.at(MissingField, fmLine(tr.Doc), "check_translated_field_missing", "Field", name, "Source", srcName))
		case inTr && tf.Value.Blank() && inSrc && !sf.Value.Blank():
			out = append(out, f.at(Empty, tf.Key.Line, "check_translated_field_empty", "Field", name, "Source", srcName, "Value", quote(sf.Value.Inline())))
		}
	}
	for _, tf := range tr.Doc.Fields() {
		key := tf.Key.Value
		if cfg.IsTranslatable(key) || cfg.IsLocal(key) || strings.EqualFold(key, frontmatter.RecordKey) {
			continue
		}
		sf, ok := src.Doc.Get(key)
		if !ok {
			out = append(out, f.at(SharedFieldMismatch, tf.Key.Line, "check_field_not_in_source", "Field", key, "Source", srcName))
			continue
		}
		if !eq.equal(sf.Value, tf.Value) {
			out = append(out, f.at(SharedFieldMismatch, tf.Key.Line, "check_shared_field_differs", "Field", key, "SourceValue", quote(sf.Value.Inline()), "Source", srcName, "Value", quote(tf.Value.Inline())))
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

// canon compares front-matter values by what they mean, not how they are
// written: quoting, flow or block style, key order, comments, aliases and
// the format (a TOML array equals a YAML list) do not count. It gives each
// value an id, equal for equal values, built from the ids of its items, so
// that a node is looked at once however many aliases stand for it:
// comparing never expands an alias graph (issue 11: a 600-byte alias bomb
// in a shared field made check run for 90 s). frontmatter.Parse bounds the
// depth of the recursion.
type canon struct {
	ids  map[*frontmatter.Node]int
	keys map[string]int
}

func (c *canon) equal(a, b *frontmatter.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind == frontmatter.Scalar && b.Kind == frontmatter.Scalar {
		return a.Value == b.Value
	}
	return c.id(a) == c.id(b)
}

// id returns the id of n's value.
func (c *canon) id(n *frontmatter.Node) int {
	if id, ok := c.ids[n]; ok {
		return id
	}
	var key []byte
	switch n.Kind {
	case frontmatter.Scalar:
		key = append([]byte{'s'}, n.Value...)
	case frontmatter.List:
		key = []byte{'q'}
		for _, item := range n.Items {
			key = binary.AppendUvarint(key, uint64(c.id(item)))
		}
	case frontmatter.Map:
		// Keys are each once in a mapping (frontmatter.Parse), so sorting
		// the entries by key gives one order for equal mappings.
		type entry struct {
			key string
			id  int
		}
		entries := make([]entry, 0, len(n.Entries))
		for _, e := range n.Entries {
			entries = append(entries, entry{e.Key.Value, c.id(e.Value)})
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
		key = []byte{'m'}
		for _, e := range entries {
			key = binary.AppendUvarint(key, uint64(len(e.key)))
			key = append(key, e.key...)
			key = binary.AppendUvarint(key, uint64(e.id))
		}
	default:
		key = []byte{'?'}
	}
	if c.ids == nil {
		c.ids, c.keys = map[*frontmatter.Node]int{}, map[string]int{}
	}
	id, ok := c.keys[string(key)]
	if !ok {
		id = len(c.keys)
		c.keys[string(key)] = id
	}
	c.ids[n] = id
	return id
}
