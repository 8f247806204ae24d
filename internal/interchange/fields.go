package interchange

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"gopkg.in/yaml.v3"
)

// setFields sets translatable fields in the front matter: "title" is a
// top-level field, "tags.1" an item of a list. A field the translation does
// not have yet is copied from the source first.
func setFields(doc, srcDoc *frontmatter.Doc, fields map[string]string) ([]byte, error) {
	if doc.Root == nil {
		doc.Root = &yaml.Node{Kind: yaml.MappingNode}
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		name, idx := key, -1
		if _, ok := srcDoc.Get(key); !ok {
			if i := strings.LastIndexByte(key, '.'); i > 0 {
				if n, err := strconv.Atoi(key[i+1:]); err == nil {
					name, idx = key[:i], n
				}
			}
		}
		f, ok := doc.Get(name)
		if !ok {
			sf, ok := srcDoc.Get(name)
			if !ok {
				return nil, fmt.Errorf("%s: field %q is in neither the translation nor the source", doc.Name, name)
			}
			k, v := clone(sf.Key), clone(sf.Value)
			doc.Root.Content = append(doc.Root.Content, k, v)
			f = frontmatter.Field{Key: k, Value: v}
		}
		n := f.Value
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return nil, diag.Errorf(doc.Name, n.Line, n.Column, "field %s has no item %d to translate", name, idx)
			}
			n = n.Content[idx]
		}
		if n.Kind != yaml.ScalarNode {
			return nil, diag.Errorf(doc.Name, n.Line, n.Column, "field %s is not a string", key)
		}
		n.Value, n.Tag = fields[key], "!!str"
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc.Root); err != nil {
		return nil, fmt.Errorf("%s: encoding front matter: %w", doc.Name, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("%s: encoding front matter: %w", doc.Name, err)
	}
	fm := buf.Bytes()
	raw := doc.Raw
	if !doc.HasFrontMatter {
		return append(append(append([]byte("---\n"), fm...), "---\n\n"...), raw...), nil
	}
	if bytes.Contains(raw[:doc.FMEnd], []byte("\r\n")) {
		fm = bytes.ReplaceAll(fm, []byte("\n"), []byte("\r\n"))
	}
	return append(append(append([]byte{}, raw[:doc.FMStart]...), fm...), raw[doc.FMEnd:]...), nil
}

// clone copies a YAML node without its comments.
func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = clone(k)
	}
	return &c
}
