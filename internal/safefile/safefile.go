// Package safefile is the one place where ceviri writes files. It confines
// every write to a directory (the project, or the output a command was
// given) so that neither ".." nor a symlink can lead a write out of it;
// replaces files atomically (a temporary file in the same directory,
// synced, renamed over the target, the directory synced); commits batches
// of files all or nothing with a journal that the next command finishes or
// undoes after a crash; and keeps two mutating ceviri commands from
// interleaving with a lock.
package safefile

import (
	"os"
	"path"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
)

// Lock is an exclusive lock on a project or an output directory, held by
// one mutating command.
type Lock struct{ f *os.File }

// ErrLocked is returned when another process holds the lock for longer
// than Lock waits.
var ErrLocked = clitext.NewError("write_locked")

// Lock takes the lock file name in d (creating it), waiting up to wait for
// a process that holds it. The lock is released by Release or when the
// process exits, so a crashed command never leaves it behind.
func (d *Dir) Lock(name string, wait time.Duration) (*Lock, error) {
	target, err := d.Resolve(name)
	if err != nil {
		return nil, err
	}
	if err := d.mkdirAll(path.Dir(target), 0o755); err != nil {
		return nil, err
	}
	f, err := d.root.OpenFile(target, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		held, err := tryLock(f)
		if err == nil && !held {
			return &Lock{f: f}, nil
		}
		if err != nil || time.Now().After(deadline) {
			f.Close()
			if err == nil {
				return nil, clitext.Wrap(ErrLocked, "write_lock_held", "Lock", d.OSPath(name))
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
	return unlock(l.f)
}
