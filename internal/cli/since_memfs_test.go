package cli

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
)

func TestMemFS(t *testing.T) {
	m := newMemFS()
	m.add("articles/b/tr.md", []byte("b"), false)
	m.add("articles/a/tr.md", []byte("a"), false)
	m.add("articles/a/en.md", []byte("tr.md"), true)               // inside: read through
	m.add("articles/c/en.md", []byte("../a/en.md"), true)          // a chain
	m.add("articles/d/en.md", []byte("../../../etc/passwd"), true) // out through ..
	m.add("articles/e/en.md", []byte("/etc/passwd"), true)         // absolute
	m.add("articles/f/en.md", []byte("nowhere.md"), true)          // nowhere
	m.add("articles/g/en.md", []byte("en.md"), true)               // a loop
	m.add("articles/h", []byte("a"), true)                         // a directory
	m.add("../x", []byte("x"), false)                              // not a valid name: ignored
	m.add("articles/a/tr.md", []byte("again"), false)              // added once
	m.seal()
	good := newMemFS()
	for _, name := range []string{"articles/b/tr.md", "articles/a/tr.md", "articles/a/en.md", "articles/c/en.md"} {
		f := m.files[name]
		good.add(name, f.data, f.mode&fs.ModeSymlink != 0)
	}
	good.seal()
	if err := fstest.TestFS(good, "articles/a/tr.md", "articles/b/tr.md", "articles/a/en.md", "articles/c/en.md"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"articles/a/en.md": "a", "articles/c/en.md": "a", "articles/a/tr.md": "a"} {
		if got, err := fs.ReadFile(m, name); err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, name := range []string{"articles/d/en.md", "articles/e/en.md", "articles/f/en.md", "articles/g/en.md", "../x", "x"} {
		if _, err := fs.Stat(m, name); !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Stat(%s) = %v, want not found", name, err)
		}
	}
	if fi, err := fs.Stat(m, "articles/h"); err != nil || !fi.IsDir() {
		t.Errorf("Stat(articles/h) = %v, %v; want the directory it leads to", fi, err)
	}
	ents, err := fs.ReadDir(m, "articles")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
		if e.Name() == "h" && e.Type()&fs.ModeSymlink == 0 {
			t.Error("a symlink is listed as what it leads to")
		}
	}
	if want := []string{"a", "b", "c", "d", "e", "f", "g", "h"}; !reflect.DeepEqual(names, want) {
		t.Errorf("ReadDir(articles) = %v, want %v", names, want)
	}
}
