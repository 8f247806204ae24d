package safefile

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// WriteFile atomically replaces the file at an OS path, confined to its
// directory. Deprecated: open the directory with OpenDir and use
// Dir.WriteFile; kept until every caller is converted.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d, err := OpenDir(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.WriteFile(filepath.Base(name), data, perm)
}

// SyncDir flushes the directory at an OS path. Deprecated: use Dir.SyncDir.
func SyncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return syncDir(f)
}

// Acquire takes the lock file at an OS path. Deprecated: use Dir.Lock.
func Acquire(name string, wait time.Duration) (*Lock, error) {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	d, err := OpenDir(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	return d.Lock(filepath.Base(name), wait)
}
