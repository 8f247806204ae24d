//go:build unix

package project

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadFileNotRegular: a FIFO among the articles (or in place of a
// stored copy) is refused, not waited on for ever.
func TestReadFileNotRegular(t *testing.T) {
	p := limitProject(t, nil, true)
	if err := syscall.Mkfifo(filepath.Join(p.Root, "articles", "a", "fifo.md"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := p.ReadFile("articles/a/fifo.md")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, errNotRegular) {
			t.Errorf("error %v, want %v", err, errNotRegular)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFile waits on a FIFO")
	}
}
