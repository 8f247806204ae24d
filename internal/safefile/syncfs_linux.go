package safefile

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// syncFS flushes the whole file system holding r with one syncfs call.
func syncFS(r *os.Root) error {
	f, err := r.Open(".")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); errors.Is(err, unix.ENOSYS) {
		return errors.ErrUnsupported
	} else if err != nil {
		return err
	}
	return nil
}
