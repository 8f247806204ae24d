package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/lockfile"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/safefile"
	"github.com/ceviri/ceviri/internal/track"
)

// Files ceviri keeps in a project's .ceviri directory while it writes.
const (
	lockFile    = ".ceviri/lock"         // held by a mutating command
	journalFile = ".ceviri/journal.json" // a batch of writes under way
)

// plan is the set of files a mutating command will write, collected before
// anything is written so that a command that fails writes nothing; commit
// then writes them all or none (safefile.Tx).
type plan struct {
	root  string
	files map[string][]byte // project-relative path -> new content
	p     *project.Project
	lock  *lockfile.File // the lock file as it will be written; nil: unchanged
}

func newPlan(p *project.Project) *plan { return &plan{root: p.Root, files: map[string][]byte{}, p: p} }

func (pl *plan) add(rel string, data []byte) { pl.files[rel] = data }

// record plans r as the record of the translation v, whose file will be
// data (v.Doc.Raw, or what the command made of it): in the lock file when
// project.RecordInLock says so, leaving the file as data is; else in the
// file's front matter, taking out of the lock file a record that was
// there. It returns what the file will be.
func (pl *plan) record(v *project.Version, doc *frontmatter.Doc, r frontmatter.Record) ([]byte, error) {
	if project.RecordInLock(pl.p.Config, doc.HasFrontMatter) {
		pl.lockFile().Set(v.ID, v.Lang, r)
		return doc.Raw, nil
	}
	out, err := doc.SetRecord(r)
	if err != nil {
		return nil, err
	}
	if _, ok := pl.p.Lock.Get(v.ID, v.Lang); ok {
		pl.lockFile().Delete(v.ID, v.Lang)
	}
	return out, nil
}

// lockFile returns the lock file to change, copied from the project's.
func (pl *plan) lockFile() *lockfile.File {
	if pl.lock == nil {
		pl.lock = pl.p.Lock.Clone()
	}
	return pl.lock
}

// snapshot adds the stored copy of a source version, unless it is kept
// already.
func (pl *plan) snapshot(p *project.Project, src *project.Version) error {
	rel := track.SnapshotPathOf(src.Fingerprint, src.Path)
	if _, err := fs.Stat(p.FS, rel); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	pl.add(rel, src.Doc.Raw)
	return nil
}

// commit writes the planned files, all or none, confined to the project:
// a path that leads out of it through a symlink is refused before
// anything is written.
func (pl *plan) commit() error {
	d, err := openDir(pl.root)
	if err != nil {
		return err
	}
	defer d.Close()
	tx := d.NewTx(journalFile)
	for rel, data := range pl.files {
		tx.Add(rel, data, 0o644)
	}
	if pl.lock != nil {
		tx.Add(config.LockFileName, pl.lock.Bytes(), 0o644)
	}
	if err := tx.Commit(); err != nil {
		return textWrap(err, "err_nothing_written")
	}
	return nil
}

// exists reports whether a project file exists (without following a
// symlink out of the project).
func exists(p *project.Project, rel string) bool {
	_, err := os.Lstat(filepath.Join(p.Root, filepath.FromSlash(rel)))
	return err == nil
}

// openDir opens a directory ceviri writes in, with the test fault set.
func openDir(dir string) (*safefile.Dir, error) {
	d, err := safefile.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	if f := testFault(); f != nil {
		d.SetFault(f)
	}
	return d, nil
}

// lock takes the project's lock for a mutating command.
func lock(p *project.Project) (*safefile.Lock, error) {
	d, err := openDir(p.Root)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	lk, err := d.Lock(lockFile, 10*time.Second)
	if errors.Is(err, safefile.ErrLocked) {
		return nil, textWrap(err, "err_locked")
	}
	if err != nil {
		return nil, textWrap(err, "err_taking_lock")
	}
	return lk, nil
}

// recoverWrites finishes or undoes the writes of a command that was
// interrupted (killed, or the machine stopped) in p, before anything else
// reads the project.
func (e *Env) recoverWrites(p *project.Project) error {
	if !journalled(p.Root) {
		return nil // the common case
	}
	d, err := openDir(p.Root)
	if err != nil {
		return err
	}
	defer d.Close()
	lk, err := d.Lock(lockFile, 0)
	if errors.Is(err, safefile.ErrLocked) {
		// The batch belongs to a command still running, which finishes
		// it; a command that only reads goes on as it always could.
		return nil
	}
	if err != nil {
		return textWrap(err, "err_taking_lock")
	}
	defer lk.Release()
	state, err := d.Recover(journalFile)
	switch {
	case err != nil:
		return textWrap(err, "err_recovering")
	case state == "commit":
		e.Infof("%s", e.text().T("recovered_commit"))
	case state != "":
		e.Infof("%s", e.text().T("recovered_undone"))
	}
	return nil
}

// writeOutput writes a file the user named on the command line (export's
// -o FILE) atomically, confined to its directory. It refuses a path that
// is one of the project's own files: its ceviri.yaml, a language version,
// or a file in .ceviri, the locales or the templates directory. It
// decides before it creates the file's missing directories, so that a
// refused path leaves nothing behind.
func writeOutput(p *project.Project, path string, data []byte) error {
	dir, base := filepath.Split(path)
	realDir, err := resolvePlanned(dir)
	if err != nil {
		return err
	}
	if root, err := filepath.EvalSymlinks(p.Root); err == nil {
		if rel, err := filepath.Rel(root, filepath.Join(realDir, base)); err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			rel = filepath.ToSlash(rel)
			_, _, isVersion := p.Layout.Match(rel)
			for _, d := range []string{".ceviri", p.Config.Locales, "templates"} {
				if d != "" && d != "." && (rel == d || strings.HasPrefix(rel, d+"/")) {
					isVersion = true
				}
			}
			if isVersion || rel == "ceviri.yaml" {
				return usageText("err_output_in_project", "Path", rel)
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d, err := openDir(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.WriteFile(base, data, 0o644)
}

// resolvePlanned returns dir with its symbolic links resolved, when the
// directory may not exist yet: the longest part of it that exists,
// resolved, joined with the rest (which, not existing, has no links).
func resolvePlanned(dir string) (string, error) {
	d := filepath.Clean(dir)
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(d)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		parent := filepath.Dir(d)
		if !errors.Is(err, fs.ErrNotExist) || parent == d {
			return "", err
		}
		rest = append([]string{filepath.Base(d)}, rest...)
		d = parent
	}
}

// journalled reports whether a batch of writes was under way in the
// project at root: its journal, or the journal's temporary file, exists.
func journalled(root string) bool {
	for _, name := range []string{journalFile, safefile.TempName(journalFile)} {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name))); err == nil {
			return true
		}
	}
	return false
}

// TestFaultEnv names the environment variable that makes ceviri fail or
// die at one step of its writes, for the tests that check that every
// command writes all or nothing: "fail:N" makes the Nth mutating file
// operation fail with an I/O error, "kill:N" kills the process there, as
// kill -9 would. Not for users.
const TestFaultEnv = "CEVIRI_TEST_FAULT"

var testFault = sync.OnceValue(func() func(op, name string) error {
	v := os.Getenv(TestFaultEnv)
	if v == "" {
		return nil
	}
	kind, n, _ := strings.Cut(v, ":")
	at, err := strconv.ParseInt(n, 10, 64)
	if err != nil || (kind != "fail" && kind != "kill") {
		return nil
	}
	var count atomic.Int64
	return func(op, name string) error {
		if count.Add(1) != at {
			return nil
		}
		fmt.Fprintf(os.Stderr, "ceviri: %s: test fault at step %d (%s %s)\n", TestFaultEnv, at, op, name)
		if kind == "kill" {
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Kill()
			}
			select {} // until the signal arrives
		}
		return &fs.PathError{Op: op, Path: name, Err: syscall.EIO}
	}
})
