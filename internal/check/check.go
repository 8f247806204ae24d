// Package check is the editor's release gate: rules that compare every
// translation with its source (states, front matter, structure, links,
// numbers, code, untranslated and empty text) and every language's chrome
// strings with the source language's, and report findings an editor can act
// on. The rules are pure functions over parsed versions and message files;
// the command line decides how findings are printed and what they mean for
// the exit code.
package check

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/glossary"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/workers"
)

// Severity of a finding.
type Severity string

// Severities, as written in ceviri.yaml under check.rules.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Off     Severity = "off"
)

// Rule ids (docs/reference.md, docs/editors.md).
const (
	MissingTranslation   = "missing-translation"
	StaleTranslation     = "stale-translation"
	DraftTranslation     = "draft-translation"
	UntrackedTranslation = "untracked-translation"
	OrphanTranslation    = "orphan-translation"
	MissingField         = "missing-field"
	SharedFieldMismatch  = "shared-field-mismatch"
	InvalidFrontMatter   = "invalid-front-matter"
	Structure            = "structure"
	Links                = "links"
	Numbers              = "numbers"
	Code                 = "code"
	CodeText             = "code-text"
	Untranslated         = "untranslated"
	Empty                = "empty"
	LocaleMissingKey     = "locale-missing-key"
	LocaleExtraKey       = "locale-extra-key"
	LocalePlural         = "locale-plural"
	LocalePlaceholder    = "locale-placeholder"
	LocaleStale          = "locale-stale"
)

// Rule describes one rule.
type Rule struct {
	ID      string
	Default Severity
	Summary string
}

// Rules lists every rule with its default severity, in the order the
// documentation gives them.
var Rules = []Rule{
	{MissingTranslation, Error, "a language has no version of the article"},
	{StaleTranslation, Error, "the source changed since the translation was recorded"},
	{DraftTranslation, Error, "the translation is marked draft: true"},
	{UntrackedTranslation, Error, "the translation has no translation record"},
	{OrphanTranslation, Error, "a translation whose article has no source version"},
	{MissingField, Error, "a required or translated front-matter field is absent"},
	{SharedFieldMismatch, Error, "a translation repeats a shared field with another value"},
	{InvalidFrontMatter, Error, "a version cannot be read (front matter, record, UTF-8)"},
	{Structure, Warning, "headings, paragraphs, lists, tables or code blocks differ in shape"},
	{Links, Error, "link and image destinations differ (after the check.paths mapping)"},
	{Numbers, Error, "numbers differ after locale normalisation"},
	{Code, Error, "the code of inline code, code blocks or Hugo shortcodes differs (names, keywords, numbers, operators)"},
	{CodeText, Warning, "only comments, string literals or markup text in code differ (often translated on purpose)"},
	{Untranslated, Warning, "a prose segment is identical to the source"},
	{Empty, Error, "the translation has no body or an empty translated field"},
	{LocaleMissingKey, Error, "a message of the source language is missing"},
	{LocaleExtraKey, Warning, "a message that the source language does not have"},
	{LocalePlural, Error, "a plural message lacks a CLDR plural form its language needs"},
	{LocalePlaceholder, Error, "template variables differ from the source message"},
	{LocaleStale, Error, "the message's go-i18n hash does not match its source message"},
	{Terminology, Warning, "a glossary term of the source lacks its required translation, or a name kept as it is was changed"},
}

// Known reports whether id names a rule.
func Known(id string) bool {
	for _, r := range Rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// RuleIDs returns every rule id.
func RuleIDs() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.ID
	}
	return out
}

// Finding is one problem found (the JSON shape of docs/reference.md).
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	ID       string   `json:"id"`      // article id; empty for a message file
	Lang     string   `json:"lang"`    // language of the version or message file
	File     string   `json:"file"`    // path relative to the project root
	Line     int      `json:"line"`    // 1-based; 0 when there is no line (a missing file)
	Message  string   `json:"message"` // in English: Text.String()
	// Text is the message in ceviri's words, which the command line
	// writes in the reader's language; Message is its English, which the
	// machine outputs (JSON, JUnit, GitHub annotations) keep.
	Text clitext.Text `json:"-"`
}

// newFinding returns a finding whose message is t.
func newFinding(rule string, t clitext.Text) Finding {
	return Finding{Rule: rule, Message: english(t), Text: t}
}

// Input is what the rules look at.
type Input struct {
	Config   *config.Config
	Articles []*track.ArticleStatus // the articles, with their states
	// Unreadable are the positioned errors of versions that could not be
	// read; each becomes an invalid-front-matter finding.
	Unreadable []error
	// Locales are the chrome strings; nil skips the locale rules.
	Locales *locale.Set
	// Options are the settings of the content rules.
	Options Options
}

// Options are settings of the content rules that ceviri.yaml gives beyond
// the configuration the rules read themselves. The zero value is the
// default.
type Options struct {
	// CodePlaceholders are patterns of placeholders inside code that a
	// site translates by design (a command reference's {{path/to/file}}):
	// the code rule compares where each stands, not its text, and the
	// code-text rule does not compare its text either. Default: none.
	// See CodePlaceholder.
	CodePlaceholders []*regexp.Regexp
	// Glossary is the project's glossary (glossary.Load); nil skips the
	// terminology rule.
	Glossary *glossary.Glossary
	// Pages resolves the fragment of a link into another article (see
	// NewPages); nil checks only fragments of a page's own headings.
	Pages *Pages
}

// CodePlaceholder compiles a placeholder pattern (Go regular expression
// syntax, RE2: linear time on any input) for Options.CodePlaceholders. A
// pattern that matches the empty string is refused: it would make every
// place in code a placeholder.
func CodePlaceholder(pattern string) (*regexp.Regexp, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	if re.MatchString("") {
		return nil, clitext.NewError("check_placeholder_matches_empty", "Pattern", q(pattern))
	}
	return re, nil
}

// Run applies every rule, one article per CPU at a time, and returns the
// findings with their severities from the configuration (rules turned off
// are dropped), sorted by file, line and rule.
func Run(in Input) []Finding {
	per := make([][]Finding, len(in.Articles))
	workers.Each(len(in.Articles), 0, func(i int) {
		per[i] = ArticleFindingsWith(in.Config, in.Options, in.Articles[i])
	})
	return Collect(in, per)
}

// Collect is the end of Run for a caller that applied ArticleFindings to
// each article itself (to hold only a few articles in memory at a time):
// it adds the findings of in.Unreadable and in.Locales (in.Articles is not
// used) to per, sets severities, drops the rules turned off and sorts.
func Collect(in Input, per [][]Finding) []Finding {
	var fs []Finding
	for _, f := range per {
		fs = append(fs, f...)
	}
	fs = append(fs, unreadable(in.Config, in.Unreadable)...)
	if in.Locales != nil {
		fs = append(fs, LocaleRules(in.Config, in.Locales)...)
	}
	out := fs[:0]
	for _, f := range fs {
		f.Severity = SeverityOf(in.Config, f.Rule)
		if f.Severity != Off {
			out = append(out, f)
		}
	}
	Sort(out)
	return out
}

// SeverityOf returns the severity of a rule: the project's setting, else the
// rule's default.
func SeverityOf(cfg *config.Config, rule string) Severity {
	if cfg != nil {
		if s, ok := cfg.Check.Rules[rule]; ok {
			return Severity(s)
		}
	}
	for _, r := range Rules {
		if r.ID == rule {
			return r.Default
		}
	}
	return Error
}

// Sort orders findings by file, line, rule and message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Counts returns the number of findings at each severity.
func Counts(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return
}

// ArticleFindings applies the state, metadata and content rules to one
// article, with the default Options.
func ArticleFindings(cfg *config.Config, a *track.ArticleStatus) []Finding {
	return ArticleFindingsWith(cfg, Options{}, a)
}

// ArticleFindingsWith is ArticleFindings with options.
func ArticleFindingsWith(cfg *config.Config, opts Options, a *track.ArticleStatus) []Finding {
	var out []Finding
	src := a.SourceFile
	if src != nil {
		out = append(out, sourceFields(cfg, a.ID, src)...)
	}
	for _, lang := range cfg.Languages {
		v := a.Versions[lang]
		if v == nil || v.State == track.Source {
			continue
		}
		f := finder{id: a.ID, lang: lang, file: v.Path}
		out = append(out, stateFindings(cfg, f, src, v)...)
		if v.Parsed == nil || src == nil {
			continue
		}
		if v.Placeholder {
			// Not a translation: nothing to compare with the source. What
			// build cannot publish is still reported, as build reads it.
			out = append(out, unpublishable(f, v.Parsed.Doc, false)...)
			continue
		}
		out = append(out, translationFields(cfg, f, src, v.Parsed)...)
		switch v.State {
		case track.Current, track.Stale, track.Untracked:
			out = append(out, compareWith(cfg, opts, f, src, v.Parsed, v.Recorded)...)
		}
		if v.State == track.Current && opts.Glossary != nil {
			out = append(out, terminology(opts.Glossary, f, src, v.Parsed)...)
		}
	}
	return out
}

// finder makes findings about one version.
type finder struct {
	id, lang, file string
}

// at returns the finding of rule at line with message id and its pairs of
// names and values (clitext.Msg).
func (f finder) at(rule string, line int, id string, pairs ...any) Finding {
	x := newFinding(rule, clitext.Msg(id, pairs...))
	x.ID, x.Lang, x.File, x.Line = f.id, f.lang, f.file, line
	return x
}

// langName is a language's name for messages, in the reader's language
// ("Turkish", "Türkçe"), falling back to its code.
func langName(cfg *config.Config, code string) clitext.Text {
	if cfg == nil {
		return clitext.Msg("check_lang_name", "Name", &names{code, code})
	}
	return languageName(cfg.Tag(code), code)
}

// quote shortens s for a message and quotes it.
func quote(s string) string {
	const max = 60
	r := []rune(s)
	if len(r) > max {
		s = strings.TrimSpace(string(r[:max-1])) + "…"
	}
	return fmt.Sprintf("%q", s)
}
