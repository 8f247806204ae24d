package skeleton

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/config"
)

// The chrome strings init writes are the sample project's, kept in one
// place: this test fails when the two drift apart.
func TestLocalesMatchSampleProject(t *testing.T) {
	for _, lang := range []string{"en", "tr"} {
		want, err := os.ReadFile(filepath.Join("..", "..", "locales", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		got, ok := Locale(lang)
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("embedded locales/%s.yaml differs from the repository's; copy it into internal/skeleton/files/locales", lang)
		}
	}
	de, ok := Locale("de")
	if ok || !strings.HasPrefix(string(de), "# TODO: translate these strings into de") {
		t.Errorf("unknown language: ok=%v %q", ok, de[:40])
	}
}

func TestConfigParses(t *testing.T) {
	c, err := config.Parse("ceviri.yaml", Config([]string{"en", "tr", "de"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.SourceLanguage != "en" || len(c.Languages) != 3 {
		t.Errorf("config = %+v", c)
	}
}
