package bundle

import (
	"os"
	"path/filepath"
	"testing"

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
	if got := readMetaCache(p, header); len(got) != 3 {
		t.Fatalf("cache holds %d articles, want 3", len(got))
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
