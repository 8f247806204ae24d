package clitext_test

import (
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
	fsys := fstest.MapFS{}
	for _, l := range clitext.Langs {
		data, err := fs.ReadFile(clitext.Files, "messages/"+l+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		fsys["messages/"+l+".yaml"] = &fstest.MapFile{Data: data}
	}
	set, err := locale.Load(fsys, "messages", cfg.Languages, cfg.Tags)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range check.LocaleRules(cfg, set) {
		t.Errorf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Message)
	}
}
