package preset

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestGetErrorText: an unknown preset reads in English as it always did
// and in Turkish through clitext.Printer.Error.
func TestGetErrorText(t *testing.T) {
	_, err := Get("jekyl")
	if err == nil {
		t.Fatal(`Get("jekyl") gave no error`)
	}
	known := strings.Join(Names(), ", ")
	if got, want := err.Error(), `unknown preset "jekyl" (known: `+known+`)`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := clitext.New("tr").Error(err), `bilinmeyen hazır düzen "jekyl" (bilinenler: `+known+`)`; got != want {
		t.Errorf("Turkish: %q, want %q", got, want)
	}
}

// TestDetectText: why a site was taken for a generator's reads in English
// as Detect always gave it, and in Turkish through clitext.Printer.Text.
func TestDetectText(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("x")}
	dir := &fstest.MapFile{Mode: fs.ModeDir}
	tests := []struct {
		fsys   fstest.MapFS
		en, tr string
	}{
		{fstest.MapFS{"hugo.toml": file, "content/a.md": file},
			"hugo.toml and content/ with translations beside their sources", "hugo.toml ve çevirilerin kaynaklarının yanında durduğu content/"},
		{fstest.MapFS{"hugo.toml": file, "content/en": dir, "content/tr": dir},
			"hugo.toml and content/<lang>/ directories", "hugo.toml ve content/<dil>/ dizinleri"},
		{fstest.MapFS{"mkdocs.yml": file, "docs/en": dir, "docs/tr": dir},
			"mkdocs.yml and docs/<lang>/ directories", "mkdocs.yml ve docs/<dil>/ dizinleri"},
		{fstest.MapFS{"astro.config.mjs": file, "src/content/docs/a.md": file},
			"astro.config.mjs and src/content/docs/", "astro.config.mjs ve src/content/docs/"},
		{fstest.MapFS{"_config.yml": file}, "_config.yml", "_config.yml"},
	}
	tr := clitext.New("tr")
	for _, tt := range tests {
		p, why := Detect(tt.fsys, []string{"en", "tr"})
		pt, text := DetectText(tt.fsys, []string{"en", "tr"})
		if p == nil || pt != p {
			t.Errorf("%v: Detect %v, DetectText %v", tt.en, p, pt)
			continue
		}
		if why != tt.en || text.String() != tt.en {
			t.Errorf("English: %q and %q, want %q", why, text.String(), tt.en)
		}
		if got := tr.Text(text); got != tt.tr {
			t.Errorf("Turkish: %q, want %q", got, tt.tr)
		}
	}
	if p, why := Detect(fstest.MapFS{}, nil); p != nil || why != "" {
		t.Errorf("an empty site: %v %q", p, why)
	}
}
