package project

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// failFS fails to list one directory, to test the error call.
type failFS struct {
	fstest.MapFS
	bad string
}

func (f failFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

// visits walks with walk and returns every call it got, sorted, as
// "path dir|file|error".
func visits(t *testing.T, walk func(fs.FS, string, fs.WalkDirFunc) error, fsys fs.FS, root string) []string {
	t.Helper()
	var mu sync.Mutex
	var out []string
	err := walk(fsys, root, func(name string, d fs.DirEntry, err error) error {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err != nil:
			out = append(out, name+" error "+errors.Unwrap(err).Error())
			if name == root {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			out = append(out, name+" dir")
			if strings.HasPrefix(path.Base(name), ".") && name != root {
				return fs.SkipDir
			}
		default:
			out = append(out, name+" file")
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	sort.Strings(out)
	return out
}

// walkDir must call its function for the same paths, with the same
// arguments, as fs.WalkDir does.
func TestWalkDirVisitsWhatWalkDirDoes(t *testing.T) {
	tree := fstest.MapFS{
		"articles/a/tr.md":          {},
		"articles/a/en.md":          {},
		"articles/2025/b/tr.md":     {},
		"articles/2025/c/en.md":     {},
		"articles/.hidden/x/tr.md":  {},
		"articles/bad/tr.md":        {},
		"articles/bad/deeper/en.md": {},
		"articles/z.md":             {},
		"other/ignored.md":          {},
	}
	dir := t.TempDir()
	for name := range tree {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	beneath := listFS{root.FS(), &Project{Root: dir, FS: root.FS(), dirFD: openDir(dir)}}
	for _, tt := range []struct {
		name string
		fsys fs.FS
		root string
	}{
		{"MapFS", tree, "articles"},
		{"os.Root", root.FS(), "articles"},
		{"project root", root.FS(), "."},
		{"listed beneath", beneath, "articles"},
		{"listed beneath from the project root", beneath, "."},
		{"missing root", tree, "nowhere"},
		{"a file as root", tree, "articles/z.md"},
		{"unreadable directory", failFS{tree, "articles/bad"}, "articles"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := visits(t, fs.WalkDir, tt.fsys, tt.root)
			for i := 0; i < 20; i++ { // the order varies from run to run
				if got := visits(t, walkDir, tt.fsys, tt.root); !reflect.DeepEqual(got, want) {
					t.Fatalf("walkDir visited\n%s\nfs.WalkDir visited\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}
