//go:build !linux

package safefile

import (
	"errors"
	"os"
)

// syncFS is not available: the caller syncs file by file.
func syncFS(*os.Root) error { return errors.ErrUnsupported }
