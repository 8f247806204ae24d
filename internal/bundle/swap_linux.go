package bundle

import (
	"errors"
	"fmt"
	"path"

	"github.com/ceviri/ceviri/internal/safefile"
	"golang.org/x/sys/unix"
)

// exchange swaps the names a and b in out in one atomic renameat2
// (RENAME_EXCHANGE). It returns an error wrapping errors.ErrUnsupported
// where the file system cannot.
func exchange(out *safefile.Dir, a, b string) error {
	if err := out.Hook("rename", a); err != nil {
		return err
	}
	da, err := out.Root().Open(path.Dir(a))
	if err != nil {
		return err
	}
	defer da.Close()
	db, err := out.Root().Open(path.Dir(b))
	if err != nil {
		return err
	}
	defer db.Close()
	err = unix.Renameat2(int(da.Fd()), path.Base(a), int(db.Fd()), path.Base(b), unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return fmt.Errorf("atomic exchange: %w", errors.ErrUnsupported)
	}
	return err
}

// syncAll flushes the file system holding dir once (syncfs), so that
// after a power cut a swapped-in bundle is whole, without an fsync per
// file.
func syncAll(out *safefile.Dir, dir string) error {
	f, err := out.Root().Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil && !errors.Is(err, unix.ENOSYS) {
		return fmt.Errorf("syncing the new bundles: %w", err)
	}
	return nil
}
