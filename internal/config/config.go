// Package config reads and validates ceviri.yaml, the file that marks the root
// of a ceviri project and says which languages it has, where their files live
// and which front-matter fields are translated.
//
// Parsing is strict: an unknown key, a value of the wrong shape or a language
// tag that golang.org/x/text/language rejects is an error that names its line
// and column, so a typo never silently falls back to a default.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// FileName is the name of the configuration file at a project's root.
const FileName = "ceviri.yaml"

// Defaults used when ceviri.yaml leaves a key out.
const (
	DefaultContent  = "articles/{id}/{lang}.md"
	DefaultLocales  = "locales"
	DefaultOut      = "dist"
	DefaultFallback = "source"
)

// DefaultTranslatable lists the front-matter fields that are translated when
// ceviri.yaml does not say.
var DefaultTranslatable = []string{"title", "summary", "description"}

// DefaultLocal lists the front-matter fields that each language version
// sets for itself when ceviri.yaml does not say: the ones Jekyll and Hugo
// sites write per language (lang, lastmod, slug, url, aliases,
// translationKey), and those in which translations record the source
// version they follow (MDN's l10n, OpenTelemetry's default_lang_commit and
// drifted_from_default).
var DefaultLocal = []string{"lang", "lastmod", "slug", "url", "aliases", "translationKey",
	"l10n", "default_lang_commit", "drifted_from_default"}

// Where translation records are kept (Config.Records).
const (
	// RecordsFrontMatter keeps each translation's record in its own front
	// matter, and the records of files without front matter in the lock
	// file.
	RecordsFrontMatter = "front-matter"
	// RecordsLockfile keeps every record in the lock file (LockFileName).
	RecordsLockfile = "lockfile"
)

// LockFileName is the lock file of translation records, at the project's
// root beside ceviri.yaml.
const LockFileName = "ceviri.lock"

// Config is a parsed and validated ceviri.yaml.
type Config struct {
	// Languages are the project's languages in the order written, at least two,
	// canonical BCP 47 strings ("tr", "en", "pt-BR").
	Languages []string
	// Tags are Languages parsed.
	Tags []language.Tag
	// SourceLanguage is the default source language of new articles.
	SourceLanguage string
	// Content is the path template of language versions, with {id} and
	// {lang}; "" when each language has its own (Templates).
	Content string
	// Templates maps each language to the path template of its versions,
	// with {id} (and {lang} if it likes), when ceviri.yaml gives content as
	// a map; nil otherwise. Use Template.
	Templates map[string]string
	// Sections are the content's sections: one, whose Content and
	// Templates are the two fields above, or several when content is a
	// list (Docusaurus's docs and blog).
	Sections []Section
	// Locales is the directory of the go-i18n message files.
	Locales string
	// Translatable lists the front-matter fields written per language.
	Translatable []string
	// Required lists the fields every language version that has front
	// matter must have.
	Required []string
	// Local lists the front-matter fields each language version sets for
	// itself: nothing compares them, copies them or counts them as
	// changes.
	Local []string
	// Records says where translation records are kept: RecordsFrontMatter
	// or RecordsLockfile.
	Records string
	// Exclude lists the article ids (globs, ** for any depth) that no
	// command sees, in every language (key "") or in one language (key
	// the language: that language has no versions of them, and none is
	// expected). Use Excluded.
	Exclude map[string][]string
	// Placeholder says how a translation marks itself as a placeholder
	// (not translated yet); an empty body is one too.
	Placeholder Placeholder
	// Build holds the defaults of ceviri build.
	Build Build
	// Check holds the settings of ceviri check.
	Check Check
	// Glossary is the project's glossary file (docs/terminology.md).
	Glossary Glossary
}

// DefaultGlossary is the glossary read when ceviri.yaml names none and the
// file is at the project's root.
const DefaultGlossary = "glossary.csv"

// Glossary says where the project's glossary is: the file ceviri.yaml names
// under glossary (Line and Col are where, for an error about the file), or
// DefaultGlossary when it names none (Line 0: the file may be absent).
type Glossary struct {
	Path      string
	Line, Col int
}

// Explicit reports whether ceviri.yaml names the glossary: then a missing
// file is an error; the default glossary.csv is read only when present.
func (g Glossary) Explicit() bool { return g.Line > 0 }

// Section is one part of the content, with its own templates: a single
// template for every language (Content) or one per language (Templates).
// Name prefixes the ids of its articles when there are several sections
// ("blog" for blog/{id}.md: the article "blog/launch"); "" for none.
type Section struct {
	Name      string
	Content   string
	Templates map[string]string
	// node is where ceviri.yaml gives it, for errors.
	node *yaml.Node
	// nodes are the template keys by language, for errors.
	nodes map[string]*yaml.Node
}

// ContentKey describes the content sections canonically, for cache keys.
func (c *Config) ContentKey() string {
	var b strings.Builder
	for _, sec := range c.Sections {
		fmt.Fprintf(&b, "[%q %q %q]", sec.Name, sec.Content, sec.Templates)
	}
	return b.String()
}

// Placeholder is the placeholder section of ceviri.yaml.
type Placeholder struct {
	// Field is a front-matter field that marks a placeholder when set to
	// anything but false, 0, no or empty ("untranslated: 1"); "" for none.
	Field string
}

// Build holds the build section of ceviri.yaml.
type Build struct {
	Out        string // output directory
	Fallback   string // source | skip | fail
	MinCurrent int    // percent of current translations a language needs to be built
	BaseURL    string // absolute base URL for sitemap, feed and hreflang links
	Archive    string // none | tar.gz | zip
	// HTML says what a page does with raw HTML: omit it, sanitize it (the
	// default: text and safe markup stay, scripts and handlers go), or
	// trust it as written.
	HTML string
	// Anchors is the rule that makes heading ids: ascii (the default),
	// github or hugo; check resolves #fragment links with the same rule.
	Anchors string
}

// Check holds the check section of ceviri.yaml.
type Check struct {
	// Rules maps a rule id to a severity: error, warning or off.
	Rules map[string]string
	// RuleKeys are the keys of check.rules in ceviri.yaml, in order, with
	// their positions, for the caller that knows which rules exist (the
	// configuration does not) to report a key that names none.
	RuleKeys []Key
	// Paths maps a language to the path prefix of its internal links ("/" or
	// "/en/" for English, "/tr/" for Turkish), so that a localized link is not
	// reported as a different link.
	Paths map[string]string
	// CodePlaceholders are patterns (regular expressions) of text in code
	// that a site translates by design ({{path/to/file}} in a command
	// reference): the code rule does not compare what they match.
	CodePlaceholders []string
	// EquivalentLinks are link prefixes that lead to the same place in
	// each language: each maps languages to a prefix
	// ({en: "https://learn.microsoft.com/en-us/", tr: "https://learn.microsoft.com/tr-tr/"}).
	EquivalentLinks []map[string]string
}

// Key is a key of ceviri.yaml and where it stands (1-based).
type Key struct {
	Name      string
	Line, Col int
}

// Template returns the path template of a language's versions, with {id}
// and possibly {lang}.
func (c *Config) Template(lang string) string {
	if t, ok := c.Templates[lang]; ok {
		return t
	}
	return c.Content
}

// Excluded reports whether the version of article id in lang is kept out
// of every command: its id matches a glob of exclude for every language,
// or one for lang.
func (c *Config) Excluded(id, lang string) bool {
	for _, key := range []string{"", lang} {
		for _, g := range c.Exclude[key] {
			if MatchGlob(g, id) {
				return true
			}
		}
	}
	return false
}

// ExcludedEverywhere reports whether article id is kept out of every
// command in every language.
func (c *Config) ExcludedEverywhere(id string) bool {
	for _, g := range c.Exclude[""] {
		if MatchGlob(g, id) {
			return true
		}
	}
	return false
}

// MatchGlob reports whether an article id matches a glob: path.Match per
// slash-separated part, with ** standing for any number of parts (none
// included), so blog/** matches blog/a and blog/2025/b, and **/draft-*
// matches draft-x at any depth.
func MatchGlob(glob, id string) bool {
	return matchParts(strings.Split(glob, "/"), strings.Split(id, "/"))
}

func matchParts(glob, parts []string) bool {
	for len(glob) > 0 {
		if glob[0] == "**" {
			for i := 0; i <= len(parts); i++ {
				if matchParts(glob[1:], parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, err := path.Match(glob[0], parts[0]); err != nil || !ok {
			return false
		}
		glob, parts = glob[1:], parts[1:]
	}
	return len(parts) == 0
}

// Lang reports whether code is one of the project's languages.
func (c *Config) Lang(code string) bool {
	for _, l := range c.Languages {
		if l == code {
			return true
		}
	}
	return false
}

// Tag returns the parsed tag of a project language.
func (c *Config) Tag(code string) language.Tag {
	for i, l := range c.Languages {
		if l == code {
			return c.Tags[i]
		}
	}
	return language.Make(code)
}

// IsTranslatable reports whether a front-matter key is a translatable field.
// Keys compare case-insensitively, as Hugo does ("Title" is "title").
func (c *Config) IsTranslatable(key string) bool {
	for _, f := range c.Translatable {
		if strings.EqualFold(f, key) {
			return true
		}
	}
	return false
}

// IsLocal reports whether a front-matter key is a per-language field: one
// of Local, or the placeholder field. Keys compare case-insensitively.
func (c *Config) IsLocal(key string) bool {
	if c.Placeholder.Field != "" && strings.EqualFold(c.Placeholder.Field, key) {
		return true
	}
	for _, f := range c.Local {
		if strings.EqualFold(f, key) {
			return true
		}
	}
	return false
}

// Default returns the configuration of a new project with the given languages.
func Default(langs []string) (*Config, error) {
	c := &Config{Languages: langs, Content: DefaultContent, Locales: DefaultLocales,
		Translatable: DefaultTranslatable, Required: []string{"title"},
		Local: DefaultLocal, Records: RecordsFrontMatter,
		Sections: []Section{{Content: DefaultContent}},
		Glossary: Glossary{Path: DefaultGlossary},
		Build:    Build{Out: DefaultOut, Fallback: DefaultFallback, Archive: "none", HTML: "sanitize", Anchors: "ascii"}}
	for _, l := range langs {
		t, err := language.Parse(l)
		if err != nil {
			return nil, clitext.NewError("cfg_bad_tag", "Tag", strconv.Quote(l), "Err", err)
		}
		c.Tags = append(c.Tags, t)
	}
	if len(langs) < 2 {
		return nil, clitext.NewError("cfg_two_languages")
	}
	c.SourceLanguage = langs[0]
	return c, nil
}

// Parse reads ceviri.yaml from data; name is the path used in error messages.
// All the problems found are returned together, each positioned.
func Parse(name string, data []byte) (*Config, error) {
	p := &parser{name: name}
	c := &Config{Content: DefaultContent, Locales: DefaultLocales,
		Translatable: DefaultTranslatable, Required: []string{"title"},
		Local: DefaultLocal, Records: RecordsFrontMatter,
		Sections: []Section{{Content: DefaultContent}},
		Glossary: Glossary{Path: DefaultGlossary},
		Build:    Build{Out: DefaultOut, Fallback: DefaultFallback, Archive: "none", HTML: "sanitize", Anchors: "ascii"}}
	var doc yaml.Node
	var translatableNodes, localNodes []*yaml.Node
	var contentNode *yaml.Node
	excludeNodes := map[string]*yaml.Node{}
	var linkNodes []*yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.yamlError(data, err)
	}
	if len(bytes.TrimSpace(data)) == 0 || len(doc.Content) == 0 {
		return nil, diag.Text(name, 1, 1, "cfg_empty")
	}
	root := doc.Content[0]
	var langNode, srcNode *yaml.Node
	pathNodes := map[string]*yaml.Node{}
	p.mapping(root, func(k string, key, v *yaml.Node) {
		switch k {
		case "languages":
			langNode = key
			for _, item := range p.strings(v) {
				t, err := language.Parse(item.Value)
				if err != nil {
					p.at(item, "cfg_bad_tag", "Tag", strconv.Quote(item.Value), "Err", err)
					continue
				}
				code := t.String()
				if c.Lang(code) {
					p.at(item, "cfg_language_twice", "Lang", strconv.Quote(code))
					continue
				}
				c.Languages = append(c.Languages, code)
				c.Tags = append(c.Tags, t)
			}
		case "source_language":
			if s := p.scalar(v); s != nil {
				t, err := language.Parse(s.Value)
				if err != nil {
					p.at(s, "cfg_bad_tag", "Tag", strconv.Quote(s.Value), "Err", err)
				} else {
					c.SourceLanguage = t.String()
					srcNode = s
				}
			}
		case "content":
			contentNode = v
			switch v.Kind {
			case yaml.ScalarNode, yaml.MappingNode:
				if sec, ok := p.section(v, false); ok {
					c.Sections = []Section{sec}
				}
			case yaml.SequenceNode:
				c.Sections = nil
				if len(v.Content) == 0 {
					p.at(v, "cfg_content_no_section")
				}
				for _, item := range v.Content {
					if sec, ok := p.section(item, true); ok {
						c.Sections = append(c.Sections, sec)
					}
				}
			default:
				p.at(v, "cfg_content_shape")
			}
		case "locales":
			if s := p.scalar(v); s != nil {
				c.Locales = s.Value
			}
		case "translatable":
			translatableNodes = p.strings(v)
			c.Translatable = values(translatableNodes)
		case "required":
			c.Required = values(p.strings(v))
		case "local":
			localNodes = p.strings(v)
			c.Local = values(localNodes)
		case "records":
			if s := p.oneOf(v, RecordsFrontMatter, RecordsLockfile); s != "" {
				c.Records = s
			}
		case "exclude":
			c.Exclude = map[string][]string{}
			globs := func(key string, v *yaml.Node) {
				for _, g := range p.strings(v) {
					if err := validGlob(g.Value); err != nil {
						p.atErr(g, err)
						continue
					}
					c.Exclude[key] = append(c.Exclude[key], g.Value)
				}
			}
			switch v.Kind {
			case yaml.SequenceNode:
				globs("", v)
			case yaml.MappingNode:
				p.mapping(v, func(k string, key, v *yaml.Node) {
					if k == "all" {
						globs("", v)
						return
					}
					t, err := language.Parse(k)
					if err != nil {
						p.at(key, "cfg_exclude_key", "Key", strconv.Quote(k))
						return
					}
					excludeNodes[t.String()] = key
					globs(t.String(), v)
				})
			default:
				p.at(v, "cfg_exclude_shape")
			}
		case "placeholder":
			p.mapping(v, func(k string, key, v *yaml.Node) {
				switch k {
				case "field":
					if s := p.scalar(v); s != nil {
						c.Placeholder.Field = s.Value
					}
				default:
					p.at(key, "cfg_unknown_key_in", "Key", strconv.Quote(k), "In", "placeholder", "Known", "field")
				}
			})
		case "build":
			p.mapping(v, func(k string, key, v *yaml.Node) {
				switch k {
				case "out":
					if s := p.scalar(v); s != nil {
						c.Build.Out = s.Value
					}
				case "fallback":
					if s := p.oneOf(v, "source", "skip", "fail"); s != "" {
						c.Build.Fallback = s
					}
				case "archive":
					if s := p.oneOf(v, "none", "tar.gz", "zip"); s != "" {
						c.Build.Archive = s
					}
				case "min_current":
					var n int
					if v.Kind != yaml.ScalarNode || v.Decode(&n) != nil || n < 0 || n > 100 {
						p.at(v, "cfg_min_current")
					}
					c.Build.MinCurrent = n
				case "base_url":
					if s := p.scalar(v); s != nil {
						c.Build.BaseURL = s.Value
					}
				case "html":
					if s := p.oneOf(v, "omit", "sanitize", "trust"); s != "" {
						c.Build.HTML = s
					}
				case "anchors":
					if s := p.oneOf(v, "ascii", "github", "hugo"); s != "" {
						c.Build.Anchors = s
					}
				default:
					p.at(key, "cfg_unknown_key_in", "Key", strconv.Quote(k), "In", "build", "Known", "out, fallback, archive, min_current, base_url, html, anchors")
				}
			})
		case "glossary":
			if s := p.scalar(v); s != nil {
				if err := ValidateGlossary(s.Value); err != nil {
					p.atErr(s, err)
				} else {
					c.Glossary = Glossary{Path: s.Value, Line: s.Line, Col: s.Column}
				}
			}
		case "check":
			p.mapping(v, func(k string, key, v *yaml.Node) {
				switch k {
				case "rules":
					c.Check.Rules = map[string]string{}
					p.mapping(v, func(rule string, key, v *yaml.Node) {
						c.Check.RuleKeys = append(c.Check.RuleKeys, Key{Name: rule, Line: key.Line, Col: key.Column})
						if s := p.oneOf(v, "error", "warning", "off"); s != "" {
							c.Check.Rules[rule] = s
						}
					})
				case "paths":
					c.Check.Paths = map[string]string{}
					p.mapping(v, func(lang string, key, v *yaml.Node) {
						if s := p.scalar(v); s != nil {
							c.Check.Paths[lang] = s.Value
							pathNodes[lang] = key
						}
					})
				case "code_placeholders":
					for _, n := range p.strings(v) {
						if _, err := regexp.Compile(n.Value); err != nil {
							p.at(n, "cfg_code_placeholder", "Value", strconv.Quote(n.Value), "Err", err)
							continue
						}
						c.Check.CodePlaceholders = append(c.Check.CodePlaceholders, n.Value)
					}
				case "equivalent_links":
					if v.Kind != yaml.SequenceNode {
						p.at(v, "cfg_equivalent_links_shape")
						return
					}
					for _, item := range v.Content {
						m := map[string]string{}
						p.mapping(item, func(lang string, key, v *yaml.Node) {
							if s := p.scalar(v); s != nil && s.Value != "" {
								m[lang] = s.Value
								linkNodes = append(linkNodes, key)
							}
						})
						if len(m) < 2 && item.Kind == yaml.MappingNode {
							p.at(item, "cfg_equivalent_links_two")
						}
						c.Check.EquivalentLinks = append(c.Check.EquivalentLinks, m)
					}
				default:
					p.at(key, "cfg_unknown_key_in", "Key", strconv.Quote(k), "In", "check", "Known", "rules, paths, code_placeholders, equivalent_links")
				}
			})
		default:
			p.at(key, "cfg_unknown_key", "Key", strconv.Quote(k), "Known", "languages, source_language, content, exclude, locales, translatable, required, local, records, placeholder, glossary, build, check")
		}
	})
	if langNode == nil {
		p.at(root, "cfg_missing_languages")
	} else if len(c.Languages) < 2 && len(p.errs) == 0 {
		p.at(langNode, "cfg_two_languages")
	}
	if c.SourceLanguage == "" && len(c.Languages) > 0 {
		c.SourceLanguage = c.Languages[0]
	} else if c.SourceLanguage != "" && len(c.Languages) > 0 && !c.Lang(c.SourceLanguage) {
		p.at(srcNode, "cfg_source_no_language", "Lang", strconv.Quote(c.SourceLanguage), "Languages", c.Languages)
	}
	for lang, node := range excludeNodes {
		if len(c.Languages) > 0 && !c.Lang(lang) {
			p.at(node, "cfg_names_no_language", "What", "exclude", "Lang", strconv.Quote(lang), "Languages", c.Languages)
		}
	}
	if contentNode != nil && len(c.Languages) > 0 && len(p.errs) == 0 {
		p.checkSections(c)
	}
	if len(c.Sections) > 0 {
		c.Content, c.Templates = c.Sections[0].Content, c.Sections[0].Templates
	}
	// A field is of one kind: translated, or set by each version for itself.
	if localNodes == nil {
		// The default local fields give way to translatable ones.
		var local []string
		for _, f := range c.Local {
			if !c.IsTranslatable(f) {
				local = append(local, f)
			}
		}
		c.Local = local
	} else {
		for _, n := range localNodes {
			if c.IsTranslatable(n.Value) {
				p.at(n, "cfg_local_translatable", "Field", strconv.Quote(n.Value))
			}
		}
	}
	if f := c.Placeholder.Field; f != "" && c.IsTranslatable(f) {
		for _, n := range translatableNodes {
			if strings.EqualFold(n.Value, f) {
				p.at(n, "cfg_placeholder_translatable", "Field", strconv.Quote(n.Value))
			}
		}
	}
	for _, node := range linkNodes {
		if len(c.Languages) > 0 && !c.Lang(node.Value) {
			p.at(node, "cfg_names_no_language", "What", "equivalent_links", "Lang", strconv.Quote(node.Value), "Languages", c.Languages)
		}
	}
	for lang, node := range pathNodes {
		if len(c.Languages) > 0 && !c.Lang(lang) {
			p.at(node, "cfg_names_no_language", "What", "check.paths", "Lang", strconv.Quote(lang), "Languages", c.Languages)
		}
	}
	if len(p.errs) > 0 {
		diag.Sort(p.errs)
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}
