//go:build !unix && !windows

package safefile

import "os"

// tryLock always succeeds where the system has no file locks (js, wasip1,
// plan9): ceviri then relies on one command at a time.
func tryLock(*os.File) (bool, error) { return false, nil }

func unlock(*os.File) error { return nil }

func syncDir(f *os.File) error { return f.Sync() }
