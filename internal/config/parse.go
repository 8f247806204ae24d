package config

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// parser collects positioned errors while walking the YAML tree.
type parser struct {
	name string
	errs []error
}

// at records message id of config's message files (clitext), with its
// pairs of names and values, as an error at n.
func (p *parser) at(n *yaml.Node, id string, pairs ...any) {
	p.errs = append(p.errs, diag.Text(p.name, n.Line, n.Column, id, pairs...))
}

// atErr records err as an error at n.
func (p *parser) atErr(n *yaml.Node, err error) {
	p.errs = append(p.errs, &diag.PosError{File: p.name, Line: n.Line, Col: n.Column, Err: err})
}

// mapping calls fn for every key of a mapping node, in file order, and
// reports a duplicate key once.
func (p *parser) mapping(n *yaml.Node, fn func(k string, key, value *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.at(n, "cfg_expected_mapping", "Found", kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i], n.Content[i+1]
		if seen[key.Value] {
			p.at(key, "cfg_duplicate_key", "Key", strconv.Quote(key.Value))
			continue
		}
		seen[key.Value] = true
		fn(key.Value, key, v)
	}
}

func (p *parser) scalar(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.ScalarNode {
		p.at(n, "cfg_expected_single", "Found", kindName(n))
		return nil
	}
	return n
}

func (p *parser) strings(n *yaml.Node) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		p.at(n, "cfg_expected_list", "Found", kindName(n))
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
	p.at(s, "cfg_not_one_of", "Value", strconv.Quote(s.Value), "Allowed", strings.Join(allowed, ", "))
	return ""
}

func values(nodes []*yaml.Node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.Value)
	}
	return out
}

// kindName names what n is, for messages: a clitext.Text, or a value
// quoted.
func kindName(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		return clitext.Msg("cfg_kind_mapping")
	case yaml.SequenceNode:
		return clitext.Msg("cfg_kind_list")
	case yaml.AliasNode:
		return clitext.Msg("cfg_kind_alias")
	default:
		if n.Value == "" {
			return clitext.Msg("cfg_kind_nothing")
		}
		return strconv.Quote(n.Value)
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
		return diag.Text(name, line+lineOffset, 1, "cfg_invalid_yaml", "Err", YAMLProblem(m[2]))
	}
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		if line, col, ok := findAlias(src, m[1]); ok {
			return diag.Text(name, line+lineOffset, col, "cfg_alias_no_anchor", "Name", m[1])
		}
	}
	if msg == "yaml: control characters are not allowed" {
		if line, col, r, ok := findControl(src); ok {
			return diag.Text(name, line+lineOffset, col, "cfg_control_char", "Char", fmt.Sprintf("%U", r))
		}
	}
	return diag.Text(name, lineOffset+1, 1, "cfg_invalid_yaml", "Err", YAMLProblem(strings.TrimPrefix(msg, "yaml: ")))
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
		return clitext.NewError("cfg_template_id_lang", "Template", strconv.Quote(tmpl))
	}
	return validatePath(tmpl)
}

// ValidateTemplate checks the template of one language: relative, with
// {id} once and {lang} at most once, ending in a Markdown extension.
func ValidateTemplate(tmpl string) error {
	if strings.Count(tmpl, "{id}") != 1 || strings.Count(tmpl, "{lang}") > 1 {
		return clitext.NewError("cfg_template_id", "Template", strconv.Quote(tmpl))
	}
	return validatePath(tmpl)
}

func validatePath(tmpl string) error {
	switch {
	case strings.HasPrefix(tmpl, "/") || strings.HasPrefix(tmpl, "\\") || (len(tmpl) > 1 && tmpl[1] == ':'):
		return clitext.NewError("cfg_template_inside", "Template", strconv.Quote(tmpl))
	case strings.Contains(tmpl, "\\"):
		return clitext.NewError("cfg_template_slash", "Template", strconv.Quote(tmpl))
	}
	for _, part := range strings.Split(tmpl, "/") {
		if part == ".." || part == "." || part == "" {
			return clitext.NewError("cfg_template_clean", "Template", strconv.Quote(tmpl))
		}
	}
	if exts, ok := Alternatives(tmpl); ok {
		for _, e := range exts {
			if !slices.Contains(Extensions, e) {
				return clitext.NewError("cfg_template_ext_alt", "Template", strconv.Quote(tmpl), "Ext", strconv.Quote(e), "Extensions", strings.Join(Extensions, ", "))
			}
		}
		return nil
	}
	for _, ext := range Extensions {
		if strings.HasSuffix(tmpl, ext) {
			return nil
		}
	}
	return clitext.NewError("cfg_template_ext", "Template", strconv.Quote(tmpl), "Extensions", strings.Join(Extensions, ", "))
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
		return clitext.NewError("cfg_glossary_empty")
	case strings.HasPrefix(name, "/") || strings.HasPrefix(name, "\\") || (len(name) > 1 && name[1] == ':'):
		return clitext.NewError("cfg_glossary_inside", "Path", strconv.Quote(name))
	case strings.Contains(name, "\\"):
		return clitext.NewError("cfg_glossary_slash", "Path", strconv.Quote(name))
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." || part == "." || part == "" {
			return clitext.NewError("cfg_glossary_clean", "Path", strconv.Quote(name))
		}
	}
	if ext := strings.ToLower(path.Ext(name)); ext != ".csv" && ext != ".tbx" {
		return clitext.NewError("cfg_glossary_ext", "Path", strconv.Quote(name))
	}
	return nil
}

// validGlob checks an exclude glob: path.Match syntax per part, relative.
func validGlob(g string) error {
	if g == "" || strings.HasPrefix(g, "/") {
		return clitext.NewError("cfg_glob_relative", "Glob", strconv.Quote(g))
	}
	for _, part := range strings.Split(g, "/") {
		if part == "**" {
			continue
		}
		if _, err := path.Match(part, ""); err != nil {
			return clitext.Wrap(err, "cfg_glob_bad", "Glob", strconv.Quote(g))
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
			p.atErr(n, err)
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
							p.at(s, "cfg_section_name", "Name", strconv.Quote(s.Value), "Err", err)
						}
					}
					sec.Name, named = s.Value, true
				}
				return
			}
			t, err := language.Parse(k)
			if err != nil {
				p.at(key, "cfg_bad_tag", "Tag", strconv.Quote(k), "Err", err)
				return
			}
			s := p.scalar(v)
			if s == nil {
				return
			}
			if err := ValidateTemplate(s.Value); err != nil {
				p.atErr(s, err)
				return
			}
			lang := t.String()
			if _, dup := sec.Templates[lang]; dup {
				p.at(key, "cfg_lang_two_templates", "Lang", strconv.Quote(lang))
				return
			}
			sec.Templates[lang] = s.Value
			sec.nodes[lang] = key
		})
	default:
		p.at(n, "cfg_section_shape")
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
					p.at(node, "cfg_names_no_language", "What", "content", "Lang", strconv.Quote(lang), "Languages", c.Languages)
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
					p.at(sec.nodes[lang], "cfg_same_template", "First", other, "Second", lang, "Template", strconv.Quote(t))
				}
				byPath[path] = lang
			}
			if len(missing) > 0 {
				p.at(sec.node, "cfg_content_missing_langs", "Langs", strings.Join(missing, ", "))
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
				p.at(sec.node, "cfg_section_needs_name")
				continue
			}
			sec.Name = dir
		}
		if names[sec.Name] {
			p.at(sec.node, "cfg_section_twice", "Name", strconv.Quote(sec.Name))
		}
		names[sec.Name] = true
	}
}

// ValidID reports what is wrong with a section name used as the start of
// article ids: it must be a relative, clean path.
func ValidID(name string) error {
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") {
			return clitext.NewError("cfg_valid_id")
		}
	}
	return nil
}
