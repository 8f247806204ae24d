package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/safefile"
	"golang.org/x/sys/unix"
)

// WorkDir is the hidden directory inside the output directory where a build
// keeps its lock and, for each language, the tree it writes the next bundle
// into (next-<lang>). It is not part of any bundle: leave it out when
// deploying the output directory as a whole.
const WorkDir = ".ceviri"

// stage is the new bundles being written. Each language's bundle is written
// into WorkDir/next-<lang>, beside the bundle it will replace (the same file
// system, so the swap is a rename). After the swap that directory holds the
// bundle just replaced, and the next build updates it in place: a page whose
// inputs did not change since then costs nothing, and no bundle is ever
// deleted file by file. Files in it are only ever replaced by a rename, never
// rewritten, since they may share their inode (a hard link) with a file of
// the live bundle.
type stage struct {
	work  string // absolute path of WorkDir
	mu    sync.Mutex
	files map[string]map[string]string // lang -> path in the bundle -> "sha256:<hex>"
	empty map[string]bool              // languages whose tree was empty when the build began
}

// newStage opens the work directory of out. The caller holds the lock.
func newStage(out string) (*stage, error) {
	work := filepath.Join(out, WorkDir)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	// A crash between the two renames of the fallback swap leaves a bundle
	// aside: put it back.
	aside, _ := filepath.Glob(filepath.Join(work, "next-*.old"))
	for _, d := range aside {
		lang := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(d), "next-"), ".old")
		if _, err := os.Lstat(filepath.Join(out, lang)); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(d, filepath.Join(out, lang)); err != nil {
				return nil, err
			}
		} else if err := os.RemoveAll(d); err != nil {
			return nil, err
		}
	}
	return &stage{work: work, files: map[string]map[string]string{}, empty: map[string]bool{}}, nil
}

// dir is the tree lang's next bundle is written into.
func (s *stage) dir(lang string) string { return filepath.Join(s.work, "next-"+lang) }

// path returns the staged path of a bundle file.
func (s *stage) path(lang, rel string) string {
	return filepath.Join(s.dir(lang), filepath.FromSlash(rel))
}

// prepare readies lang's tree and returns the manifest of what it holds,
// or nil when there was nothing usable in it (it is then empty). The
// manifest is removed before anything else changes, so a build killed from
// here on leaves a tree the next build does not trust and empties.
func (s *stage) prepare(lang string) (*Manifest, error) {
	dir := s.dir(lang)
	m := readManifest(dir)
	if m == nil {
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("emptying %s: %w", dir, err)
		}
		s.empty[lang] = true
		return nil, os.MkdirAll(dir, 0o755)
	}
	if err := os.Remove(filepath.Join(dir, "manifest.json")); err != nil {
		return nil, err
	}
	return m, safefile.SyncDir(dir)
}

func (s *stage) record(lang, rel, sum string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files[lang] == nil {
		s.files[lang] = map[string]string{}
	}
	s.files[lang][rel] = sum
}

// tmpName is the temporary name a file is written under before it is
// renamed into place; ids cannot have hidden components, so it never
// collides with a bundle file.
func tmpName(name string) string {
	return filepath.Join(filepath.Dir(name), ".ceviri-tmp-"+filepath.Base(name))
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

// writeIn is write into a directory that exists. Into a tree that was
// empty a new file is created where it belongs; into one that holds an
// earlier bundle, whose files may be hard links to the live bundle's, it is
// written aside and renamed over the old one.
func (s *stage) writeIn(lang, rel string, data []byte) error {
	name := s.path(lang, rel)
	if s.empty[lang] {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = f.Write(data)
			if err1 := f.Close(); err == nil {
				err = err1
			}
			if err != nil {
				return err
			}
			s.recordData(lang, rel, data)
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		// Written before in this build (messages.json by an earlier pass):
		// replace it as below.
	}
	if err := os.WriteFile(tmpName(name), data, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmpName(name), name); err != nil {
		return err
	}
	s.recordData(lang, rel, data)
	return nil
}

// mkdir makes the directory of an article's pages in lang's tree.
func (s *stage) mkdir(lang, rel string) error {
	dir := s.path(lang, rel)
	if s.empty[lang] {
		// Most ids are one level deep: their directory's parent exists.
		if err := os.Mkdir(dir, 0o755); err == nil || errors.Is(err, fs.ErrExist) {
			return nil
		}
	}
	return os.MkdirAll(dir, 0o755)
}

// recordData records the hash of a file written.
func (s *stage) recordData(lang, rel string, data []byte) {
	sum := sha256.Sum256(data)
	s.record(lang, rel, "sha256:"+hex.EncodeToString(sum[:]))
}

// keep records a file that the tree already holds as it should be.
func (s *stage) keep(lang, rel, sum string) { s.record(lang, rel, sum) }

// link stages a file of the live bundle unchanged: a hard link when the
// file system allows it (no file of a bundle is ever changed in place),
// else a copy. sum is the hash the live bundle's manifest recorded.
func (s *stage) link(lang, rel, from, sum string) error {
	name := s.path(lang, rel)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp := tmpName(name)
	_ = os.Remove(tmp)
	if err := os.Link(from, tmp); err != nil {
		if err := copyFile(from, tmp); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, name); err != nil {
		return err
	}
	s.record(lang, rel, sum)
	return nil
}

// prune removes the files the tree held (by its old manifest) that the new
// bundle does not, and the directories they leave empty.
func (s *stage) prune(lang string, old *Manifest) error {
	if old == nil {
		return nil
	}
	for _, rel := range sortedKeys(old.Files) {
		if _, ok := s.files[lang][rel]; ok {
			continue
		}
		name := s.path(lang, rel)
		if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		for d := filepath.Dir(name); d != s.dir(lang); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break // not empty
			}
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
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
	f, err := os.Open(s.work)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil && !errors.Is(err, unix.ENOSYS) {
		return fmt.Errorf("syncing the new bundles: %w", err)
	}
	return nil
}

// archivePath is where lang's archive is written before the swap.
func (s *stage) archivePath(name string) string { return filepath.Join(s.work, name+".tmp") }

// swap puts lang's staged bundle at out/lang. An existing bundle is
// exchanged with the new one in one atomic renameat2(RENAME_EXCHANGE), so
// at every instant out/lang is either the whole old bundle or the whole new
// one; the old one ends up in WorkDir/next-<lang>, where the next build
// updates it. Where the file system cannot exchange, the old bundle is first
// renamed aside (a crash between the two renames leaves it there, and the
// next build puts it back). The archive (archive != "") replaces
// out/<archive> by a rename after.
func (s *stage) swap(out, lang, archive string) error {
	staged := s.dir(lang)
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
			if err := os.Rename(staged+".old", staged); err != nil {
				return err
			}
		}
	} else if err := os.Rename(staged, target); err != nil {
		return fmt.Errorf("moving the new %s bundle in: %w", lang, err)
	}
	for _, ext := range archiveExts {
		name := lang + ext
		if name == archive {
			if err := os.Rename(s.archivePath(name), filepath.Join(out, name)); err != nil {
				return fmt.Errorf("moving %s in: %w", name, err)
			}
		} else if err := os.Remove(filepath.Join(out, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			// An archive of an earlier build would no longer match the bundle.
			return err
		}
	}
	return safefile.SyncDir(out)
}

var archiveExts = []string{".tar.gz", ".zip"}

// cleanup removes the archives a failed build left unfinished.
func (s *stage) cleanup() {
	left, _ := filepath.Glob(filepath.Join(s.work, "*.tmp"))
	for _, f := range left {
		os.Remove(f)
	}
}

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
