package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// Dir is a directory that every operation through it is confined to: names
// are slash-separated paths relative to it, and neither ".." nor a symlink
// can lead out of it (the kernel-checked os.Root does the walking). A
// symlink that stays inside is written through: WriteFile replaces the file
// the link points to, and the link stays a link.
//
// Every mutating operation first calls the Dir's fault function, when one
// is set (SetFault): tests use it to fail, or to stop as a crash would, at
// each step of a command in turn.
type Dir struct {
	path  string // absolute
	real  string // path with symlinks resolved, to recognise absolute links that stay inside
	root  *os.Root
	fault func(op, name string) error
}

// ErrEscapes is wrapped by the errors of operations refused because the
// name leads out of the directory.
var ErrEscapes = clitext.NewError("write_escapes")

// OpenDir opens the directory at path (which must exist).
func OpenDir(dir string) (*Dir, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(abs)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	return &Dir{path: abs, real: real, root: r}, nil
}

// Close releases the directory.
func (d *Dir) Close() error { return d.root.Close() }

// Path is the directory's absolute path, as it was opened.
func (d *Dir) Path() string { return d.path }

// Root is the os.Root of the directory, for reading.
func (d *Dir) Root() *os.Root { return d.root }

// SetFault sets the function called before every mutating operation with
// the operation's name ("create", "write", "sync", "link", "rename",
// "remove", "mkdir") and the file's name; an error it returns is the
// operation's error. For tests only.
func (d *Dir) SetFault(f func(op, name string) error) { d.fault = f }

// Hook calls the fault function (SetFault), for an operation a caller
// does itself on a file of d (with its own system call).
func (d *Dir) Hook(op, name string) error { return d.hook(op, name) }

func (d *Dir) hook(op, name string) error {
	if d.fault == nil {
		return nil
	}
	return d.fault(op, name)
}

// OSPath is the operating-system path of name.
func (d *Dir) OSPath(name string) string {
	return filepath.Join(d.path, filepath.FromSlash(name))
}

// checkName refuses names that are not clean relative slash paths.
func checkName(name string) error {
	if name == "." || fs.ValidPath(name) && !strings.Contains(name, `\`) {
		return nil
	}
	return clitext.NewError("write_not_relative", "Name", strconv.Quote(name))
}

// maxLinks is the most symlinks Resolve follows, as Linux's ELOOP limit.
const maxLinks = 40

// Resolve returns name with every symlink on its way, the last component
// included, replaced by what it points to: the name of the file an
// operation on name really reaches. Components that do not exist are kept
// as they are. A symlink that leads out of the directory (by a relative
// target with "..", or an absolute target elsewhere) is an error that
// wraps ErrEscapes and names the link.
func (d *Dir) Resolve(name string) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	rest := strings.Split(name, "/")
	cur := ""
	hops := 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		if c == "." || c == "" {
			continue
		}
		next := c
		if cur != "" {
			next = cur + "/" + c
		}
		fi, err := d.root.Lstat(next)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				// Nothing further exists; the rest is created as named.
				return path.Join(append([]string{next}, rest...)...), nil
			}
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if hops++; hops > maxLinks {
			return "", clitext.NewError("write_too_many_links", "Name", name)
		}
		target, err := d.root.Readlink(next)
		if err != nil {
			return "", err
		}
		var joined string
		if filepath.IsAbs(target) {
			rel, ok := d.inside(target)
			if !ok {
				return "", &EscapeError{Dir: d.path, Name: name, Link: next, Target: target}
			}
			joined = rel
		} else {
			joined = path.Join(cur, filepath.ToSlash(target))
			if joined == ".." || strings.HasPrefix(joined, "../") {
				return "", &EscapeError{Dir: d.path, Name: name, Link: next, Target: target}
			}
		}
		// Walk the target's components again: they may hold links too.
		cur = ""
		if joined != "." {
			rest = append(strings.Split(joined, "/"), rest...)
		}
	}
	if cur == "" {
		return ".", nil
	}
	return cur, nil
}

// inside returns the name inside d of an absolute OS path, if it is inside.
func (d *Dir) inside(target string) (string, bool) {
	target = filepath.Clean(target)
	for _, base := range []string{d.path, d.real} {
		rel, err := filepath.Rel(base, target)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return filepath.ToSlash(rel), true
		}
	}
	return "", false
}

// EscapeError is the error of a name whose symlink leads out of the
// directory.
type EscapeError struct {
	Dir    string // the directory, an OS path
	Name   string // the name asked for
	Link   string // the symlink on its way that leads out
	Target string // what the link points to
}

func (e *EscapeError) Error() string { return e.In(error.Error) }

// In returns e's message written by msg (in the reader's language:
// clitext.Printer.Error).
func (e *EscapeError) In(msg func(error) string) string {
	if e.Link == e.Name {
		return msg(clitext.NewError("write_symlink_outside", "Name", e.Name, "Target", e.Target, "Dir", e.Dir))
	}
	return msg(clitext.NewError("write_leads_out", "Name", e.Name, "Dir", e.Dir, "Link", e.Link, "Target", e.Target))
}

func (e *EscapeError) Unwrap() error { return ErrEscapes }

// Lstat is os.Lstat of a name inside d.
func (d *Dir) Lstat(name string) (fs.FileInfo, error) { return d.root.Lstat(name) }

// ReadFile reads a file inside d.
func (d *Dir) ReadFile(name string) ([]byte, error) { return d.root.ReadFile(name) }

// MkdirAll makes a directory and its parents inside d, through symlinks
// that stay inside.
func (d *Dir) MkdirAll(name string, perm fs.FileMode) error {
	name, err := d.Resolve(name)
	if err != nil {
		return err
	}
	return d.mkdirAll(name, perm)
}

// mkdirAll is MkdirAll of a resolved name.
func (d *Dir) mkdirAll(name string, perm fs.FileMode) error {
	if name == "." {
		return nil
	}
	if fi, err := d.root.Lstat(name); err == nil {
		if fi.IsDir() {
			return nil
		}
		return clitext.NewError("write_not_dir", "Name", name)
	}
	if err := d.mkdirAll(path.Dir(name), perm); err != nil {
		return err
	}
	if err := d.hook("mkdir", name); err != nil {
		return err
	}
	if err := d.root.Mkdir(name, perm); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// Remove removes a file or an empty directory (a symlink itself, not what
// it points to).
func (d *Dir) Remove(name string) error {
	if err := d.hook("remove", name); err != nil {
		return err
	}
	return d.root.Remove(name)
}

// RemoveAll removes name and everything under it; symlinks are removed,
// never followed.
func (d *Dir) RemoveAll(name string) error {
	if err := d.hook("remove", name); err != nil {
		return err
	}
	return d.root.RemoveAll(name)
}

// Rename renames a file or directory inside d.
func (d *Dir) Rename(from, to string) error {
	if err := d.hook("rename", to); err != nil {
		return err
	}
	return d.root.Rename(from, to)
}

// Link makes a hard link inside d.
func (d *Dir) Link(from, to string) error {
	if err := d.hook("link", to); err != nil {
		return err
	}
	return d.root.Link(from, to)
}

// SyncDir flushes a directory's entries (a rename, a new file) to disk.
func (d *Dir) SyncDir(name string) error {
	if err := d.hook("sync", name); err != nil {
		return err
	}
	f, err := d.root.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return syncDir(f)
}

// WriteFile atomically replaces (or creates) the file name with data: it
// writes a temporary file beside it, syncs it and renames it over the
// target, then syncs the directory. Through a symlink that stays inside d,
// the file it points to is replaced and the link kept. An existing file
// keeps its permissions; a new one gets perm. Missing parent directories are
// made.
func (d *Dir) WriteFile(name string, data []byte, perm fs.FileMode) error {
	target, err := d.Resolve(name)
	if err != nil {
		return err
	}
	if fi, err := d.root.Stat(target); err == nil {
		if !fi.Mode().IsRegular() {
			return clitext.NewError("write_not_regular", "Name", name)
		}
		perm = fi.Mode().Perm()
	}
	dir := path.Dir(target)
	if err := d.mkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp := tempName(target, "tmp")
	_ = d.root.Remove(tmp) // left by a crash: the name is ceviri's own
	if err := d.create(tmp, data, perm); err != nil {
		return err
	}
	if err := d.Rename(tmp, target); err != nil {
		_ = d.root.Remove(tmp)
		return err
	}
	return d.SyncDir(dir)
}

// create writes a new file (which must not exist) and syncs it.
func (d *Dir) create(name string, data []byte, perm fs.FileMode) error {
	return d.createFile(name, data, perm, true)
}

// createFile writes a new file (which must not exist), and syncs it when
// sync is set.
func (d *Dir) createFile(name string, data []byte, perm fs.FileMode, sync bool) (err error) {
	if err := d.hook("create", name); err != nil {
		return err
	}
	f, err := d.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			_ = d.root.Remove(name)
		}
	}()
	if err = d.hook("write", name); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if sync {
		if err = d.hook("sync", name); err != nil {
			return err
		}
		if err = f.Sync(); err != nil {
			return err
		}
	}
	return f.Close()
}

// syncFSMin is the number of files from which syncAll syncs the whole
// file system at once rather than file by file: syncfs also waits for
// whatever else was written to the file system, which costs more than a
// few fsyncs, and far less than thousands.
const syncFSMin = 64

// syncAll flushes the files and directories names of d: with one syncfs
// of d's file system when there are many and the system has it (Linux),
// else with an fsync of each.
func (d *Dir) syncAll(names []string) error {
	if err := d.hook("sync", "."); err != nil {
		return err
	}
	if len(names) >= syncFSMin {
		if err := syncFS(d.root); err == nil {
			return nil
		} else if !errors.Is(err, errors.ErrUnsupported) {
			return err
		}
	}
	for _, name := range names {
		f, err := d.root.Open(name)
		if err != nil {
			return err
		}
		if fi, err1 := f.Stat(); err1 == nil && fi.IsDir() {
			err = syncDir(f)
		} else {
			err = f.Sync()
		}
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// TempName is the temporary file WriteFile writes name's new content to
// before renaming it into place.
func TempName(name string) string { return tempName(name, "tmp") }

// tempName is the name of a temporary file beside name: hidden (ceviri
// never reads hidden files as articles), and recognisable as ceviri's so
// that what a crash leaves behind can be found and removed.
func tempName(name, kind string) string {
	dir, base := path.Split(name)
	return dir + "." + base + ".ceviri-" + kind
}
