package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"gopkg.in/yaml.v3"
)

// parser collects positioned errors while walking the YAML tree.
type parser struct {
	name string
	errs []error
}

func (p *parser) errf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, diag.Errorf(p.name, n.Line, n.Column, format, args...))
}

// mapping calls fn for every key of a mapping node, in file order, and
// reports a duplicate key once.
func (p *parser) mapping(n *yaml.Node, fn func(k string, key, value *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errf(n, "expected a mapping, found %s", kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i], n.Content[i+1]
		if seen[key.Value] {
			p.errf(key, "duplicate key %q", key.Value)
			continue
		}
		seen[key.Value] = true
		fn(key.Value, key, v)
	}
}

func (p *parser) scalar(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.ScalarNode {
		p.errf(n, "expected a single value, found %s", kindName(n))
		return nil
	}
	return n
}

func (p *parser) strings(n *yaml.Node) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		p.errf(n, "expected a list, found %s", kindName(n))
		return nil
	}
	var out []*yaml.Node
	for _, item := range n.Content {
		if s := p.scalar(item); s != nil {
			out = append(out, s)
		}
	}
	return out
}

func (p *parser) oneOf(n *yaml.Node, allowed ...string) string {
	s := p.scalar(n)
	if s == nil {
		return ""
	}
	for _, a := range allowed {
		if s.Value == a {
			return a
		}
	}
	p.errf(s, "%q is not one of %s", s.Value, strings.Join(allowed, ", "))
	return ""
}

func values(nodes []*yaml.Node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.Value)
	}
	return out
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	default:
		if n.Value == "" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: mapping values are
// not allowed in this context") into a positioned error.
func (p *parser) yamlError(err error) error {
	return YAMLError(p.name, 0, err)
}

// YAMLError positions a yaml.v3 error in file name, whose YAML text starts
// after lineOffset lines (front matter starts after its --- line).
func YAMLError(name string, lineOffset int, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return diag.Errorf(name, line+lineOffset, 1, "invalid YAML: %s", m[2])
	}
	return diag.Errorf(name, lineOffset+1, 1, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// ValidateContent checks a content path template: relative, with exactly
// one {id} and one {lang}, ending in .md.
func ValidateContent(tmpl string) error {
	switch {
	case strings.Count(tmpl, "{id}") != 1 || strings.Count(tmpl, "{lang}") != 1:
		return fmt.Errorf("content template %q must contain {id} and {lang} once each", tmpl)
	case strings.HasPrefix(tmpl, "/") || strings.Contains(tmpl, ".."):
		return fmt.Errorf("content template %q must be a path inside the project", tmpl)
	case !strings.HasSuffix(tmpl, ".md"):
		return fmt.Errorf("content template %q must end in .md", tmpl)
	}
	return nil
}
