package project

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"unsafe"

	"github.com/ceviri/ceviri/internal/segment"
	"golang.org/x/sys/unix"
)

// openDir keeps a descriptor of the project's directory for readBeneath;
// -1 when it cannot be opened (readBeneath then always declines).
func openDir(root string) int {
	fd, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1
	}
	return fd
}

// closeDir closes what openDir opened.
func closeDir(fd int) { unix.Close(fd) }

// readBeneath reads name, relative to the project's directory, with the
// kernel refusing any path that leaves it, as ReadFile does. It declines
// (errDeclined) whenever anything is unusual: no openat2, a path that
// leaves the project, a file that is not regular, any error. The caller
// then reads through os.Root, which gives the error or the answer.
func (p *Project) readBeneath(name string) ([]byte, error) {
	if p.dirFD <= 0 {
		return nil, errDeclined
	}
	defer runtime.KeepAlive(p) // its cleanup closes dirFD
	fd, err := unix.Openat2(p.dirFD, name, &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NOCTTY | unix.O_NONBLOCK,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	})
	if err != nil {
		return nil, errDeclined
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, errDeclined
	}
	// One byte more than the size, to see the end of the file in one read,
	// and never more than one byte past the limit.
	const most = segment.MaxFileSize + 1
	buf := make([]byte, 0, min(max(st.Size, 0), segment.MaxFileSize)+1)
	for {
		if len(buf) == most {
			return nil, segment.ErrTooLarge
		}
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(cap(buf), most-len(buf))) // the file grew
		}
		n, err := unix.Read(fd, buf[len(buf):min(cap(buf), most)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, errDeclined
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}

// readDirBeneath lists the directory name, relative to the project's
// directory, as fs.ReadDir does (sorted, types from the directory itself),
// with one openat2(RESOLVE_BENEATH) and getdents calls. It declines (ok
// false) as readBeneath does, and when the file system does not say the
// type of an entry.
func (p *Project) readDirBeneath(name string) (ents []fs.DirEntry, ok bool) {
	if p.dirFD <= 0 {
		return nil, false
	}
	defer runtime.KeepAlive(p) // its cleanup closes dirFD
	fd, err := unix.Openat2(p.dirFD, name, &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_CLOEXEC | unix.O_DIRECTORY,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	})
	if err != nil {
		return nil, false
	}
	defer unix.Close(fd)
	buf := make([]byte, 16<<10)
	for {
		n, err := unix.Getdents(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n <= 0 {
			break
		}
		for b := buf[:n]; len(b) > 0; {
			de := (*unix.Dirent)(unsafe.Pointer(&b[0]))
			if de.Reclen == 0 || int(de.Reclen) > len(b) {
				return nil, false
			}
			rec := b[:de.Reclen]
			b = b[de.Reclen:]
			nameBytes := rec[unsafe.Offsetof(de.Name):]
			if i := bytes.IndexByte(nameBytes, 0); i >= 0 {
				nameBytes = nameBytes[:i]
			}
			base := string(nameBytes)
			if base == "." || base == ".." || de.Ino == 0 { // as os.ReadDir
				continue
			}
			var typ fs.FileMode
			switch de.Type {
			case unix.DT_REG:
			case unix.DT_DIR:
				typ = fs.ModeDir
			case unix.DT_LNK:
				typ = fs.ModeSymlink
			case unix.DT_FIFO:
				typ = fs.ModeNamedPipe
			case unix.DT_SOCK:
				typ = fs.ModeSocket
			case unix.DT_CHR:
				typ = fs.ModeDevice | fs.ModeCharDevice
			case unix.DT_BLK:
				typ = fs.ModeDevice
			default:
				return nil, false // DT_UNKNOWN: the file system does not say
			}
			ents = append(ents, &dirent{name: base, typ: typ, path: filepath.Join(p.Root, filepath.FromSlash(name), base)})
		}
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	return ents, true
}

// dirent is an entry readDirBeneath found.
type dirent struct {
	name string
	typ  fs.FileMode
	path string // absolute, for Info
}

func (d *dirent) Name() string      { return d.name }
func (d *dirent) IsDir() bool       { return d.typ.IsDir() }
func (d *dirent) Type() fs.FileMode { return d.typ }
func (d *dirent) String() string    { return fs.FormatDirEntry(d) }

// Info lstats the entry. Only its metadata is read, for the status cache;
// the directories on the way were listed as directories, not symlinks.
func (d *dirent) Info() (fs.FileInfo, error) { return os.Lstat(d.path) }
