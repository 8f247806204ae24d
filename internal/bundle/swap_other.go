//go:build !linux

package bundle

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/ceviri/ceviri/internal/safefile"
)

// exchange is not atomic outside Linux: the swap renames the old bundle
// aside first, and a crash between the renames is finished by the next
// build.
func exchange(*safefile.Dir, string, string) error {
	return fmt.Errorf("atomic exchange: %w", errors.ErrUnsupported)
}

// syncAll flushes every file under dir, one by one, where the system has
// no syncfs.
func syncAll(out *safefile.Dir, dir string) error {
	return fs.WalkDir(out.Root().FS(), dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() && !d.IsDir() {
			return err
		}
		f, err := out.Root().Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := f.Sync(); err != nil && !d.IsDir() {
			return err
		}
		return nil
	})
}
