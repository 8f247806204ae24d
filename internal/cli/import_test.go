package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is a reader that never ends, as /dev/zero or a pipe fed forever,
// counting what was read from it.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	clear(p)
	e.read += int64(len(p))
	return len(p), nil
}

// readImport stops reading at the limit (issue 11, item 5): the old import
// read the whole input and then compared its size with 64 MiB.
func TestReadImportLimit(t *testing.T) {
	in := &endless{}
	dir := t.TempDir()
	env := &Env{Stdin: in, Wd: dir}
	_, err := readImport(env, "-")
	if err == nil || err.Error() != "stdin: larger than 64 MiB, the most ceviri imports from one file; export fewer articles per file (ceviri export ID...)" {
		t.Errorf("err = %v", err)
	}
	if in.read > maxImport+1<<20 {
		t.Errorf("read %d bytes of an endless input, limit %d", in.read, maxImport)
	}

	// A directory, a missing file, and a file of exactly the limit (read).
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := readImport(env, "d"); err == nil || !strings.Contains(err.Error(), "d: is a directory") {
		t.Errorf("directory: err = %v", err)
	}
	if _, err := readImport(env, "nope.xlf"); err == nil || err.Error() != "nope.xlf: no such file or directory" {
		t.Errorf("missing: err = %v", err)
	}
	f := filepath.Join(dir, "max.xlf")
	if err := os.WriteFile(f, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(f, maxImport); err != nil {
		t.Fatal(err)
	}
	if data, err := readImport(env, "max.xlf"); err != nil || len(data) != maxImport {
		t.Errorf("64 MiB exactly: %d bytes, %v", len(data), err)
	}
	if err := os.Truncate(f, maxImport+1); err != nil {
		t.Fatal(err)
	}
	if _, err := readImport(env, "max.xlf"); err == nil || !strings.HasPrefix(err.Error(), "max.xlf: larger than 64 MiB") {
		t.Errorf("64 MiB + 1: err = %v", err)
	}
}

// An export that import could not read back is refused.
func TestExportFits(t *testing.T) {
	tests := []struct {
		format      string
		size, units int
		ok          bool
	}{
		{"xliff", maxImport, 250_000, true},
		{"xliff", maxImport + 1, 10, false},
		{"po", 1 << 20, 250_001, false},
		{"xliff", 1 << 20, 250_001, false},
	}
	for _, tt := range tests {
		err := exportFits(tt.format, tt.size, tt.units, "en")
		if (err == nil) != tt.ok {
			t.Errorf("exportFits(%s, %d, %d) = %v", tt.format, tt.size, tt.units, err)
		}
		if err != nil && !strings.Contains(err.Error(), "more than import reads back from one file (64 MiB, 250000 units); nothing written") {
			t.Errorf("message: %v", err)
		}
	}
}
