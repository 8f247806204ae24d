package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"articles/real/en.md": "x",
		"articles/link":       "-> real",
		"articles/up":         "-> ../articles",
		"articles/loop":       "-> loop",
		"articles/file-link":  "-> real/en.md",
		"articles/dangling":   "-> nowhere/else",
		"articles/out":        "-> " + outside,
		"articles/out-rel":    "-> ../../" + filepath.Base(outside),
		"articles/abs-in":     "-> " + filepath.Join(dir, "articles", "real"),
		"articles/dotdot-out": "-> ../..",
	})
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, tc := range []struct {
		name, want string
		escapes    bool
	}{
		{name: "articles/real/en.md", want: "articles/real/en.md"},
		{name: "articles/new/tr.md", want: "articles/new/tr.md"},
		{name: "articles/link/en.md", want: "articles/real/en.md"},
		{name: "articles/link/tr.md", want: "articles/real/tr.md"},
		{name: "articles/up/link/en.md", want: "articles/real/en.md"},
		{name: "articles/file-link", want: "articles/real/en.md"},
		{name: "articles/dangling", want: "articles/nowhere/else"},
		{name: "articles/abs-in/en.md", want: "articles/real/en.md"},
		{name: "articles/out/tr.md", escapes: true},
		{name: "articles/out-rel/tr.md", escapes: true},
		{name: "articles/dotdot-out/x", escapes: true},
	} {
		got, err := d.Resolve(tc.name)
		switch {
		case tc.escapes:
			var ee *EscapeError
			if !errors.As(err, &ee) || !errors.Is(err, ErrEscapes) {
				t.Errorf("Resolve(%q) = %q, %v; want an EscapeError", tc.name, got, err)
			}
		case err != nil || got != tc.want:
			t.Errorf("Resolve(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	if _, err := d.Resolve("articles/loop/x"); err == nil {
		t.Error("a symlink loop resolved")
	}
	for _, bad := range []string{"../x", "/etc/passwd", "a/../../x", `a\..\x`, ""} {
		if _, err := d.Resolve(bad); err == nil {
			t.Errorf("Resolve(%q) accepted a name that is not a clean relative path", bad)
		}
	}
}

// TestWriteFileThroughSymlink: a symlink that stays inside is written
// through (the target changes, the link stays a link).
func TestWriteFileThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"real/en.md": "old", "en.md": "-> real/en.md"})
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.WriteFile("en.md", []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, dir)
	if got["en.md"] != "-> real/en.md" || got["real/en.md"] != "new" || len(got) != 3 {
		t.Errorf("after writing through the link: %v", got)
	}
}

func TestWriteFileRefusesEscape(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	writeTree(t, outside, map[string]string{"victim": "keep"})
	writeTree(t, dir, map[string]string{".ceviri": "-> " + outside, "a.md": "-> " + filepath.Join(outside, "victim")})
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, name := range []string{".ceviri/cache/x", "a.md"} {
		if err := d.WriteFile(name, []byte("x"), 0o644); !errors.Is(err, ErrEscapes) {
			t.Errorf("WriteFile(%q) = %v, want ErrEscapes", name, err)
		}
	}
	if _, err := d.Lock(".ceviri/lock", 0); !errors.Is(err, ErrEscapes) {
		t.Errorf("Lock through a symlink out = %v, want ErrEscapes", err)
	}
	if got := snapshot(t, outside); len(got) != 1 || got["victim"] != "keep" {
		t.Errorf("outside changed: %v", got)
	}
	if _, err := os.Lstat(filepath.Join(outside, "lock")); err == nil {
		t.Error("lock written outside")
	}
}
