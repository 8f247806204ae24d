package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func openTemp(t *testing.T) (string, *Dir) {
	t.Helper()
	dir := t.TempDir()
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return dir, d
}

func TestWriteFileReplacesAtomically(t *testing.T) {
	dir, d := openTemp(t)
	name := filepath.Join(dir, "sub", "a.md")
	if err := d.WriteFile("sub/a.md", []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("sub/a.md", []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil || string(data) != "two" {
		t.Fatalf("read %q, %v", data, err)
	}
	fi, _ := os.Stat(name)
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want the existing file's 0640", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileFailureLeavesOldFile(t *testing.T) {
	dir, d := openTemp(t)
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory where the file should be is refused.
	if err := os.MkdirAll(filepath.Join(dir, "d", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("d", []byte("new"), 0o644); err == nil {
		t.Fatal("writing over a non-empty directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestLockExcludes(t *testing.T) {
	_, d := openTemp(t)
	l1, err := d.Lock(".ceviri/lock", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Lock(".ceviri/lock", 100*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock = %v, want ErrLocked", err)
	}
	if err := l1.Release(); err != nil {
		t.Fatal(err)
	}
	l2, err := d.Lock(".ceviri/lock", time.Second)
	if err != nil {
		t.Fatalf("Lock after Release: %v", err)
	}
	l2.Release()
}

func TestLockWaitsForHolder(t *testing.T) {
	_, d := openTemp(t)
	l1, err := d.Lock("lock", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(released)
		l1.Release()
	}()
	l2, err := d.Lock("lock", 10*time.Second)
	if err != nil {
		t.Fatalf("waiting Lock: %v", err)
	}
	select {
	case <-released:
	default:
		t.Error("second lock granted while the first was held")
	}
	l2.Release()
}
