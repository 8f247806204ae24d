package gitlog

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLastCommitsParse(t *testing.T) {
	out := "\x1ecccc\x1fDeniz\x1f2025-12-03T10:00:00+03:00\x1fThird\x00\nb.md\x00" +
		"\x1ebbbb\x1fİrem\x1f2025-12-02T10:00:00+03:00\x1fSecond\x00\na.md\x00b.md\x00" +
		"\n\x1emmmm\x1fİrem\x1f2025-12-02T09:00:00+03:00\x1fMerge without names\x00" +
		"\x1eaaaa\x1fİrem\x1f2025-12-01T10:00:00+03:00\x1fFirst\x00\na.md\x00c.md\x00\x1eg\x1fbad header\x00\nd.md\x00"
	got := lastCommits([]byte(out), []string{"a.md", "b.md", "c.md", "d.md", "never.md", "x\ny.md"})
	want := map[string]Commit{
		"a.md": {Hash: "bbbb", Author: "İrem", Date: "2025-12-02T10:00:00+03:00", Subject: "Second"},
		"b.md": {Hash: "cccc", Author: "Deniz", Date: "2025-12-03T10:00:00+03:00", Subject: "Third"},
		"c.md": {Hash: "aaaa", Author: "İrem", Date: "2025-12-01T10:00:00+03:00", Subject: "First"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lastCommits =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseCheck(t *testing.T) {
	out := "1111 commit 200\nabcd^{commit} missing\nab^{commit} ambiguous\n2222 blob 3\n"
	got, err := parseCheck([]byte(out), 4)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"1111", "", "", ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("parseCheck = %q, want %q", got, want)
	}
	if _, err := parseCheck([]byte("1111 commit 200\n"), 3); err == nil {
		t.Error("parseCheck of a short output: no error")
	}
}

func TestReadBatchMissing(t *testing.T) {
	got, err := readBatch([]byte("HEAD:./x.md missing\na blob 2\nhi\n"), 2, true)
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != nil || string(got[1]) != "hi" {
		t.Errorf("readBatch = %q", got)
	}
	if _, err := parseBatch([]byte("HEAD:./x.md missing\n"), 1); err == nil {
		t.Error("parseBatch of a missing object: no error")
	}
}

func FuzzLastCommits(f *testing.F) {
	f.Add([]byte("\x1ea\x1fb\x1fc\x1fd\x00\na.md\x00b.md\x00\x1e\x1f\x1f\x1f\x00\na.md\x00"), "a.md")
	f.Add([]byte("\n\x1e\x00\n\x00\x1e"), "\n")
	f.Fuzz(func(t *testing.T, out []byte, path string) {
		for p, c := range lastCommits(out, []string{path, "a.md"}) {
			if c.Hash == "" {
				t.Errorf("%q: a commit without a hash", p)
			}
			if p != path && p != "a.md" {
				t.Errorf("%q was not asked for", p)
			}
		}
	})
}

func FuzzParseCheck(f *testing.F) {
	f.Add([]byte("1111 commit 200\nx missing\n"), 2)
	f.Add([]byte(""), 1)
	f.Fuzz(func(t *testing.T, out []byte, n int) {
		if n < 0 || n > 100 {
			return
		}
		got, err := parseCheck(out, n)
		if err == nil && len(got) != n {
			t.Errorf("%d ids, want %d", len(got), n)
		}
	})
}

// TestAdoptionQueries builds a repository whose project lives in a
// subdirectory and asks what done --from-git and --from-field ask: the
// last commit of each file, the files changed since, commits by
// (abbreviated) hash and files as a commit held them.
func TestAdoptionQueries(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("HOME", root)
	t.Setenv("GIT_AUTHOR_NAME", "Deniz Aydoğan")
	t.Setenv("GIT_AUTHOR_EMAIL", "deniz@example.edu.tr")
	t.Setenv("GIT_COMMITTER_NAME", "Deniz Aydoğan")
	t.Setenv("GIT_COMMITTER_EMAIL", "deniz@example.edu.tr")
	git := func(date string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const d1, d2, d3 = "2025-12-01T10:00:00+03:00", "2025-12-02T10:00:00+03:00", "2025-12-03T10:00:00+03:00"
	git(d1, "init", "-q")
	write("site/en/a.md", "one\n")
	write("site/tr/a.md", "bir\n")
	write("site/tr/b.md", "iki\n")
	write("outside/tr/a.md", "dışarıda\n")
	git(d1, "add", "-A")
	git(d1, "commit", "-q", "-m", "First")
	first := git(d1, "rev-parse", "HEAD")
	write("site/en/a.md", "one, two\n")
	write("site/tr/b.md", "iki, üç\n")
	write("outside/tr/a.md", "yine dışarıda\n")
	git(d2, "commit", "-q", "-am", "Second")
	second := git(d2, "rev-parse", "HEAD")
	write("site/en/new.md", "new\n")
	git(d3, "add", "-A")
	git(d3, "commit", "-q", "-m", "Third")

	ctx := context.Background()
	r, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	write("site/tr/b.md", "iki, üç, dört\n") // changed since its last commit
	write("site/tr/c.md", "üç\n")            // never committed

	last, err := r.LastCommits(ctx, []string{"tr/a.md", "tr/b.md", "tr/c.md", "en/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for p, c := range last {
		got[p] = c.Subject + " " + c.Date
		if c.Author != "Deniz Aydoğan" || len(c.Hash) != 40 {
			t.Errorf("%s: commit %+v", p, c)
		}
	}
	want := map[string]string{"tr/a.md": "First " + d1, "tr/b.md": "Second " + d2, "en/a.md": "Second " + d2}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LastCommits = %q, want %q", got, want)
	}
	// One path found early: git is stopped before the end of history.
	if last, err := r.LastCommits(ctx, []string{"en/new.md"}); err != nil || last["en/new.md"].Subject != "Third" {
		t.Errorf("LastCommits of the newest file = %+v, %v", last, err)
	}

	changed, err := r.Changed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{"tr/b.md": true}; !reflect.DeepEqual(changed, want) {
		t.Errorf("Changed = %v, want %v", changed, want)
	}

	tracked, err := r.Tracked(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{"en/a.md": true, "en/new.md": true, "tr/a.md": true, "tr/b.md": true}; !reflect.DeepEqual(tracked, want) {
		t.Errorf("Tracked = %v, want %v", tracked, want)
	}

	ids, err := r.ResolveCommits(ctx, []string{first[:10], second, "0000000", "not a commit", "", "HEAD:en/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{first, second, "", "", "", ""}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ResolveCommits = %q, want %q", ids, want)
	}

	objs, err := r.Objects(ctx, []string{first + ":./en/a.md", second + ":./en/a.md", first + ":./en/new.md", "x\n:./en/a.md", ""})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, o := range objs {
		if o == nil {
			texts = append(texts, "<nil>")
		} else {
			texts = append(texts, string(o))
		}
	}
	if want := []string{"one\n", "one, two\n", "<nil>", "<nil>", "<nil>"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("Objects = %q, want %q", texts, want)
	}
}
