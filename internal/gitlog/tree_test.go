package gitlog

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseTree(t *testing.T) {
	out := "100644 blob aaaa      12\tarticles/a/tr.md\x00" +
		"120000 blob bbbb       6\tarticles/l\x00" +
		"160000 commit cccc       -\tvendor/sub\x00" +
		"100644 blob dddd       0\tname with\ttab.md\x00"
	want := []Entry{
		{Path: "articles/a/tr.md", Mode: "100644", Blob: "aaaa", Size: 12},
		{Path: "articles/l", Mode: "120000", Blob: "bbbb", Size: 6},
		{Path: "name with\ttab.md", Mode: "100644", Blob: "dddd", Size: 0},
	}
	got, err := parseTree([]byte(out))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("parseTree = %+v, %v\nwant %+v", got, err, want)
	}
	for _, bad := range []string{"100644 blob aaaa\tx\x00", "100644 blob aaaa 1 x\x00", "100644 blob aaaa z\tx\x00", "100644 blob aaaa 1\t\x00", "100644 blob aaaa -1\tx\x00"} {
		if _, err := parseTree([]byte(bad)); err == nil {
			t.Errorf("parseTree(%q) accepted", bad)
		}
	}
}

func TestParseIndex(t *testing.T) {
	out := "100644 aaaa 0\tarticles/a/tr.md\x00" +
		"100644 bbbb 2\tconflict.md\x00" +
		"160000 cccc 0\tvendor/sub\x00"
	want := []Entry{{Path: "articles/a/tr.md", Mode: "100644", Blob: "aaaa", Size: -1}}
	got, err := parseIndex([]byte(out))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("parseIndex = %+v, %v\nwant %+v", got, err, want)
	}
	if _, err := parseIndex([]byte("100644 aaaa\tx\x00")); err == nil {
		t.Error("parseIndex accepted a line without a stage")
	}
}

func FuzzParseTree(f *testing.F) {
	f.Add([]byte("100644 blob aaaa      12\tarticles/a/tr.md\x00"))
	f.Add([]byte("160000 commit cccc -\tsub\x00\x00\x00"))
	f.Add([]byte("100644 blob aaaa 99999999999999999999999\tx\x00"))
	f.Add([]byte("\t\t\x00 \t"))
	f.Fuzz(func(t *testing.T, out []byte) {
		es, err := parseTree(out)
		for _, e := range es {
			if err == nil && (e.Path == "" || e.Blob == "" || e.Size < 0) {
				t.Errorf("entry %+v", e)
			}
		}
		es, err = parseIndex(out)
		for _, e := range es {
			if err == nil && (e.Path == "" || e.Blob == "") {
				t.Errorf("index entry %+v", e)
			}
		}
	})
}

func TestResolveTreeIndex(t *testing.T) {
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
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	write("site/a/tr.md", "bir\n")
	write("other.md", "x\n")
	git("add", ".")
	git("commit", "-q", "-m", "one")
	first := git("rev-parse", "HEAD")
	write("site/a/tr.md", "bir iki\n")
	write("site/b/en.md", "new\n")
	git("add", "site/b/en.md")
	ctx := context.Background()
	r, err := Open(ctx, filepath.Join(dir, "site"))
	if err != nil {
		t.Fatal(err)
	}
	if h, err := r.Resolve(ctx, "HEAD"); err != nil || h != first {
		t.Errorf("Resolve(HEAD) = %q, %v; want %s", h, err, first)
	}
	for _, rev := range []string{"nope", "--all", "HEAD:site/a/tr.md", ""} {
		_, err := r.Resolve(ctx, rev)
		var re *RevError
		if !errors.As(err, &re) || re.Rev != rev || re.Shallow {
			t.Errorf("Resolve(%q) = %v, want a RevError", rev, err)
		}
	}
	tree, err := r.Tree(ctx, first)
	if err != nil || len(tree) != 1 || tree[0].Path != "a/tr.md" || tree[0].Size != 4 {
		t.Fatalf("Tree = %+v, %v; want a/tr.md only, relative to site", tree, err)
	}
	idx, err := r.Index(ctx)
	if err != nil || len(idx) != 2 || idx[0].Path != "a/tr.md" || idx[1].Path != "b/en.md" || idx[0].Blob != tree[0].Blob {
		t.Fatalf("Index = %+v, %v; want the committed a/tr.md (its edit is not staged) and the staged b/en.md", idx, err)
	}
	blobs, err := r.Blobs(ctx, []string{idx[1].Blob})
	if err != nil || string(blobs[0]) != "new\n" {
		t.Errorf("Blobs = %q, %v", blobs, err)
	}
	var got []string
	err = r.EachBlob(ctx, []string{idx[1].Blob, idx[0].Blob}, 4, func(i int, data []byte, size int64) {
		got = append(got, fmt.Sprintf("%d:%q:%d", i, data, size))
	})
	if want := []string{`0:"new\n":4`, `1:"bir\n":4`}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("EachBlob = %v, %v; want %v", got, err, want)
	}
	got = nil
	err = r.EachBlob(ctx, []string{idx[1].Blob}, 3, func(i int, data []byte, size int64) {
		got = append(got, fmt.Sprintf("%d:%v:%d", i, data == nil, size))
	})
	if want := []string{"0:true:4"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("EachBlob over the limit = %v, %v; want %v", got, err, want)
	}
	if err := r.EachBlob(ctx, []string{"0000000000000000000000000000000000000001"}, 10, func(int, []byte, int64) {}); err == nil {
		t.Error("EachBlob of a missing object succeeded")
	}
}

func FuzzReadEach(f *testing.F) {
	f.Add([]byte("a blob 3\nabc\nb blob 0\n\n"), 2, int64(10))
	f.Add([]byte("a blob 99999999999\nabc\n"), 1, int64(4<<20))
	f.Add([]byte("a blob -1\n\n"), 1, int64(10))
	f.Add([]byte("zzz missing\n"), 1, int64(10))
	f.Add([]byte("a blob 5\nabcdef\n"), 1, int64(2))
	f.Fuzz(func(t *testing.T, out []byte, n int, limit int64) {
		if n < 0 || n > 100 || limit < 0 || limit > 1<<20 {
			return
		}
		calls := 0
		err := readEach(bufio.NewReader(bytes.NewReader(out)), n, limit, func(i int, data []byte, size int64) {
			if i != calls || (data != nil && int64(len(data)) != size) || (data == nil && size <= limit) || size < 0 {
				t.Errorf("call %d: i=%d len=%d size=%d limit=%d", calls, i, len(data), size, limit)
			}
			calls++
		})
		if err == nil && calls != n {
			t.Errorf("%d calls for %d objects", calls, n)
		}
	})
}
