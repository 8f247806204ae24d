package corpusgen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// The same seed and size give the same bytes; another seed does not.
func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	gen := func(name string, seed uint64) map[string][]byte {
		p := filepath.Join(dir, name)
		if _, err := Generate(Options{Dir: p, Articles: 25, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(p, path)
				files[rel], _ = os.ReadFile(path)
			}
			return nil
		})
		return files
	}
	a, b, c := gen("a", 3), gen("b", 3), gen("c", 4)
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("same seed, different %s", name)
		}
	}
	same := 0
	for name, data := range a {
		if bytes.Equal(data, c[name]) {
			same++
		}
	}
	if same > len(a)/2 {
		t.Errorf("another seed gave %d of %d identical files", same, len(a))
	}
}

// ceviri finds every version in the state the generator meant, and the
// text has every Turkish letter.
func TestStatesAreWhatCeviriSees(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	st, err := Generate(Options{Dir: dir, Articles: 150, Seed: 1, HugoDir: filepath.Join(filepath.Dir(dir), "hugo")})
	if err != nil {
		t.Fatal(err)
	}
	p, err := project.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, errs := p.Scan()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	versions := p.Load(files)
	var all bytes.Buffer
	for _, v := range versions {
		if v.Err != nil {
			t.Fatalf("generated an unreadable file: %v", v.Err)
		}
		all.Write(v.Doc.Raw)
	}
	got := map[string]int{}
	for _, a := range track.Analyze(p, project.Group(versions)) {
		for _, v := range a.Versions {
			if v.State != track.Source {
				got[string(v.State)]++
			}
		}
	}
	for _, s := range []string{"current", "stale", "draft", "missing", "untracked"} {
		if got[s] != st.States[s] || got[s] == 0 {
			t.Errorf("%s: ceviri sees %d, the generator wrote %d (want equal and not zero)", s, got[s], st.States[s])
		}
	}
	for _, r := range "çğıİöşüÇŞÖÜ" {
		if !bytes.ContainsRune(all.Bytes(), r) {
			t.Errorf("no %q in the corpus", r)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "hugo", "content", "tr", ID(0)+".md")); err != nil {
		t.Errorf("Hugo site: %v", err)
	}
}
