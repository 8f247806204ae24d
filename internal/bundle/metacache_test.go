package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/project"
)

// TestMetaCache: a build leaves a cache the next one trusts; a corrupt,
// truncated or foreign cache is ignored, and the output never depends on it.
func TestMetaCache(t *testing.T) {
	dir := copySample(t, nil)
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	p, err := project.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	header := cacheHeader(p, "test")
	if got := readMetaCache(p, header); got == nil || len(got.Articles) != 3 {
		t.Fatalf("cache holds %v, want 3 articles", got)
	}
	if got := readMetaCache(p, cacheHeader(p, "other version")); got != nil {
		t.Errorf("a cache of another ceviri version is trusted")
	}
	name := filepath.Join(dir, metaCacheFile)
	good, _ := os.ReadFile(name)
	want := tree(t, out)
	for what, data := range map[string][]byte{
		"flipped byte": append(append([]byte{}, good[:10]...), append([]byte{good[10] ^ 1}, good[11:]...)...),
		"truncated":    good[:len(good)/2],
		"empty":        nil,
		"garbage":      []byte("not a cache at all, but long enough to hold a checksum......."),
	} {
		t.Run(what, func(t *testing.T) {
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := readMetaCache(p, header); got != nil {
				t.Errorf("a %s cache is trusted", what)
			}
			out2 := t.TempDir()
			mustBuild(t, dir, out2, Options{})
			if d := diffTrees(want, tree(t, out2)); len(d) > 0 {
				t.Errorf("with a %s cache the build differs in %v", what, d)
			}
		})
	}
}

// TestMetaCacheStats: with no timestamp margin (so that files written by
// the test count as safely older than the cache), an unchanged article is
// taken from the cache without reading its files, and every kind of edit,
// even one that keeps the size and puts the old mtime back, is still seen.
func TestMetaCacheStats(t *testing.T) {
	noMargin := Options{Granularity: time.Nanosecond}
	dir := copySample(t, nil)
	out := t.TempDir()
	mustBuild(t, dir, out, noMargin)
	p, err := project.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := p.Scan()
	mc := readMetaCache(p, cacheHeader(p, "test"))
	if mc != nil {
		mc.granularity = noMargin.Granularity
	}
	arts, errs := loadArticles(p, files, 1, mc)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, a := range arts {
		if mc.ids[a.ID] != a {
			t.Errorf("%s: unchanged, but not taken from the cache by its stats", a.ID)
		}
	}

	name := filepath.Join(dir, "articles/kampuste-yapay-zeka/tr.md")
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	edited := strings.Replace(string(data), "Kampüste yapay zekâ:", "Kampüste yapay zekâ!", 1) // same size
	if len(edited) != len(data) || edited == string(data) {
		t.Fatal("the edit must keep the size")
	}
	time.Sleep(10 * time.Millisecond) // a later change time than the cache's
	if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	// Make the cache look written after the edit, so that only the stat
	// (the change time here) can tell the file changed.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, metaCacheFile), later, later); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, dir, out, noMargin)
	full := t.TempDir()
	mustBuild(t, dir, full, Options{Full: true})
	if d := diffTrees(tree(t, full), tree(t, out)); len(d) > 0 {
		t.Errorf("a same-size edit with the mtime put back was missed: %v", d)
	}
	page, _ := os.ReadFile(filepath.Join(out, "tr/index.json"))
	if !strings.Contains(string(page), "Kampüste yapay zekâ!") {
		t.Errorf("the list does not show the edited title")
	}
}
