// Package safefile writes files so that a reader, a crash or a second ceviri
// never sees half of one: data goes to a temporary file in the same
// directory, is synced, and is renamed over the target; the directory is
// synced after. Lock keeps two mutating ceviri commands from interleaving.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// WriteFile atomically replaces (or creates) name with data. An existing
// file keeps its permissions; a new one gets perm.
func WriteFile(name string, data []byte, perm fs.FileMode) (err error) {
	if fi, err := os.Stat(name); err == nil {
		perm = fi.Mode().Perm()
	}
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), name); err != nil {
		return err
	}
	return SyncDir(dir)
}

// SyncDir flushes a directory's entries (a rename) to disk.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

// Lock is an exclusive lock on a project, held by one mutating command.
type Lock struct{ f *os.File }

// ErrLocked is returned when another process holds the lock for longer
// than Acquire waits.
var ErrLocked = errors.New("another ceviri command is changing this project")

// Acquire takes the lock file name (creating it), waiting up to wait for a
// process that holds it. The lock is released by Release or when the
// process exits, so a crashed command never leaves it behind.
func Acquire(name string, wait time.Duration) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return &Lock{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) || time.Now().After(deadline) {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, fmt.Errorf("%w (lock %s is held)", ErrLocked, name)
			}
			return nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Release gives the lock up.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	defer l.f.Close()
	return syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
}
