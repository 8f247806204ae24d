package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusPagesValid builds the real CNCF glossary (58 English pages and
// their Turkish translations, ../shared/corpus) and checks every page as
// TestPagesAreValidHTML does: real content, written by people who never
// heard of ceviri, with Hugo shortcodes, raw HTML and odd front matter.
func TestCorpusPagesValid(t *testing.T) {
	corpus, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cncf-glossary"))
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("SKIP: the shared corpus is not beside this checkout (%v)", err)
	}
	dir := t.TempDir()
	for _, lang := range []string{"en", "tr"} {
		src := filepath.Join(corpus, lang)
		err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			writeFiles(t, dir, map[string]string{"content/" + lang + "/" + filepath.ToSlash(rel): string(data)})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	writeFiles(t, dir, map[string]string{"ceviri.yaml": "languages: [en, tr]\ncontent: content/{lang}/{id}.md\n"})
	out := t.TempDir()
	res := mustBuild(t, dir, out, Options{})
	if n := res.lang("tr").Articles; n != 58 {
		t.Errorf("tr bundle has %d articles, want 58", n)
	}
	pages := 0
	for rel := range tree(t, out) {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		pages++
		data, _ := os.ReadFile(filepath.Join(out, rel))
		for _, p := range checkHTML(data) {
			t.Errorf("%s: %s", rel, p)
		}
	}
	if pages != 2*59 {
		t.Errorf("checked %d pages, want %d", pages, 2*59)
	}
}
