package config

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"golang.org/x/text/language"
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

var (
	yamlLine      = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: mapping values are
// not allowed in this context") into a positioned error.
func (p *parser) yamlError(src []byte, err error) error {
	return YAMLError(p.name, src, 0, err)
}

// YAMLError positions a yaml.v3 error about src in file name, whose YAML
// text src starts after lineOffset lines (front matter starts after its ---
// line). yaml.v3 names the line of most errors, not the column; an unknown
// alias and a control character it does not place at all, so they are
// looked for in src.
func YAMLError(name string, src []byte, lineOffset int, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return diag.Errorf(name, line+lineOffset, 1, "invalid YAML: %s", m[2])
	}
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		if line, col, ok := findAlias(src, m[1]); ok {
			return diag.Errorf(name, line+lineOffset, col, "invalid YAML: alias *%s names no anchor (&%s) before it", m[1], m[1])
		}
	}
	if msg == "yaml: control characters are not allowed" {
		if line, col, r, ok := findControl(src); ok {
			return diag.Errorf(name, line+lineOffset, col, "invalid YAML: control character %U is not allowed", r)
		}
	}
	return diag.Errorf(name, lineOffset+1, 1, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// findAlias returns the line and column (in characters, 1-based) of the
// first alias *anchor in src.
func findAlias(src []byte, anchor string) (line, col int, ok bool) {
	line, col = 1, 1
	prev := ' '
	s := string(src)
	for i, r := range s {
		if r == '*' && strings.ContainsRune(" \t\n[{,", prev) && strings.HasPrefix(s[i+1:], anchor) {
			rest := s[i+1+len(anchor):]
			if rest == "" || strings.ContainsAny(rest[:1], " \t\r\n,[]{}") {
				return line, col, true
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		prev = r
	}
	return 0, 0, false
}

// findControl returns the position of the first character that YAML does
// not allow in a stream (yaml.v3's reader refuses it).
func findControl(src []byte) (line, col int, r rune, ok bool) {
	line, col = 1, 1
	for _, r := range string(src) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\t' || r == '\r' || r == 0x85 || r >= 0x20 && r <= 0x7e || r >= 0xa0 && r <= 0xd7ff ||
			r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff:
		default:
			return line, col, r, true
		}
		col++
	}
	return 0, 0, 0, false
}

// Extensions are the file name endings a content template may have.
var Extensions = []string{".md", ".markdown", ".mdx"}

// ValidateContent checks a content path template given for every language:
// relative, with {id} and {lang} once each, ending in a Markdown extension.
func ValidateContent(tmpl string) error {
	if strings.Count(tmpl, "{id}") != 1 || strings.Count(tmpl, "{lang}") != 1 {
		return fmt.Errorf("content template %q must contain {id} and {lang} once each (or give each language its own template: content: {en: \"docs/{id}.md\", tr: \"tr/docs/{id}.md\"})", tmpl)
	}
	return validatePath(tmpl)
}

// ValidateTemplate checks the template of one language: relative, with
// {id} once and {lang} at most once, ending in a Markdown extension.
func ValidateTemplate(tmpl string) error {
	if strings.Count(tmpl, "{id}") != 1 || strings.Count(tmpl, "{lang}") > 1 {
		return fmt.Errorf("content template %q must contain {id} once (and {lang} at most once)", tmpl)
	}
	return validatePath(tmpl)
}

func validatePath(tmpl string) error {
	switch {
	case strings.HasPrefix(tmpl, "/") || strings.HasPrefix(tmpl, "\\") || (len(tmpl) > 1 && tmpl[1] == ':'):
		return fmt.Errorf("content template %q must be a path inside the project", tmpl)
	case strings.Contains(tmpl, "\\"):
		return fmt.Errorf("content template %q: write paths with /, on every system", tmpl)
	}
	for _, part := range strings.Split(tmpl, "/") {
		if part == ".." || part == "." || part == "" {
			return fmt.Errorf("content template %q must be a clean path inside the project (no empty, . or .. parts)", tmpl)
		}
	}
	if exts, ok := Alternatives(tmpl); ok {
		for _, e := range exts {
			if !slices.Contains(Extensions, e) {
				return fmt.Errorf("content template %q: %q is not one of %s", tmpl, e, strings.Join(Extensions, ", "))
			}
		}
		return nil
	}
	for _, ext := range Extensions {
		if strings.HasSuffix(tmpl, ext) {
			return nil
		}
	}
	return fmt.Errorf("content template %q must end in %s (or several: .{md,mdx})", tmpl, strings.Join(Extensions, ", "))
}

// Alternatives returns the extensions of a template that ends in
// .{md,mdx} (with their dots: ".md", ".mdx"), and whether it does.
func Alternatives(tmpl string) ([]string, bool) {
	i := strings.LastIndex(tmpl, ".{")
	if i < 0 || !strings.HasSuffix(tmpl, "}") {
		return nil, false
	}
	var out []string
	for _, e := range strings.Split(tmpl[i+2:len(tmpl)-1], ",") {
		out = append(out, "."+strings.TrimSpace(e))
	}
	return out, true
}

// ValidateGlossary checks the glossary key's path: relative, clean, with
// forward slashes, inside the project, ending in .csv or .tbx.
func ValidateGlossary(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("glossary must name a file (glossary.csv or a .tbx file)")
	case strings.HasPrefix(name, "/") || strings.HasPrefix(name, "\\") || (len(name) > 1 && name[1] == ':'):
		return fmt.Errorf("glossary %q must be a path inside the project", name)
	case strings.Contains(name, "\\"):
		return fmt.Errorf("glossary %q: write paths with /, on every system", name)
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." || part == "." || part == "" {
			return fmt.Errorf("glossary %q must be a clean path inside the project (no empty, . or .. parts)", name)
		}
	}
	if ext := strings.ToLower(path.Ext(name)); ext != ".csv" && ext != ".tbx" {
		return fmt.Errorf("glossary %q must end in .csv or .tbx", name)
	}
	return nil
}

// validGlob checks an exclude glob: path.Match syntax per part, relative.
func validGlob(g string) error {
	if g == "" || strings.HasPrefix(g, "/") {
		return fmt.Errorf("exclude glob %q must be a relative article-id pattern, like blog/**", g)
	}
	for _, part := range strings.Split(g, "/") {
		if part == "**" {
			continue
		}
		if _, err := path.Match(part, ""); err != nil {
			return fmt.Errorf("exclude glob %q: %v", g, err)
		}
	}
	return nil
}

// section reads one section of content: a template for every language
// (a string) or a map of languages to templates; in a list (inList), a
// map may also name the section (section: blog).
func (p *parser) section(n *yaml.Node, inList bool) (Section, bool) {
	sec := Section{node: n, nodes: map[string]*yaml.Node{}}
	named := false
	switch n.Kind {
	case yaml.ScalarNode:
		if err := ValidateContent(n.Value); err != nil {
			p.errf(n, "%v", err)
			return sec, false
		}
		sec.Content = n.Value
	case yaml.MappingNode:
		sec.Templates = map[string]string{}
		p.mapping(n, func(k string, key, v *yaml.Node) {
			if k == "section" && inList {
				if s := p.scalar(v); s != nil {
					if s.Value != "" {
						if err := ValidID(s.Value); err != nil {
							p.errf(s, "section name %q: %v", s.Value, err)
						}
					}
					sec.Name, named = s.Value, true
				}
				return
			}
			t, err := language.Parse(k)
			if err != nil {
				p.errf(key, "bad language tag %q: %v", k, err)
				return
			}
			s := p.scalar(v)
			if s == nil {
				return
			}
			if err := ValidateTemplate(s.Value); err != nil {
				p.errf(s, "%v", err)
				return
			}
			lang := t.String()
			if _, dup := sec.Templates[lang]; dup {
				p.errf(key, "language %q has two templates", lang)
				return
			}
			sec.Templates[lang] = s.Value
			sec.nodes[lang] = key
		})
	default:
		p.errf(n, "a content section must be a path template or a map of each language to its template")
		return sec, false
	}
	if inList && !named {
		sec.Name = "-" // derived in checkSections
	}
	return sec, true
}

// checkSections checks every section against the languages, and names the
// sections of a list that do not name themselves: the last directory of
// the source language's template before {id} ("blog" for
// blog/{id}.md).
func (p *parser) checkSections(c *Config) {
	names := map[string]bool{}
	for i := range c.Sections {
		sec := &c.Sections[i]
		if sec.Templates != nil {
			for lang, node := range sec.nodes {
				if !c.Lang(lang) {
					p.errf(node, "content names %q, which is not one of the languages %v", lang, c.Languages)
				}
			}
			var missing []string
			byPath := map[string]string{}
			for _, lang := range c.Languages {
				t, ok := sec.Templates[lang]
				if !ok {
					missing = append(missing, lang)
					continue
				}
				path := strings.ReplaceAll(t, "{lang}", lang)
				if other, dup := byPath[path]; dup {
					p.errf(sec.nodes[lang], "%s and %s have the same template %q: no rule can tell their files apart; give each language its own directory or suffix", other, lang, t)
				}
				byPath[path] = lang
			}
			if len(missing) > 0 {
				p.errf(sec.node, "content has no template for %s; give every language one", strings.Join(missing, ", "))
			}
		}
		if len(c.Sections) == 1 {
			sec.Name = ""
			continue
		}
		if sec.Name == "-" {
			t := sec.Content
			if t == "" {
				t = sec.Templates[c.SourceLanguage]
			}
			dir := strings.TrimSuffix(t[:strings.Index(t, "{")], "/")
			if i := strings.LastIndexByte(dir, '/'); i >= 0 {
				dir = dir[i+1:]
			}
			if dir == "" || strings.Contains(dir, "{") {
				p.errf(sec.node, "this section of content needs a name (section: blog): its articles' ids start with it")
				continue
			}
			sec.Name = dir
		}
		if names[sec.Name] {
			p.errf(sec.node, "two sections of content are named %q; name them (section: docs, section: blog)", sec.Name)
		}
		names[sec.Name] = true
	}
}

// ValidID reports what is wrong with a section name used as the start of
// article ids: it must be a relative, clean path.
func ValidID(name string) error {
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") {
			return fmt.Errorf("must be a relative path without empty, hidden, . or .. parts")
		}
	}
	return nil
}
