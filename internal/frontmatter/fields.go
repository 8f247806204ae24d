package frontmatter

import (
	"fmt"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// The well-known shared fields (docs/reference.md) have shapes that bundles
// rely on. Build reads them with the functions below and check reports what
// CheckFields finds with the same functions, so that check passes exactly
// what build can publish.

// Reference is one source an article cites: an item of references.
type Reference struct {
	Title     string `json:"title,omitempty" yaml:"title"`
	Publisher string `json:"publisher,omitempty" yaml:"publisher"`
	URL       string `json:"url,omitempty" yaml:"url"`
}

// CheckFields reports, with positions, what in the front matter build cannot
// publish: a number JSON cannot hold (.nan, .inf) in any version, and in a
// source version a date, authors, tags or references of the wrong shape.
func (d *Doc) CheckFields(source bool) []error {
	var errs []error
	if d.nan != nil {
		errs = append(errs, diag.Errorf(d.Name, d.nan.Line, d.nan.Column,
			"%s is not a number that JSON can hold; quote it ('%s') to keep it as text", d.nan.Value, d.nan.Value))
	}
	if !source {
		return errs
	}
	if _, _, err := d.Date(); err != nil {
		errs = append(errs, err)
	}
	if _, err := d.Authors(); err != nil {
		errs = append(errs, err)
	}
	if _, err := d.Strings("tags"); err != nil {
		errs = append(errs, err)
	}
	if _, err := d.References(); err != nil {
		errs = append(errs, err)
	}
	diag.Sort(errs)
	return errs
}

// Date reads the date field as written and as a time: YYYY-MM-DD or RFC 3339.
// It returns "" and no error when there is no date.
func (d *Doc) Date() (string, time.Time, error) {
	f, ok := d.Get("date")
	if !ok {
		return "", time.Time{}, nil
	}
	v := deref(f.Value)
	if v.Kind != yaml.ScalarNode {
		return "", time.Time{}, diag.Errorf(d.Name, f.Value.Line, f.Value.Column, "date must be a single value: YYYY-MM-DD or RFC 3339 (2025-12-03T10:00:00+03:00)")
	}
	t, err := ParseDate(v.Value)
	if err != nil {
		return "", time.Time{}, diag.Errorf(d.Name, f.Value.Line, f.Value.Column, "%v", err)
	}
	return v.Value, t, nil
}

// ParseDate reads a front-matter date: YYYY-MM-DD or RFC 3339.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q is neither YYYY-MM-DD nor RFC 3339 (2025-12-03T10:00:00+03:00)", s)
}

// Authors reads the authors' names: authors as a list of {name: ...} or of
// names, or a single author: name.
func (d *Doc) Authors() ([]string, error) {
	f, ok := d.Get("authors")
	if !ok {
		if f, ok := d.Get("author"); ok {
			if v := deref(f.Value); v.Kind == yaml.ScalarNode && v.Value != "" {
				return []string{v.Value}, nil
			}
		}
		return nil, nil
	}
	list := deref(f.Value)
	if list.Kind != yaml.SequenceNode {
		return nil, diag.Errorf(d.Name, f.Value.Line, f.Value.Column, "authors must be a list of {name: ...}")
	}
	var out []string
	for _, item := range list.Content {
		n := deref(item)
		switch n.Kind {
		case yaml.ScalarNode:
			out = append(out, n.Value)
		case yaml.MappingNode:
			name := ""
			for i := 0; i+1 < len(n.Content); i += 2 {
				if v := deref(n.Content[i+1]); n.Content[i].Value == "name" && v.Kind == yaml.ScalarNode {
					name = v.Value
				}
			}
			if name == "" {
				return nil, diag.Errorf(d.Name, item.Line, item.Column, "an author needs a name")
			}
			out = append(out, name)
		default:
			return nil, diag.Errorf(d.Name, item.Line, item.Column, "an author is a name or {name: ...}")
		}
	}
	return out, nil
}

// Strings reads a list of strings, or a single string, such as tags. Empty
// items are left out: Hugo sites leave empty tags behind.
func (d *Doc) Strings(key string) ([]string, error) {
	f, ok := d.Get(key)
	if !ok {
		return nil, nil
	}
	switch v := deref(f.Value); v.Kind {
	case yaml.ScalarNode:
		if v.Value == "" {
			return nil, nil
		}
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, item := range v.Content {
			n := deref(item)
			if n.Kind != yaml.ScalarNode {
				return nil, diag.Errorf(d.Name, item.Line, item.Column, "%s: each item must be a string", key)
			}
			if strings.TrimSpace(n.Value) != "" {
				out = append(out, n.Value)
			}
		}
		return out, nil
	}
	return nil, diag.Errorf(d.Name, f.Value.Line, f.Value.Column, "%s must be a list of strings", key)
}

// References reads references: a list of {title, publisher, url}.
func (d *Doc) References() ([]Reference, error) {
	f, ok := d.Get("references")
	if !ok {
		return nil, nil
	}
	var out []Reference
	if err := f.Value.Decode(&out); err != nil {
		return nil, diag.Errorf(d.Name, f.Value.Line, f.Value.Column, "references must be a list of {title, publisher, url}")
	}
	return out, nil
}

// deref follows an alias to the value it stands for.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}
