package project

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/segment"
)

// limitProject is a project whose articles/a/ holds files of the given
// sizes (a negative size: a sparse file of that many bytes, nothing
// written), opened with its Linux fast path or without.
func limitProject(t *testing.T, sizes map[string]int64, fast bool) *Project {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "ceviri.yaml"), []byte("languages: [tr, en]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "articles", "a")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, size := range sizes {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if size >= 0 {
			_, err = f.Write([]byte(strings.Repeat("a", int(size))))
		} else {
			err = f.Truncate(-size)
		}
		if cerr := f.Close(); err != nil || cerr != nil {
			t.Skipf("cannot make a file of %d bytes here: %v %v", size, err, cerr)
		}
	}
	p, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if !fast {
		p.dirFD = -1 // what other systems do; the descriptor is closed with p
	}
	return p
}

// TestReadFileLimit: a file over segment.MaxFileSize is refused after
// reading one byte more than the limit, through either path; a file of a
// terabyte (sparse) is refused as fast as a small one.
func TestReadFileLimit(t *testing.T) {
	for _, fast := range []bool{true, false} {
		p := limitProject(t, map[string]int64{
			"at.md": segment.MaxFileSize, "over.md": segment.MaxFileSize + 1, "huge.md": -(1 << 40),
		}, fast)
		if data, err := p.ReadFile("articles/a/at.md"); err != nil || len(data) != segment.MaxFileSize {
			t.Errorf("fast %v: a file at the limit: %d bytes, %v", fast, len(data), err)
		}
		for _, name := range []string{"over.md", "huge.md"} {
			data, err := p.ReadFile("articles/a/" + name)
			if err != segment.ErrTooLarge || data != nil {
				t.Errorf("fast %v: %s: %d bytes, %v; want segment.ErrTooLarge", fast, name, len(data), err)
			}
		}
	}
}

// endless is a file system of one regular file that never ends, as a file
// that grows while it is read, or a device that claims to be a file.
type endless struct{ read *int64 }

func (e endless) Open(string) (fs.File, error) { return endlessFile(e), nil }

type endlessFile endless

func (endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (endlessFile) Close() error               { return nil }
func (f endlessFile) Read(b []byte) (int, error) {
	*f.read += int64(len(b))
	return len(b), nil
}

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "endless.md" }
func (endlessInfo) Size() int64        { return 10 }
func (endlessInfo) Mode() fs.FileMode  { return 0o644 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

func TestReadLimitedStopsReading(t *testing.T) {
	var n int64
	data, err := readLimited(endless{&n}, "endless.md")
	if err != segment.ErrTooLarge || data != nil {
		t.Fatalf("%d bytes, %v", len(data), err)
	}
	if n > segment.MaxFileSize+1 {
		t.Errorf("read %d bytes, the limit is %d", n, segment.MaxFileSize)
	}
}

// TestParseLimits: what is over a limit is the version's error, positioned
// in its file, whatever reads it.
func TestParseLimits(t *testing.T) {
	cfg, err := config.Parse("ceviri.yaml", []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := File{ID: "a", Lang: "tr", Path: "articles/a/tr.md"}
	front := "---\ntitle: T\n---\n\nText.\n\n"
	tests := []struct {
		name, data, want string
		is               error // what errors.Is finds in the error
	}{
		{"too large", front + strings.Repeat("a", segment.MaxFileSize), "articles/a/tr.md:1:1: file is larger than 4 MiB (4194304 bytes), the most ceviri reads", segment.ErrTooLarge},
		{"nested lists", front + strings.Repeat("- ", 100_000) + "x\n", "articles/a/tr.md:7:65: block quotes, lists and footnotes nested more than 32 deep, the most ceviri reads", segment.ErrLimit},
		{"padded table", front + strings.Repeat("|a", 1000) + "|\n" + strings.Repeat("|-", 1000) + "|\n" + strings.Repeat("x\n", 2000),
			"articles/a/tr.md:7:1: table of 1000 columns and 2001 rows (2001000 cells) takes the body past 100000 table cells, the most ceviri reads", segment.ErrLimit},
	}
	for _, tt := range tests {
		for _, mode := range []int{full, statesOnly} {
			v := parse(f, []byte(tt.data), cfg, nil, mode)
			if v.Err == nil || v.Err.Error() != tt.want || !errors.Is(v.Err, tt.is) {
				t.Errorf("%s, mode %d: error %v, want %s (%v)", tt.name, mode, v.Err, tt.want, tt.is)
			}
			if v.Body != nil || v.Doc != nil {
				t.Errorf("%s: a version over a limit keeps its body", tt.name)
			}
		}
	}
}
