package gitlog

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

func TestParseLog(t *testing.T) {
	out := "\x1eaaaa\x1fDeniz Aydoğan\x1f2025-11-14T10:00:00+03:00\x1fExtend the video sentence\n\n" +
		":100644 100644 1111 2222 M\tarticles/a/tr.md\n" +
		"\x1ebbbb\x1fİrem\x1f2025-11-13T09:00:00+03:00\x1fRename\n\n" +
		":100644 100644 0000 3333 R100\tarticles/old/tr.md\tarticles/a/tr.md\n" +
		"\x1ecccc\x1fİrem\x1f2025-11-12T09:00:00+03:00\x1fDelete\n\n" +
		":100644 000000 3333 0000000000000000000000000000000000000000 D\tarticles/a/tr.md\n" +
		"\x1edddd\x1fİrem\x1f2025-11-11T09:00:00+03:00\x1fMerge\n"
	want := []Commit{
		{Hash: "aaaa", Author: "Deniz Aydoğan", Date: "2025-11-14T10:00:00+03:00", Subject: "Extend the video sentence", Blob: "2222"},
		{Hash: "bbbb", Author: "İrem", Date: "2025-11-13T09:00:00+03:00", Subject: "Rename", Blob: "3333"},
		{Hash: "cccc", Author: "İrem", Date: "2025-11-12T09:00:00+03:00", Subject: "Delete"},
		{Hash: "dddd", Author: "İrem", Date: "2025-11-11T09:00:00+03:00", Subject: "Merge"},
	}
	if got := parseLog([]byte(out)); !reflect.DeepEqual(got, want) {
		t.Errorf("parseLog =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseBatch(t *testing.T) {
	tests := []struct {
		name    string
		out     string
		n       int
		want    []string
		wantErr bool
	}{
		{"two objects", "a blob 3\nabc\nb blob 0\n\n", 2, []string{"abc", ""}, false},
		{"content with newlines", "a blob 4\na\nb\n\n", 1, []string{"a\nb\n"}, false},
		{"missing object", "zzz missing\n", 1, nil, true},
		{"short object", "a blob 10\nabc", 1, nil, true},
		{"too few", "a blob 1\nx\n", 2, nil, true},
		{"bad size", "a blob -1\n\n", 1, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseBatch([]byte(tt.out), tt.n)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			var s []string
			for _, b := range got {
				s = append(s, string(b))
			}
			if !reflect.DeepEqual(s, tt.want) {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
}

func FuzzParseBatch(f *testing.F) {
	f.Add([]byte("a blob 3\nabc\n"), 1)
	f.Add([]byte("a blob 99999999999\n"), 1)
	f.Fuzz(func(t *testing.T, out []byte, n int) {
		if n < 0 || n > 100 {
			return
		}
		got, err := parseBatch(out, n)
		if err == nil && len(got) != n {
			t.Errorf("%d objects, want %d", len(got), n)
		}
	})
}

func FuzzParseLog(f *testing.F) {
	f.Add([]byte("\x1ea\x1fb\x1fc\x1fd\n\n:1 2 3 4 M\tp\n"))
	f.Fuzz(func(t *testing.T, out []byte) {
		for _, c := range parseLog(out) {
			if c.Hash == "" && c.Blob != "" {
				t.Errorf("blob without a commit: %+v", c)
			}
		}
	})
}

func TestOpenNotARepo(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if _, err := Open(context.Background(), dir); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open = %v, want ErrNoRepo", err)
	}
}

// TestLogAndFind makes a repository with three versions of a file, the
// second under another name, and finds the middle one by its content.
func TestLogAndFind(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("HOME", dir)
	t.Setenv("GIT_AUTHOR_NAME", "Deniz Aydoğan")
	t.Setenv("GIT_AUTHOR_EMAIL", "deniz@example.edu.tr")
	t.Setenv("GIT_COMMITTER_NAME", "Deniz Aydoğan")
	t.Setenv("GIT_COMMITTER_EMAIL", "deniz@example.edu.tr")
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	write("*.md", "glob\n") // a literal name, not a pattern matching a.md
	if _, err := Open(context.Background(), dir); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open of a repository without commits = %v, want ErrNoRepo", err)
	}
	write("old.md", "bir\n")
	git("add", "old.md")
	git("commit", "-q", "-m", "first")
	git("mv", "old.md", "a.md")
	write("a.md", "bir\n")
	git("commit", "-q", "-m", "rename")
	write("a.md", "iki\n")
	git("commit", "-q", "-am", "second")
	write("a.md", "üç\n")
	git("commit", "-q", "-am", "third")

	ctx := context.Background()
	r, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if cs, err := r.Log(ctx, "*.md"); err != nil || len(cs) != 0 {
		t.Errorf("Log of an uncommitted file named *.md = %v, %v; want no commits", cs, err)
	}
	cs, err := r.Log(ctx, "a.md")
	if err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, c := range cs {
		subjects = append(subjects, c.Subject)
		if c.Author != "Deniz Aydoğan" || len(c.Hash) != 40 || c.Date == "" {
			t.Errorf("commit %+v", c)
		}
	}
	if want := []string{"third", "second", "rename", "first"}; !reflect.DeepEqual(subjects, want) {
		t.Errorf("subjects = %q, want %q", subjects, want)
	}
	i, data, err := r.Find(ctx, cs, func(b []byte) bool { return bytes.Equal(b, []byte("iki\n")) })
	if err != nil || i != 1 || string(data) != "iki\n" {
		t.Errorf("Find = %d, %q, %v; want 1, \"iki\\n\", nil", i, data, err)
	}
	i, _, err = r.Find(ctx, cs, func(b []byte) bool { return bytes.Equal(b, []byte("bir\n")) })
	if err != nil || i != 2 {
		t.Errorf("Find across the rename = %d, %v; want 2", i, err)
	}
	i, _, err = r.Find(ctx, cs, func([]byte) bool { return false })
	if err != nil || i != -1 {
		t.Errorf("Find of nothing = %d, %v; want -1", i, err)
	}
	if u, err := r.Uncommitted(ctx, "a.md"); err != nil || u {
		t.Errorf("Uncommitted of a committed file = %v, %v", u, err)
	}
	write("a.md", "dört\n")
	if u, err := r.Uncommitted(ctx, "a.md"); err != nil || !u {
		t.Errorf("Uncommitted of an edited file = %v, %v", u, err)
	}
}

// Without the git program there is no history, and no error beyond that.
func TestOpenWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := Open(context.Background(), "."); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open without git = %v, want ErrNoRepo", err)
	}
}
