package clitext_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/check"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/locale"
)

// TestMessageFiles checks ceviri's own message files with the rules ceviri
// applies to a site's: every key in every language, the plural forms each
// language needs, the same template variables.
func TestMessageFiles(t *testing.T) {
	cfg, err := config.Default(clitext.Langs)
	if err != nil {
		t.Fatal(err)
	}
	// ceviri's locale rules read one file per language: each language's
	// files are joined, and a finding's line is traced back to its file.
	fsys := fstest.MapFS{}
	type part struct {
		name  string
		first int // line of the joined file where name begins
	}
	parts := map[string][]part{}
	for _, l := range clitext.Langs {
		var joined []byte
		line := 1
		for _, name := range clitext.FilesOf(l) {
			data, err := fs.ReadFile(clitext.Files, name)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > 0 && data[len(data)-1] != '\n' {
				data = append(data, '\n')
			}
			parts[l] = append(parts[l], part{name, line})
			joined = append(joined, data...)
			line += bytes.Count(data, []byte("\n"))
		}
		fsys["messages/"+l+".yaml"] = &fstest.MapFile{Data: joined}
	}
	where := func(lang string, line int) string {
		name, first := "messages/"+lang+".yaml", 1
		for _, p := range parts[lang] {
			if line >= p.first {
				name, first = p.name, p.first
			}
		}
		return fmt.Sprintf("%s:%d", name, line-first+1)
	}
	set, err := locale.Load(fsys, "messages", cfg.Languages, cfg.Tags)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range check.LocaleRules(cfg, set) {
		lang, _ := clitext.FileLang(f.File)
		t.Errorf("%s: %s: %s", where(lang, f.Line), f.Rule, f.Message)
	}
}
