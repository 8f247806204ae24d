package cli

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// memFS is a read-only file system held in memory: the files of a git tree
// that status --since evaluates. Unlike fstest.MapFS, which lists a
// directory by scanning every file it holds, it indexes directories once,
// so that scanning a tree of 20,000 files costs 20,000 steps, not 20,000
// for each directory.
//
// A symlink is followed within the file system, in its last path element
// (as a checkout would hold it, a link to a file of the project reads as
// that file); one that leads out of it or nowhere cannot be opened, like a
// symlink out of the project on disk.
type memFS struct {
	files map[string]*memFile
	dirs  map[string][]fs.DirEntry // sorted by name; "." is the root
}

type memFile struct {
	name string // base name
	data []byte // contents; a symlink's target
	mode fs.FileMode
}

// maxLinks bounds the symlinks followed to open one name.
const maxLinks = 8

func newMemFS() *memFS {
	return &memFS{files: map[string]*memFile{}, dirs: map[string][]fs.DirEntry{".": nil}}
}

// add puts a file (or, with symlink, a link to target data) at name, a
// clean slash-separated relative path; its directories are made as needed.
func (m *memFS) add(name string, data []byte, symlink bool) {
	if !fs.ValidPath(name) || name == "." || m.files[name] != nil || m.dirs[name] != nil {
		return
	}
	mode := fs.FileMode(0o644)
	if symlink {
		mode = fs.ModeSymlink | 0o777
	}
	f := &memFile{name: path.Base(name), data: data, mode: mode}
	m.files[name] = f
	m.link(path.Dir(name), fs.FileInfoToDirEntry(f.info()))
}

// link lists e in directory dir, making dir and its parents.
func (m *memFS) link(dir string, e fs.DirEntry) {
	ents, ok := m.dirs[dir]
	if !ok && dir != "." {
		m.link(path.Dir(dir), fs.FileInfoToDirEntry(memDirInfo(path.Base(dir))))
	}
	m.dirs[dir] = append(ents, e)
}

// seal sorts every directory's entries by name, as a directory listing is;
// call it once every file is added, before the file system is read (it is
// then read from several goroutines and never changes).
func (m *memFS) seal() {
	for _, ents := range m.dirs {
		slices.SortFunc(ents, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
}

// resolve follows symlinks in name's last element; ok is false when one
// leads out of the file system, nowhere, or too far.
func (m *memFS) resolve(name string) (string, bool) {
	for range maxLinks {
		f := m.files[name]
		if f == nil || f.mode&fs.ModeSymlink == 0 {
			return name, f != nil || m.dirs[name] != nil
		}
		target := string(f.data)
		if strings.HasPrefix(target, "/") {
			return "", false
		}
		name = path.Join(path.Dir(name), target)
		if !fs.ValidPath(name) {
			return "", false // through ".."
		}
	}
	return "", false
}

// Open implements fs.FS.
func (m *memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	real, ok := m.resolve(name)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if f := m.files[real]; f != nil {
		return &memOpenFile{Reader: bytes.NewReader(f.data), f: f, name: path.Base(name)}, nil
	}
	return &memOpenDir{name: real, ents: m.dirs[real]}, nil
}

// Stat implements fs.StatFS, following symlinks.
func (m *memFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	real, ok := m.resolve(name)
	if !ok {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	if f := m.files[real]; f != nil {
		fi := f.info().(memInfo)
		fi.name = path.Base(name) // the name asked for, as os.Stat gives it
		return fi, nil
	}
	return memDirInfo(path.Base(name)), nil
}

// Lstat implements fs.ReadLinkFS: a symlink is described, not followed.
func (m *memFS) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	if f := m.files[name]; f != nil {
		return f.info(), nil
	}
	if _, ok := m.dirs[name]; ok {
		return memDirInfo(path.Base(name)), nil
	}
	return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
}

// ReadLink implements fs.ReadLinkFS.
func (m *memFS) ReadLink(name string) (string, error) {
	if f := m.files[name]; fs.ValidPath(name) && f != nil && f.mode&fs.ModeSymlink != 0 {
		return string(f.data), nil
	}
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
}

// ReadDir implements fs.ReadDirFS; entries are not followed (a symlink is
// listed as one).
func (m *memFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	real, ok := m.resolve(name)
	ents, isDir := m.dirs[real]
	if !ok || !isDir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(ents), nil
}

func (f *memFile) info() fs.FileInfo {
	return memInfo{name: f.name, size: int64(len(f.data)), mode: f.mode}
}

func memDirInfo(name string) fs.FileInfo { return memInfo{name: name, mode: fs.ModeDir | 0o755} }

type memInfo struct {
	name string
	size int64
	mode fs.FileMode
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return i.mode }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.mode.IsDir() }
func (i memInfo) Sys() any           { return nil }

type memOpenFile struct {
	*bytes.Reader
	f    *memFile
	name string // as opened: a symlink's, not its target's
}

func (o *memOpenFile) Stat() (fs.FileInfo, error) {
	fi := o.f.info().(memInfo)
	fi.name = o.name
	return fi, nil
}
func (o *memOpenFile) Close() error { return nil }

type memOpenDir struct {
	name string
	ents []fs.DirEntry
	off  int
}

func (d *memOpenDir) Stat() (fs.FileInfo, error) { return memDirInfo(path.Base(d.name)), nil }
func (d *memOpenDir) Close() error               { return nil }
func (d *memOpenDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: fs.ErrInvalid}
}

// ReadDir implements fs.ReadDirFile.
func (d *memOpenDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.ents[d.off:]
	if n <= 0 {
		d.off = len(d.ents)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(rest))
	d.off += k
	return slices.Clone(rest[:k]), nil
}
