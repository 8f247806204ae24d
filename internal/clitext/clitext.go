// Package clitext holds ceviri's own words: the messages, table headers and
// summaries of the command line, the findings of check and the errors and
// warnings of every package, in English and Turkish, as go-i18n message
// files embedded in the binary (messages/<lang>.yaml and
// messages/<area>.<lang>.yaml), and the choice of language from the
// environment. A package below the command line returns its words as
// values (Text, TextError) whose English is what ceviri always printed;
// the command line writes them in the reader's language (Printer.Text,
// Printer.Error).
//
// Machine outputs (--json, JUnit, GitHub annotations, rule ids, exit codes)
// never go through it: they do not change with the language.
package clitext

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"gopkg.in/yaml.v3"
)

// Files are the message files: messages/<lang>.yaml holds the command
// line's own words, messages/<area>.<lang>.yaml those of one part of
// ceviri (check.en.yaml: the findings of check). Every language has the
// same files with the same ids.
//
//go:embed messages/*.yaml
var Files embed.FS

// Langs are the languages ceviri speaks, English first (the fallback).
var Langs = []string{"en", "tr"}

// tags are the language tags of Langs.
var tags = map[string]language.Tag{"en": language.English, "tr": language.Turkish}

// FileLang returns the language of message file name ("check.tr.yaml" and
// "tr.yaml" are Turkish) and whether name is a message file.
func FileLang(name string) (string, bool) {
	stem, ok := strings.CutSuffix(path.Base(name), ".yaml")
	if !ok {
		return "", false
	}
	if i := strings.LastIndexByte(stem, '.'); i >= 0 {
		stem = stem[i+1:]
	}
	_, known := tags[stem]
	return stem, known
}

// FilesOf returns the message files of lang, sorted.
func FilesOf(lang string) []string {
	names, _ := fs.Glob(Files, "messages/*.yaml")
	var out []string
	for _, n := range names {
		if l, ok := FileLang(n); ok && l == lang {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// bundles hold, by language, the messages of that language and of
// English (the fallback), each loaded once when first needed: English
// alone reads only its own files. The command line's own words
// (messages/<lang>.yaml), which every command needs for its --help, are
// one bundle; the other parts' (messages/<area>.<lang>.yaml: findings,
// errors, warnings) another, loaded only when one of their messages is
// written, so that a command that has nothing to say in them does not
// read them.
var bundles, areaBundles = loadBundles(false), loadBundles(true)

func loadBundles(areas bool) map[string]func() *i18n.Bundle {
	m := map[string]func() *i18n.Bundle{}
	for _, lang := range Langs {
		m[lang] = sync.OnceValue(func() *i18n.Bundle {
			b := i18n.NewBundle(language.English)
			b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
			for _, l := range []string{"en", lang} {
				for _, name := range FilesOf(l) {
					if (path.Base(name) != l+".yaml") != areas {
						continue
					}
					if _, err := b.LoadMessageFileFS(Files, name); err != nil {
						panic(fmt.Sprintf("clitext: %s: %v", name, err)) // embedded, checked by the tests
					}
				}
				if l == lang {
					break
				}
			}
			return b
		})
	}
	return m
}

// Forms returns, by message id, the forms lang's files give it ("other";
// "one" and "other" for a plural message), for the tests that check that
// the ids code asks for exist.
func Forms(lang string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, name := range FilesOf(lang) {
		data, err := fs.ReadFile(Files, name)
		if err != nil {
			return nil, err
		}
		var msgs map[string]any
		if err := yaml.Unmarshal(data, &msgs); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		for id, m := range msgs {
			if _, dup := out[id]; dup {
				return nil, fmt.Errorf("%s: message %s is also in another file", name, id)
			}
			forms := []string{"other"} // a message written as a string
			if m, ok := m.(map[string]any); ok {
				forms = forms[:0]
				for f := range m {
					if f != "description" {
						forms = append(forms, f)
					}
				}
			}
			sort.Strings(forms)
			out[id] = forms
		}
	}
	return out, nil
}

// FromEnv returns the language ceviri speaks for the environment getenv
// reads: CEVIRI_LANG, then the POSIX locale variables in their order of
// precedence (LC_ALL, LC_MESSAGES, LANG). The first one set decides: a
// Turkish locale ("tr", "tr_TR.UTF-8", "tr-TR") gives "tr", anything else
// (including "C" and "POSIX") "en".
func FromEnv(getenv func(string) string) string {
	for _, name := range []string{"CEVIRI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return fromLocale(v)
		}
	}
	return "en"
}

// fromLocale reads a locale name: language[_territory][.codeset][@modifier].
func fromLocale(v string) string {
	v, _, _ = strings.Cut(v, ".")
	v, _, _ = strings.Cut(v, "@")
	lang, _, _ := strings.Cut(strings.ReplaceAll(v, "-", "_"), "_")
	if strings.EqualFold(lang, "tr") {
		return "tr"
	}
	return "en"
}

// Printer gives ceviri's messages in one language.
type Printer struct {
	lang  string
	loc   *i18n.Localizer        // the command line's messages
	areas func() *i18n.Localizer // the other parts', when first needed
	num   *message.Printer
}

// New returns the Printer of lang ("en" or "tr"; anything else is "en").
func New(lang string) *Printer {
	if _, ok := tags[lang]; !ok {
		lang = "en"
	}
	return &Printer{lang: lang, loc: i18n.NewLocalizer(bundles[lang](), lang, "en"),
		areas: sync.OnceValue(func() *i18n.Localizer { return i18n.NewLocalizer(areaBundles[lang](), lang, "en") }),
		num:   message.NewPrinter(tags[lang])}
}

// localize returns the message c asks for, from the command line's
// messages or else the other parts'.
func (p *Printer) localize(c *i18n.LocalizeConfig) (string, error) {
	s, err := p.loc.Localize(c)
	if err != nil && s == "" {
		s, err = p.areas().Localize(c)
	}
	return s, err
}

// Lang returns the Printer's language.
func (p *Printer) Lang() string { return p.lang }

// T returns message id with its template filled from pairs of names and
// values ("Path", "a.md", "Count", 3); a value that is an error or a Text
// is written in p's language (Printer.Error, Printer.Text). A message the language's file lacks
// is taken from English; one that no file has is a programming error the
// tests catch, and prints as its id.
func (p *Printer) T(id string, pairs ...any) string {
	s, err := p.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: p.data(pairs)})
	if err != nil {
		return id
	}
	return s
}

// N returns plural message id for count n, whose template has {{.Count}}
// (n written as the language writes numbers: 1250 in English as ceviri
// always printed it, 1.250 in Turkish) and any other pairs.
func (p *Printer) N(id string, n int, pairs ...any) string {
	d := p.data(pairs)
	d["Count"] = p.Num(n)
	s, err := p.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: n})
	if err != nil {
		return id
	}
	return s
}

// Num writes an integer as the language does. English keeps the digits
// alone, as ceviri's output always had them; Turkish groups thousands with
// a dot (1.250).
func (p *Printer) Num(n int) string {
	if p.lang == "en" {
		return fmt.Sprint(n)
	}
	return p.num.Sprintf("%d", n)
}

// Upper returns s in capitals by the language's rules (Turkish: i -> İ).
func (p *Printer) Upper(s string) string {
	return cases.Upper(tags[p.lang]).String(s)
}

// data makes template data of name, value pairs, with the values that
// are errors, Texts or Localized written in p's language, and integers as the
// language writes numbers (4.194.304 bayt in Turkish; English keeps the
// digits alone, as ceviri always printed them).
func (p *Printer) data(pairs []any) map[string]any {
	d := make(map[string]any, len(pairs)/2+1)
	for i := 0; i+1 < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			continue
		}
		switch v := pairs[i+1].(type) {
		case Text:
			d[k] = p.Text(v)
		case Localized:
			d[k] = v.InLang(p.lang)
		case error:
			d[k] = p.Error(v)
		case int:
			d[k] = p.Num(v)
		case int64:
			d[k] = p.Num(int(v))
		default:
			d[k] = v
		}
	}
	return d
}
