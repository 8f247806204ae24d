package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// snapshot lists every entry under dir: files with their content, symlinks
// with their target, directories.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." || rel == ".ceviri/lock" {
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out[rel] = "-> " + target
		case d.IsDir():
			out[rel] = "dir"
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(content, "-> "); ok {
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func diff(a, b map[string]string) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if bv, ok := b[k]; !ok {
			out = append(out, "-"+k)
		} else if bv != a[k] {
			out = append(out, "~"+k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(b)) {
		if _, ok := a[k]; !ok {
			out = append(out, "+"+k)
		}
	}
	return out
}

const journalName = ".ceviri/journal.json"

// batch is the batch the fault tests commit: a replaced file, a new file
// in a directory that exists, a new file in directories that do not, and a
// file reached through a symlink that stays inside.
var batch = map[string]string{
	"articles/a/tr.md":       "new a",
	"articles/b/en.md":       "new b",
	"articles/c/d/tr.md":     "new c",
	"articles/link/en.md":    "new via link",
	".ceviri/sources/ab/cde": "stored copy",
}

var before = map[string]string{
	"ceviri.yaml":         "languages: [tr, en]\n",
	"articles/a/tr.md":    "old a",
	"articles/b/tr.md":    "b source",
	"articles/real/en.md": "old real",
	"articles/link":       "-> real",
	".ceviri/sources/x":   "kept",
}

// after is before with batch applied.
func after() map[string]string {
	m := maps.Clone(before)
	for k, v := range batch {
		m[k] = v
	}
	delete(m, "articles/link/en.md")
	m["articles/real/en.md"] = "new via link"
	m["articles/c"] = "dir"
	m["articles/c/d"] = "dir"
	m["articles/b"] = "dir"
	m[".ceviri/sources/ab"] = "dir"
	return m
}

func setup(t *testing.T) (string, *Dir) {
	dir := t.TempDir()
	writeTree(t, dir, before)
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return dir, d
}

func commitBatch(d *Dir) error {
	tx := d.NewTx(journalName)
	for k, v := range batch {
		tx.Add(k, []byte(v), 0o644)
	}
	return tx.Commit()
}

func withDirs(m map[string]string) map[string]string {
	m = maps.Clone(m)
	for k := range m {
		for d := filepath.ToSlash(filepath.Dir(k)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			if _, ok := m[d]; !ok {
				m[d] = "dir"
			}
		}
	}
	return m
}

func TestTxCommit(t *testing.T) {
	dir, d := setup(t)
	if err := commitBatch(d); err != nil {
		t.Fatal(err)
	}
	if dd := diff(withDirs(after()), snapshot(t, dir)); len(dd) > 0 {
		t.Errorf("after commit: %v", dd)
	}
}

// countOps returns how many mutating steps a successful commit takes.
func countOps(t *testing.T) int {
	_, d := setup(t)
	n := 0
	d.SetFault(func(op, name string) error { n++; return nil })
	if err := commitBatch(d); err != nil {
		t.Fatal(err)
	}
	return n
}

// crash is what the fault function panics with to stop a commit as a
// kill -9 would: nothing after it runs.
type crash struct{}

// TestTxFailAtEveryStep fails each step of a commit in turn with an I/O
// error: the tree is then exactly as before, or, when the failure came
// after the commit point, the next Recover completes it. No temporary file
// is left either way.
func TestTxFailAtEveryStep(t *testing.T) {
	n := countOps(t)
	if n < 20 {
		t.Fatalf("a commit of %d files took only %d steps", len(batch), n)
	}
	old, nw := withDirs(before), withDirs(after())
	for k := 1; k <= n; k++ {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			dir, d := setup(t)
			i := 0
			var failed string
			d.SetFault(func(op, name string) error {
				if i++; i == k {
					failed = op + " " + name
					return &fs.PathError{Op: op, Path: name, Err: syscall.EIO}
				}
				return nil
			})
			err := commitBatch(d)
			d.SetFault(nil)
			got := snapshot(t, dir)
			if err == nil {
				// A step that has a fallback (a copy for a hard link), or
				// one after the commit point (syncing, cleaning up): the
				// batch is written, and what is left the next command
				// removes.
				if _, err := d.Recover(journalName); err != nil {
					t.Fatal(err)
				}
				if dd := diff(nw, snapshot(t, dir)); len(dd) > 0 {
					t.Fatalf("failing %s: Commit returned nil, but the tree is not the new one: %v", failed, dd)
				}
				return
			}
			if !strings.Contains(err.Error(), "next ceviri command") {
				// Undone in the process: exactly as before, journal gone.
				if dd := diff(old, got); len(dd) > 0 {
					t.Fatalf("failing %s: Commit returned %v, but the tree changed: %v", failed, err, dd)
				}
				return
			}
			if _, err := d.Recover(journalName); err != nil {
				t.Fatal(err)
			}
			got = snapshot(t, dir)
			if diff(old, got) != nil && diff(nw, got) != nil {
				t.Fatalf("failing %s then recovering: neither old (%v) nor new (%v)", failed, diff(old, got), diff(nw, got))
			}
		})
	}
}

// TestTxCrashAtEveryStep stops a commit at each step in turn as a crash
// would, then crashes the recovery at each of its steps too, and checks
// that a final recovery leaves the old tree or the new one, whole, with
// nothing of ceviri's left behind.
func TestTxCrashAtEveryStep(t *testing.T) {
	n := countOps(t)
	old, nw := withDirs(before), withDirs(after())
	for k := 1; k <= n; k++ {
		for _, m := range []int{0, 1, 2, 3, 4, 6, 9, 13} { // m: the recovery step that crashes; 0: none
			t.Run(fmt.Sprintf("%d/%d", k, m), func(t *testing.T) {
				dir, d := setup(t)
				crashAt(d, k)
				if !panics(func() { commitBatch(d) }) {
					t.Skip("the commit took fewer steps")
				}
				if m > 0 {
					crashAt(d, m)
					if !panics(func() { d.Recover(journalName) }) {
						t.Skip("the recovery took fewer steps")
					}
				}
				d.SetFault(nil)
				if _, err := d.Recover(journalName); err != nil {
					t.Fatal(err)
				}
				got := snapshot(t, dir)
				dOld, dNew := diff(old, got), diff(nw, got)
				if dOld != nil && dNew != nil {
					t.Fatalf("crash at step %d (and recovery step %d): neither old %v nor new %v", k, m, dOld, dNew)
				}
			})
		}
	}
}

func crashAt(d *Dir, k int) {
	i := 0
	d.SetFault(func(op, name string) error {
		if i++; i == k {
			panic(crash{})
		}
		return nil
	})
}

func panics(f func()) (p bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(crash); !ok {
				panic(r)
			}
			p = true
		}
	}()
	f()
	return false
}

func TestTxRefusesEscape(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"tr.md": "not ceviri's"})
	dir, d := setup(t)
	if err := os.Symlink(outside, filepath.Join(dir, "articles", "news")); err != nil {
		t.Fatal(err)
	}
	old := snapshot(t, dir)
	for _, name := range []string{"articles/news/tr.md", "articles/news/new/en.md", "articles/../../x"} {
		tx := d.NewTx(journalName)
		tx.Add("articles/a/tr.md", []byte("changed"), 0o644)
		tx.Add(name, []byte("escaped"), 0o644)
		err := tx.Commit()
		if err == nil {
			t.Fatalf("writing %s through a symlink out of the directory succeeded", name)
		}
		if name != "articles/../../x" && !errors.Is(err, ErrEscapes) {
			t.Errorf("%s: error %v does not say the path escapes", name, err)
		}
	}
	if dd := diff(old, snapshot(t, dir)); len(dd) > 0 {
		t.Errorf("the project changed: %v", dd)
	}
	if dd := diff(map[string]string{"tr.md": "not ceviri's"}, snapshot(t, outside)); len(dd) > 0 {
		t.Errorf("the outside directory changed: %v", dd)
	}
}

func TestTxSameFileTwice(t *testing.T) {
	_, d := setup(t)
	tx := d.NewTx(journalName)
	tx.Add("articles/link/en.md", []byte("1"), 0o644)
	tx.Add("articles/real/en.md", []byte("2"), 0o644)
	if err := tx.Commit(); err == nil || !strings.Contains(err.Error(), "same file") {
		t.Fatalf("Commit = %v, want an error naming both", err)
	}
}

// TestRecoverHostileJournal: a journal is a file like any other; one that
// names paths out of the directory, or that claims a batch wrote a file it
// did not, makes Recover touch nothing.
func TestRecoverHostileJournal(t *testing.T) {
	sum0 := strings.Repeat("0", 64)
	for name, j := range map[string]string{
		"dotdot":  `{"format":"ceviri journal 1","id":"0123456789abcdef","state":"commit","files":[{"path":"../victim","sum":"` + sum0 + `","old":true}]}`,
		"abs":     `{"format":"ceviri journal 1","id":"0123456789abcdef","state":"prepare","files":[{"path":"/etc/passwd","sum":"` + sum0 + `"}]}`,
		"dirs":    `{"format":"ceviri journal 1","id":"0123456789abcdef","state":"prepare","dirs":["articles"],"files":[]}`,
		"badid":   `{"format":"ceviri journal 1","id":"../../x","state":"prepare","files":[]}`,
		"foreign": `{"format":"other","id":"0123456789abcdef","state":"prepare","files":[]}`,
		"garbage": `not json`,
	} {
		t.Run(name, func(t *testing.T) {
			dir, d := setup(t)
			writeTree(t, dir, map[string]string{journalName: j})
			old := snapshot(t, dir)
			if _, err := d.Recover(journalName); err == nil {
				t.Fatal("Recover accepted a journal ceviri did not write")
			}
			if dd := diff(old, snapshot(t, dir)); len(dd) > 0 {
				t.Errorf("Recover changed %v", dd)
			}
		})
	}
	// A stray rollback journal (committed to git by mistake, say) never
	// removes a file whose content is not the batch's.
	dir, d := setup(t)
	writeTree(t, dir, map[string]string{journalName: `{"format":"ceviri journal 1","id":"0123456789abcdef","state":"rollback","files":[{"path":"articles/a/tr.md","sum":"` + sum0 + `","old":false}]}`})
	if _, err := d.Recover(journalName); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dir)["articles/a/tr.md"]; got != "old a" {
		t.Errorf("a stray journal changed articles/a/tr.md to %q", got)
	}
}
