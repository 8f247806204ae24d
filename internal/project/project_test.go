package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func write(t *testing.T, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScanAndLoad(t *testing.T) {
	root := t.TempDir()
	write(t, root, "ceviri.yaml", "languages: [tr, en]\n")
	write(t, root, "articles/b/tr.md", "---\ntitle: B\n---\nBir iki.\n")
	write(t, root, "articles/b/en.md", "---\ntitle: B\n---\nOne two.\n")
	write(t, root, "articles/2025/a/en.md", "---\ntitle: A\n---\nx\n")
	write(t, root, "articles/2025/a/notes.txt", "not an article")
	write(t, root, "articles/.drafts/c/tr.md", "hidden")
	write(t, root, "articles/bad/tr.md", "---\ntitle: [\n---\n")
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: S\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "articles/link"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "articles/link/tr.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../b/tr.md", filepath.Join(root, "articles/link/en.md")); err != nil {
		t.Fatal(err)
	}

	p, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	files, errs := p.Scan()
	var got []string
	for _, f := range files {
		got = append(got, f.ID+":"+f.Lang)
	}
	if want := "2025/a:en b:tr b:en bad:tr link:en"; strings.Join(got, " ") != want {
		t.Errorf("files = %s, want %s", strings.Join(got, " "), want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "articles/link/tr.md:1:1: symlink points outside the project") {
		t.Errorf("errs = %v", errs)
	}
	vs := p.Load(files)
	if vs[3].Err == nil || !strings.HasPrefix(vs[3].Err.Error(), "articles/bad/tr.md:2:") {
		t.Errorf("bad file error = %v", vs[3].Err)
	}
	if vs[1].Err != nil || vs[1].Words != 3 || vs[1].Fingerprint == "" {
		t.Errorf("b/tr = %+v", vs[1])
	}
	arts := Group(vs)
	if len(arts) != 4 || arts[1].ID != "b" || len(arts[1].Versions) != 2 {
		t.Errorf("grouped %d articles", len(arts))
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	write(t, root, "ceviri.yaml", "languages: [tr, en]\n")
	deep := filepath.Join(root, "articles", "x", "y")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Find(deep)
	if err != nil || got != root {
		t.Errorf("Find = %q, %v; want %q", got, err, root)
	}
	if _, err := Find(t.TempDir()); err != ErrNotFound {
		t.Errorf("Find outside a project = %v", err)
	}
}

func TestNewWithMapFS(t *testing.T) {
	fsys := fstest.MapFS{
		"content/en/x.md": {Data: []byte("---\ntitle: X\n---\nHello.\n")},
		"content/tr/x.md": {Data: []byte("---\ntitle: X\n---\nMerhaba.\n")},
		"content/tr/y.md": {Data: []byte("---\ntitle: Y\n---\n")},
	}
	p, err := New("/p", fsys, []byte("languages: [en, tr]\ncontent: content/{lang}/{id}.md\n"))
	if err != nil {
		t.Fatal(err)
	}
	files, errs := p.Scan()
	if len(errs) != 0 || len(files) != 3 || files[0] != (File{ID: "x", Lang: "en", Path: "content/en/x.md"}) {
		t.Errorf("files = %v, errs = %v", files, errs)
	}
}
