package layers

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/ceviri/ceviri/"

// TestLayering fails when a package imports one of its own layer or a
// higher one, or when a package is missing from Of (a new package must be
// given its place).
func TestLayering(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, top := range []string{"internal", "cmd"} {
		entries, err := os.ReadDir(filepath.Join(root, top))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				dirs = append(dirs, top+"/"+e.Name())
			}
		}
	}
	graph := map[string][]string{}
	for _, dir := range dirs {
		pkg, err := build.Default.ImportDir(filepath.Join(root, dir), 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				continue
			}
			t.Fatalf("%s: %v", dir, err)
		}
		graph[dir] = []string{}
		for _, imp := range pkg.Imports {
			if rel, ok := strings.CutPrefix(imp, module); ok {
				graph[dir] = append(graph[dir], rel)
			}
		}
	}
	if len(graph) < 20 {
		t.Fatalf("found only %d packages", len(graph))
	}
	for _, v := range Violations(graph) {
		t.Error(v)
	}
}

// TestViolations: an import that runs upwards or sideways, and a package
// without a layer, are found.
func TestViolations(t *testing.T) {
	got := Violations(map[string][]string{
		"internal/track":   {"internal/project", "internal/check"},
		"internal/segment": {"internal/lockfile"},
		"internal/new":     {},
	})
	want := []string{
		"internal/new has no layer: give it one in internal/layers and docs/architecture.md",
		"internal/segment (layer 4) imports internal/lockfile (layer 4): imports run downwards only",
		"internal/track (layer 6) imports internal/check (layer 7): imports run downwards only",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
}
