//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package cache

import (
	"io/fs"
	"syscall"
)

// identity adds the change time, inode and device of a file to st.
func identity(fi fs.FileInfo, st *Stat) {
	if sys, ok := fi.Sys().(*syscall.Stat_t); ok {
		st.Ctime = sys.Ctimespec.Sec*1e9 + sys.Ctimespec.Nsec
		st.Ino, st.Dev = uint64(sys.Ino), uint64(sys.Dev)
	}
}
