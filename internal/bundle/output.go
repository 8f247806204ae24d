package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// WorkDir is the hidden directory inside the output directory where a build
// keeps its lock and writes the new bundles before swapping them in. It is
// not part of any bundle: leave it out when deploying the output directory
// as a whole.
const WorkDir = ".ceviri"

// stage is the new bundles being written in WorkDir/staging-*, beside the
// bundles they will replace (the same file system, so the swap is a rename).
type stage struct {
	root  string // absolute path of the staging directory
	mu    sync.Mutex
	files map[string]map[string]string // lang -> path in the bundle -> "sha256:<hex>"
}

// newStage makes a fresh staging directory under out/WorkDir, removing the
// ones that builds killed part-way left behind (the caller holds the lock,
// so no other build is using them).
func newStage(out string) (*stage, error) {
	work := filepath.Join(out, WorkDir)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	old, _ := filepath.Glob(filepath.Join(work, "staging-*"))
	for _, d := range old {
		if err := os.RemoveAll(d); err != nil {
			return nil, fmt.Errorf("removing the leftovers of an interrupted build: %w", err)
		}
	}
	dir, err := os.MkdirTemp(work, "staging-")
	if err != nil {
		return nil, err
	}
	return &stage{root: dir, files: map[string]map[string]string{}}, nil
}

// path returns the staged path of a bundle file.
func (s *stage) path(lang, rel string) string {
	return filepath.Join(s.root, lang, filepath.FromSlash(rel))
}

func (s *stage) record(lang, rel, sum string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files[lang] == nil {
		s.files[lang] = map[string]string{}
	}
	s.files[lang][rel] = sum
}

// write stages a file of lang's bundle and records its hash. Files are not
// synced one by one: sync syncs the file system once before the swap.
func (s *stage) write(lang, rel string, data []byte) error {
	name := s.path(lang, rel)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return s.writeIn(lang, rel, data)
}

// writeIn is write into a directory that exists.
func (s *stage) writeIn(lang, rel string, data []byte) error {
	if err := os.WriteFile(s.path(lang, rel), data, 0o644); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	s.record(lang, rel, "sha256:"+hex.EncodeToString(sum[:]))
	return nil
}

// reuse stages a file of the previous bundle unchanged: a hard link when the
// file system allows it (the previous bundle is deleted after the swap, and
// no file of a bundle is ever changed in place), else a copy. sum is the
// hash the previous manifest recorded.
func (s *stage) reuse(lang, rel, from, sum string) error {
	name := s.path(lang, rel)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	if err := os.Link(from, name); err != nil {
		if err := copyFile(from, name); err != nil {
			return err
		}
	}
	s.record(lang, rel, sum)
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// sync flushes the staged files to disk with one syncfs call, so that after
// a power cut a swapped-in bundle is whole, without an fsync per file.
func (s *stage) sync() error {
	f, err := os.Open(s.root)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil && !errors.Is(err, unix.ENOSYS) {
		return fmt.Errorf("syncing the new bundles: %w", err)
	}
	return nil
}

// swap puts lang's staged bundle at out/lang. An existing bundle is
// exchanged with the new one in one atomic renameat2(RENAME_EXCHANGE), so
// at every instant out/lang is either the whole old bundle or the whole new
// one; the old one ends up in the staging directory, which remove deletes.
// Where the file system cannot exchange, the old bundle is first renamed
// aside: a crash between the two renames leaves it in WorkDir, not lost.
// The archive (archive != "") replaces out/<archive> by a rename after.
func (s *stage) swap(out, lang, archive string) error {
	staged := filepath.Join(s.root, lang)
	target := filepath.Join(out, lang)
	if _, err := os.Lstat(target); err == nil {
		err := unix.Renameat2(unix.AT_FDCWD, staged, unix.AT_FDCWD, target, unix.RENAME_EXCHANGE)
		if err != nil {
			if !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.EOPNOTSUPP) {
				return fmt.Errorf("swapping in the %s bundle: %w", lang, err)
			}
			if err := os.Rename(target, staged+".old"); err != nil {
				return fmt.Errorf("moving the old %s bundle aside: %w", lang, err)
			}
			if err := os.Rename(staged, target); err != nil {
				return fmt.Errorf("moving the new %s bundle in: %w", lang, err)
			}
		}
	} else if err := os.Rename(staged, target); err != nil {
		return fmt.Errorf("moving the new %s bundle in: %w", lang, err)
	}
	for _, ext := range archiveExts {
		name := lang + ext
		if name == archive {
			if err := os.Rename(filepath.Join(s.root, name), filepath.Join(out, name)); err != nil {
				return fmt.Errorf("moving %s in: %w", name, err)
			}
		} else if err := os.Remove(filepath.Join(out, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			// An archive of an earlier build would no longer match the bundle.
			return err
		}
	}
	return syncDir(out)
}

var archiveExts = []string{".tar.gz", ".zip"}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, unix.EINVAL) {
		return err
	}
	return nil
}

// remove deletes the staging directory (with the old bundles swapped into it).
func (s *stage) remove() error { return os.RemoveAll(s.root) }

// checkOut refuses an output directory that would hold the project itself:
// swapping bundles in and out of it could then move the project's files.
func checkOut(out, root string) error {
	rel, err := filepath.Rel(out, root)
	if err != nil {
		return nil
	}
	if rel == "." || (!strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel)) {
		return fmt.Errorf("output directory %s holds the project; choose a directory inside it, like dist", out)
	}
	return nil
}
