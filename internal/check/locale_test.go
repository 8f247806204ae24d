package check

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

const trMessages = `by_author:
  description: Author line
  other: "{{.Name}} tarafından"
article_count:
  one: "{{.Count}} makale"
  other: "{{.Count}} makale"
`

const enMessages = `by_author:
  description: Author line
  hash: HASH
  other: "By {{.Name}}"
article_count:
  one: "{{.Count}} article"
  other: "{{.Count}} articles"
`

func TestLocaleRules(t *testing.T) {
	hash := locale.Hash(&i18n.Message{Description: "Author line", Other: "{{.Name}} tarafından"})
	faithful := strings.Replace(enMessages, "HASH", hash, 1)
	tests := []struct {
		name, old, new string
		rule           string
		line           int
		msg            string
	}{
		{"faithful", "", "", "", 0, ""},
		{"missing key", "article_count:\n  one: \"{{.Count}} article\"\n  other: \"{{.Count}} articles\"\n", "", LocaleMissingKey, 0, "message article_count (locales/tr.yaml:4) is missing"},
		{"extra key", "article_count:", "extra:\n  other: x\narticle_count:", LocaleExtraKey, 5, "message extra is not in the Turkish file"},
		{"plural", "  one: \"{{.Count}} article\"\n", "", LocalePlural, 5, "lacks the form one; English needs one, other"},
		{"unused plural", "  one: \"{{.Count}} article\"\n", "  one: \"{{.Count}} article\"\n  few: \"{{.Count}} articles\"\n", LocalePlural, 5, "has the form few, which English does not use"},
		{"placeholder", "By {{.Name}}", "By {{.Author}}", LocalePlaceholder, 1, "uses {{.Author}}"},
		{"dropped placeholder", "By {{.Name}}", "By the author", LocalePlaceholder, 1, "does not use {{.Name}}"},
		{"stale", hash, "sha1-0000", LocaleStale, 1, "translated from another version"},
	}
	cfg, err := config.Parse("ceviri.yaml", []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en := faithful
			if tt.old != "" {
				if !strings.Contains(en, tt.old) {
					t.Fatalf("%q not in the message file", tt.old)
				}
				en = strings.Replace(en, tt.old, tt.new, 1)
			}
			fsys := fstest.MapFS{"locales/tr.yaml": {Data: []byte(trMessages)}, "locales/en.yaml": {Data: []byte(en)}}
			set, err := locale.Load(fsys, "locales", cfg.Languages, cfg.Tags)
			if err != nil {
				t.Fatal(err)
			}
			got := LocaleRules(cfg, set)
			if tt.rule == "" {
				if len(got) != 0 {
					t.Errorf("faithful messages: %v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %v, want one %s finding", got, tt.rule)
			}
			if g := got[0]; g.Rule != tt.rule || g.Line != tt.line || g.File != "locales/en.yaml" || !strings.Contains(g.Message, tt.msg) {
				t.Errorf("got %s:%d: %s: %s\nwant %s at line %d containing %q", g.File, g.Line, g.Rule, g.Message, tt.rule, tt.line, tt.msg)
			}
		})
	}
}

func TestLocaleMissingFile(t *testing.T) {
	cfg, _ := config.Parse("ceviri.yaml", []byte("languages: [tr, en]\n"))
	set, err := locale.Load(fstest.MapFS{"locales/tr.yaml": {Data: []byte(trMessages)}}, "locales", cfg.Languages, cfg.Tags)
	if err != nil {
		t.Fatal(err)
	}
	got := LocaleRules(cfg, set)
	if len(got) != 1 || got[0].Rule != LocaleMissingKey || got[0].File != "locales/en.yaml" {
		t.Errorf("got %v, want one locale-missing-key for locales/en.yaml", got)
	}
	empty, _ := locale.Load(fstest.MapFS{}, "locales", cfg.Languages, cfg.Tags)
	if got := LocaleRules(cfg, empty); len(got) != 0 {
		t.Errorf("a project without message files: %v", got)
	}
}
