package project

import (
	"bytes"
	"errors"
	"io"
	"io/fs"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/fastpath"
	"github.com/ceviri/ceviri/internal/segment"
)

// ReadFile reads a file of the project. Like reading through p.FS, it
// refuses a path that leaves the project, through ".." or a symlink; on
// Linux it does so with one openat2(RESOLVE_BENEATH) call instead of
// opening every directory on the way, which made reading a third of the
// time `ceviri status` takes without its cache (docs/performance.md).
//
// It reads only regular files, and at most segment.MaxFileSize bytes: a
// larger file is segment.ErrTooLarge, found by reading one byte more,
// never by reading it all (issue 11).
func (p *Project) ReadFile(name string) ([]byte, error) {
	if fs.ValidPath(name) && fastpath.On() {
		if data, err := p.readBeneath(name); err != errDeclined {
			return data, err
		}
	}
	return readLimited(p.FS, name)
}

// errDeclined is readBeneath leaving a file to readLimited.
var errDeclined = errors.New("declined")

// errNotRegular is reading what is not a regular file: a FIFO or a device
// would block or never end.
var errNotRegular = clitext.NewError("project_not_regular")

// readLimited reads a regular file of fsys, as ReadFile does.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	data, err := readUpTo(fsys, name, segment.MaxFileSize)
	if err == errTooLarge {
		return nil, segment.ErrTooLarge
	}
	return data, err
}

// errTooLarge is a file past readUpTo's limit.
var errTooLarge = errors.New("too large")

// readUpTo reads a regular file of fsys of at most limit bytes; a larger
// one is errTooLarge, found by reading one byte more.
func readUpTo(fsys fs.FS, name string, limit int) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	b.Grow(int(min(max(fi.Size(), 0), int64(limit))) + 1)
	if _, err := b.ReadFrom(io.LimitReader(f, int64(limit)+1)); err != nil {
		return nil, err
	}
	if b.Len() > limit {
		return nil, errTooLarge
	}
	return b.Bytes(), nil
}

// listFS is p.FS with directories listed by readDirBeneath where it can.
type listFS struct {
	fs.FS
	p *Project
}

// ReadDir implements fs.ReadDirFS.
func (l listFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if fs.ValidPath(name) && fastpath.On() {
		if ents, ok := l.p.readDirBeneath(name); ok {
			return ents, nil
		}
	}
	return fs.ReadDir(l.FS, name)
}
