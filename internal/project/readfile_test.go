package project

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadFileStaysInside(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for name, data := range map[string]string{
		"ceviri.yaml":          "languages: [tr, en]\nsource_language: tr\n",
		"articles/a/tr.md":     "merhaba",
		"articles/b/notes.txt": "x",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"articles/b/inside.md":   "../a/tr.md",
		"articles/b/outside.md":  filepath.Join(outside, "secret.md"),
		"articles/b/relative.md": "../../../" + filepath.Base(outside) + "/secret.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	p, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want string // "" when reading must fail
	}{
		{"articles/a/tr.md", "merhaba"},
		{"articles/b/inside.md", "merhaba"},
		{"articles/b/outside.md", ""},
		{"articles/b/relative.md", ""},
		{"../" + filepath.Base(outside) + "/secret.md", ""},
		{"articles/a/none.md", ""},
	}
	for _, tt := range tests {
		data, err := p.ReadFile(tt.name)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("ReadFile(%q) = %q, want an error", tt.name, data)
		case tt.want != "" && (err != nil || string(data) != tt.want):
			t.Errorf("ReadFile(%q) = %q, %v, want %q", tt.name, data, err, tt.want)
		}
	}
}

func TestReadFileLarge(t *testing.T) {
	root := t.TempDir()
	big := make([]byte, 1<<20+3)
	for i := range big {
		big[i] = byte('a' + i%26)
	}
	os.WriteFile(filepath.Join(root, "ceviri.yaml"), []byte("languages: [tr, en]\nsource_language: tr\n"), 0o644)
	os.WriteFile(filepath.Join(root, "big.md"), big, 0o644)
	os.WriteFile(filepath.Join(root, "empty.md"), nil, 0o644)
	p, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := p.ReadFile("big.md"); err != nil || string(data) != string(big) {
		t.Errorf("big.md: %d bytes, %v; want %d bytes", len(data), err, len(big))
	}
	if data, err := p.ReadFile("empty.md"); err != nil || len(data) != 0 {
		t.Errorf("empty.md: %q, %v", data, err)
	}
}
