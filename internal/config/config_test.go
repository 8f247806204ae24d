package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

func TestParseValid(t *testing.T) {
	c, err := Parse("ceviri.yaml", []byte(`# comment
languages: [tr, en-GB]
source_language: en-GB
content: content/{lang}/{id}.md
translatable: [title, category, tags]
build:
  fallback: skip
  min_current: 80
  archive: zip
check:
  rules: {stale-translation: warning}
  paths: {tr: /tr/, en-GB: /}
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Languages, ","); got != "tr,en-GB" {
		t.Errorf("languages = %s", got)
	}
	if c.SourceLanguage != "en-GB" || c.Content != "content/{lang}/{id}.md" || c.Build.Fallback != "skip" ||
		c.Build.MinCurrent != 80 || c.Build.Archive != "zip" || c.Check.Rules["stale-translation"] != "warning" ||
		c.Check.Paths["tr"] != "/tr/" || !c.IsTranslatable("Category") || c.IsTranslatable("date") {
		t.Errorf("unexpected config %+v", c)
	}
}

func TestParseDefaults(t *testing.T) {
	c, err := Parse("ceviri.yaml", []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.SourceLanguage != "tr" || c.Content != DefaultContent || c.Locales != "locales" ||
		strings.Join(c.Translatable, ",") != "title,summary,description" || c.Build.Out != "dist" || c.Build.Fallback != "source" {
		t.Errorf("defaults not applied: %+v", c)
	}
}

// TestParseFieldKinds covers the keys of issue 12: local fields (with
// defaults that give way to translatable ones), where records live, and
// the placeholder marker.
func TestParseFieldKinds(t *testing.T) {
	tests := []struct {
		name, yaml                  string
		local, records, placeholder string
		isLocal, notLocal           []string
	}{
		{"defaults", "languages: [tr, en]\n",
			"lang,lastmod,slug,url,aliases,translationKey,l10n,default_lang_commit,drifted_from_default", "front-matter", "",
			[]string{"Lang", "translationkey"}, []string{"date", "title"}},
		{"a default local field made translatable is translatable",
			"languages: [tr, en]\ntranslatable: [title, slug]\n",
			"lang,lastmod,url,aliases,translationKey,l10n,default_lang_commit,drifted_from_default", "front-matter", "",
			[]string{"url"}, []string{"slug"}},
		{"all written",
			"languages: [tr, en]\nlocal: [date, permalink]\nrecords: lockfile\nplaceholder: {field: untranslated}\n",
			"date,permalink", "lockfile", "untranslated",
			[]string{"date", "Untranslated"}, []string{"lang"}},
		{"no local fields", "languages: [tr, en]\nlocal: []\n", "", "front-matter", "", nil, []string{"lang"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("ceviri.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(c.Local, ","); got != tt.local || c.Records != tt.records || c.Placeholder.Field != tt.placeholder {
				t.Errorf("local %q records %q placeholder %q", got, c.Records, c.Placeholder.Field)
			}
			for _, k := range tt.isLocal {
				if !c.IsLocal(k) {
					t.Errorf("IsLocal(%q) = false", k)
				}
			}
			for _, k := range tt.notLocal {
				if c.IsLocal(k) {
					t.Errorf("IsLocal(%q) = true", k)
				}
			}
		})
	}
}

func TestParseContentMap(t *testing.T) {
	c, err := Parse("ceviri.yaml", []byte("languages: [en, pt-br]\ncontent:\n  en: _articles/{id}.md\n  pt-BR: _articles/{lang}/{id}.mdx\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Content != "" || c.Template("en") != "_articles/{id}.md" || c.Template("pt-BR") != "_articles/{lang}/{id}.mdx" {
		t.Errorf("content %q templates %v", c.Content, c.Templates)
	}
	c, err = Parse("ceviri.yaml", []byte("languages: [en, tr]\n"))
	if err != nil || c.Template("tr") != DefaultContent {
		t.Errorf("default template %q %v", c.Template("tr"), err)
	}
}

func TestExclude(t *testing.T) {
	c, err := Parse("ceviri.yaml", []byte("languages: [en, tr]\nexclude: {all: [drafts/**, \"**/_*\"], tr: [blog/**]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, lang string
		want     bool
	}{
		{"drafts/a", "en", true}, {"drafts/2025/a", "tr", true}, {"drafts", "en", true},
		{"docs/_index", "en", true}, {"_index", "tr", true},
		{"blog/a", "tr", true}, {"blog/a", "en", false}, {"blogs/a", "tr", false},
		{"docs/a", "en", false},
	}
	for _, tt := range tests {
		if got := c.Excluded(tt.id, tt.lang); got != tt.want {
			t.Errorf("Excluded(%q, %q) = %v, want %v", tt.id, tt.lang, got, tt.want)
		}
	}
	if !c.ExcludedEverywhere("drafts/x") || c.ExcludedEverywhere("blog/x") {
		t.Error("ExcludedEverywhere")
	}
	c, err = Parse("ceviri.yaml", []byte("languages: [en, tr]\nexclude: [blog/*]\n"))
	if err != nil || !c.Excluded("blog/a", "tr") || c.Excluded("blog/a/b", "tr") {
		t.Errorf("list form: %v", err)
	}
}

func TestParseBuildAndCheckKeys(t *testing.T) {
	c, err := Parse("ceviri.yaml", []byte(`languages: [en, tr]
build: {html: trust, anchors: github}
check:
  code_placeholders: ['\{\{[^}]*\}\}']
  equivalent_links:
    - {en: "https://learn.microsoft.com/en-us/", tr: "https://learn.microsoft.com/tr-tr/"}
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Build.HTML != "trust" || c.Build.Anchors != "github" || len(c.Check.CodePlaceholders) != 1 ||
		len(c.Check.EquivalentLinks) != 1 || c.Check.EquivalentLinks[0]["tr"] != "https://learn.microsoft.com/tr-tr/" {
		t.Errorf("%+v %+v", c.Build, c.Check)
	}
	c, _ = Parse("ceviri.yaml", []byte("languages: [en, tr]\n"))
	if c.Build.HTML != "sanitize" || c.Build.Anchors != "ascii" {
		t.Errorf("defaults %+v", c.Build)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "languages: [tr, en]\nlanguage: tr\n", "ceviri.yaml:2:1: unknown key \"language\""},
		{"bad tag", "languages: [tr, 'e n']\n", "ceviri.yaml:1:17: bad language tag \"e n\""},
		{"one language", "languages: [tr]\n", "ceviri.yaml:1:1: a project needs at least two languages"},
		{"duplicate language", "languages: [tr, en, tr]\n", "ceviri.yaml:1:21: language \"tr\" listed twice"},
		{"no languages", "content: a/{id}/{lang}.md\n", "missing key `languages`"},
		{"empty", "\n", "ceviri.yaml:1:1: empty configuration"},
		{"source not listed", "languages: [tr, en]\nsource_language: de\n", "ceviri.yaml:2:18: source_language \"de\" is not one of"},
		{"bad template", "languages: [tr, en]\ncontent: articles/{id}.md\n", "ceviri.yaml:2:10: content template"},
		{"bad fallback", "languages: [tr, en]\nbuild:\n  fallback: maybe\n", "ceviri.yaml:3:13: \"maybe\" is not one of source, skip, fail"},
		{"unknown build key", "languages: [tr, en]\nbuild:\n  output: x\n", "ceviri.yaml:3:3: unknown key \"output\" in build"},
		{"bad severity", "languages: [tr, en]\ncheck:\n  rules:\n    links: fatal\n", "ceviri.yaml:4:12: \"fatal\" is not one of error, warning, off"},
		{"bad min_current", "languages: [tr, en]\nbuild: {min_current: 140}\n", "min_current must be a whole number from 0 to 100"},
		{"malformed", "languages: [tr, en\n", "ceviri.yaml:1:1: invalid YAML"},
		{"not a list", "languages: tr\n", "ceviri.yaml:1:12: expected a list"},
		{"duplicate key", "languages: [tr, en]\nlanguages: [en, tr]\n", "ceviri.yaml:2:1: duplicate key \"languages\""},
		{"unknown alias", "languages: [tr, en]\nbuild:\n  out: *dir\n", "ceviri.yaml:3:8: invalid YAML: alias *dir names no anchor (&dir) before it"},
		{"control character", "languages: [tr, en]\nbuild:\n  out: \"dı\x01st\"\n", "ceviri.yaml:3:11: invalid YAML: control character U+0001 is not allowed"},
		{"alias of a bomb", bombConfig, "ceviri.yaml:13:16: min_current must be a whole number"},
		{"local and translatable", "languages: [tr, en]\ntranslatable: [title, slug]\nlocal: [slug]\n", "ceviri.yaml:3:9: \"slug\" is both local and translatable"},
		{"bad records", "languages: [tr, en]\nrecords: git\n", "ceviri.yaml:2:10: \"git\" is not one of front-matter, lockfile"},
		{"placeholder translated", "languages: [tr, en]\ntranslatable: [title, untranslated]\nplaceholder: {field: untranslated}\n", "ceviri.yaml:2:23: \"untranslated\" is the placeholder field"},
		{"unknown placeholder key", "languages: [tr, en]\nplaceholder: {marker: x}\n", "ceviri.yaml:2:15: unknown key \"marker\" in placeholder"},
		{"content map: language missing", "languages: [en, tr]\ncontent: {en: \"_a/{id}.md\"}\n", "ceviri.yaml:2:10: content has no template for tr"},
		{"content map: unknown language", "languages: [en, tr]\ncontent: {en: \"a/{id}.md\", tr: \"a/tr/{id}.md\", de: \"a/de/{id}.md\"}\n", "ceviri.yaml:2:48: content names \"de\""},
		{"content map: same template twice", "languages: [en, tr]\ncontent:\n  en: docs/{id}.md\n  tr: docs/{id}.md\n", "ceviri.yaml:4:3: en and tr have the same template \"docs/{id}.md\""},
		{"content map: no id", "languages: [en, tr]\ncontent: {en: \"a/x.md\", tr: \"a/tr/{id}.md\"}\n", "ceviri.yaml:2:15: content template \"a/x.md\" must contain {id} once"},
		{"content: a list item without {lang}", "languages: [en, tr]\ncontent: [\"a/{id}.md\"]\n", "ceviri.yaml:2:11: content template \"a/{id}.md\" must contain {id} and {lang} once each"},
		{"content: two sections named alike", "languages: [en, tr]\ncontent:\n  - {en: \"docs/{id}.md\", tr: \"tr/docs/{id}.md\"}\n  - {en: \"x/docs/{id}.md\", tr: \"tr/x/docs/{id}.md\"}\n", "ceviri.yaml:4:5: two sections of content are named \"docs\""},
		{"content: a number", "languages: [en, tr]\ncontent: 3\n", "must contain {id} and {lang}"},
		{"content: .txt", "languages: [en, tr]\ncontent: a/{id}/{lang}.txt\n", "must end in .md, .markdown, .mdx"},
		{"content: bad alternative", "languages: [en, tr]\ncontent: a/{id}/{lang}.{md,txt}\n", "\".txt\" is not one of .md, .markdown, .mdx"},
		{"content: escapes", "languages: [en, tr]\ncontent: ../a/{id}/{lang}.md\n", "must be a clean path inside the project"},
		{"exclude: bad glob", "languages: [en, tr]\nexclude: [\"blog/[\"]\n", "ceviri.yaml:2:11: exclude glob \"blog/[\""},
		{"exclude: unknown language", "languages: [en, tr]\nexclude: {de: [a]}\n", "ceviri.yaml:2:11: exclude names \"de\""},
		{"exclude: scalar", "languages: [en, tr]\nexclude: blog\n", "ceviri.yaml:2:10: exclude must be a list"},
		{"bad html", "languages: [en, tr]\nbuild: {html: raw}\n", "\"raw\" is not one of omit, sanitize, trust"},
		{"bad anchors", "languages: [en, tr]\nbuild: {anchors: gitlab}\n", "\"gitlab\" is not one of ascii, github, hugo"},
		{"bad placeholder regexp", "languages: [en, tr]\ncheck: {code_placeholders: [\"{{[\"]}\n", "code_placeholders: \"{{[\" is not a regular expression"},
		{"equivalent link one language", "languages: [en, tr]\ncheck: {equivalent_links: [{en: /a/}]}\n", "needs a prefix for at least two languages"},
		{"equivalent link unknown language", "languages: [en, tr]\ncheck: {equivalent_links: [{en: /a/, de: /b/}]}\n", "equivalent_links names \"de\""},
		{"paths unknown lang", "languages: [tr, en]\ncheck:\n  paths: {de: /de/}\n", "ceviri.yaml:3:11: check.paths names \"de\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("ceviri.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

// bombConfig is a billion laughs (issue 11) behind min_current, which
// yaml.v3 would expand to decode.
var bombConfig = func() string {
	var b strings.Builder
	b.WriteString("languages: [tr, en]\nx:\n  a: &a [x,x,x,x,x,x,x,x,x]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		fmt.Fprintf(&b, "  %s: &%s [%s]\n", name, name, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
		prev = name
	}
	b.WriteString("build:\n  min_current: *i\n")
	return b.String()
}()

func TestParseReportsAllProblems(t *testing.T) {
	_, err := Parse("ceviri.yaml", []byte("languages: [tr, en]\nfoo: 1\nbar: 2\n"))
	if err == nil || !strings.Contains(err.Error(), `"foo"`) || !strings.Contains(err.Error(), `"bar"`) {
		t.Errorf("want both unknown keys reported, got %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("languages: [tr, en]\n"))
	f.Add([]byte("languages: [tr, en]\nbuild: {fallback: skip, min_current: 5}\ncheck: {rules: {links: off}}\n"))
	f.Add([]byte("languages: [&a tr, *a]\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte(bombConfig))
	f.Add([]byte("languages: [tr, en]\nbuild:\n  out: *dir\n"))
	f.Add([]byte("languages: [tr, en]\nbuild: \"\x01\"\n"))
	f.Add([]byte("languages: [tr, en]\ncheck:\n  rules: {links: off, links: error}\n"))
	f.Add([]byte("languages: [tr, en]\nx: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"))
	f.Add([]byte("languages: [tr, en]\n? [a]\n: b\n"))
	f.Add([]byte("languages: [tr, en]\nlocal: [lang, Title]\ntranslatable: [title]\nrecords: lockfile\nplaceholder: {field: untranslated}\n"))
	f.Add([]byte("languages: [tr, en]\nglossary: terms/kurum.tbx\n"))
	f.Add([]byte("languages: [tr, en]\nglossary: ../../etc/passwd.csv\n"))
	f.Add([]byte("languages: [tr, en]\nglossary: 'C:\\\\x.csv'\n"))
	// The YAML parser's common messages, which ceviri writes in Turkish.
	f.Add([]byte("languages: [tr, en]\ntitle: a: b\n  x: [\n"))
	f.Add([]byte("languages: [tr, en]\nx: \"a\\qb\"\ny: @z\n"))
	f.Add([]byte("languages: [tr, fr]\ncontent: {tr: a/{id}.md, en: a/{id}.md}\nbuild: {fallback: x, min_current: 200}\n"))
	tr := clitext.New("tr")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("ceviri.yaml", data)
		if err == nil && c.Glossary.Path != DefaultGlossary && ValidateGlossary(c.Glossary.Path) != nil {
			t.Fatalf("accepted glossary %q", c.Glossary.Path)
		}
		if err == nil && len(c.Languages) < 2 {
			t.Fatalf("accepted a config with %d languages", len(c.Languages))
		}
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "ceviri.yaml:") {
					t.Fatalf("error without position: %q", line)
				}
			}
			// In Turkish too, line for line, with every value of its template.
			s := tr.Error(err)
			if strings.Count(s, "\n") != strings.Count(err.Error(), "\n") || strings.Contains(s, "<no value>") && !strings.Contains(string(data), "<no value>") {
				t.Fatalf("Turkish error %q (English %q)", s, err)
			}
			for _, line := range strings.Split(s, "\n") {
				if !strings.HasPrefix(line, "ceviri.yaml:") {
					t.Fatalf("Turkish error without position: %q", line)
				}
			}
		}
	})
}

func TestGlossaryKey(t *testing.T) {
	c, err := Parse("ceviri.yaml", []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Glossary.Path != DefaultGlossary || c.Glossary.Explicit() {
		t.Errorf("default glossary = %+v, want %s, not explicit", c.Glossary, DefaultGlossary)
	}
	c, err = Parse("ceviri.yaml", []byte("languages: [tr, en]\nglossary: terms/kurum.tbx\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Glossary != (Glossary{Path: "terms/kurum.tbx", Line: 2, Col: 11}) || !c.Glossary.Explicit() {
		t.Errorf("glossary = %+v", c.Glossary)
	}
	bad := []struct{ yaml, want string }{
		{"glossary: /etc/terms.csv\n", "ceviri.yaml:2:11: glossary \"/etc/terms.csv\" must be a path inside the project"},
		{"glossary: ../terms.csv\n", "ceviri.yaml:2:11: glossary \"../terms.csv\" must be a clean path inside the project"},
		{"glossary: terms.txt\n", "ceviri.yaml:2:11: glossary \"terms.txt\" must end in .csv or .tbx"},
		{"glossary: 'a\\b.csv'\n", "write paths with /"},
		{"glossary: ''\n", "ceviri.yaml:2:11: glossary must name a file"},
		{"glossary: [a.csv]\n", "ceviri.yaml:2:11: expected a single value"},
	}
	for _, tt := range bad {
		_, err := Parse("ceviri.yaml", []byte("languages: [tr, en]\n"+tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.yaml, err, tt.want)
		}
	}
}
