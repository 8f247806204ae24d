package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/safefile"
)

// WorkDir is the hidden directory inside the output directory where a build
// keeps its lock, its journal and, for each language, the tree it writes
// the next bundle into (next-<lang>). It is not part of any bundle: leave it
// out when deploying the output directory as a whole.
const WorkDir = ".ceviri"

// Names in WorkDir.
const (
	lockName     = WorkDir + "/lock"
	swapName     = WorkDir + "/swap.json"     // the swap under way (see swap.go)
	archivesName = WorkDir + "/archives.json" // the archives ceviri wrote (see archives)
	replacedDir  = WorkDir + "/replaced"      // what --force moved out of the way
)

// stage is the new bundles being written. Each language's bundle is written
// into WorkDir/next-<lang>, beside the bundle it will replace (the same file
// system, so the swap is a rename). After the swap that directory holds the
// bundle just replaced, and the next build updates it in place: a page whose
// inputs did not change since then costs nothing, and no bundle is ever
// deleted file by file. Files in it are only ever replaced by a rename, never
// rewritten, since they may share their inode (a hard link) with a file of
// the live bundle.
//
// Every operation goes through the output directory's safefile.Dir, or the
// os.Root of a language's tree: nothing a build does can reach out of the
// output directory, whatever symlinks or manifests it finds there.
type stage struct {
	out   *safefile.Dir
	trees map[string]*os.Root // lang -> its next-<lang> tree, once prepared
	mu    sync.Mutex
	files map[string]map[string]string // lang -> path in the bundle -> "sha256:<hex>"
	empty map[string]bool              // languages whose tree was empty when the build began
	// manifests holds the sha256 of each new bundle's manifest.json, by
	// which the swap recognises it.
	manifests map[string]string
}

// newStage opens the work directory of out, whose lock the caller holds,
// after finishing a swap an earlier build left half done.
func newStage(out *safefile.Dir) (*stage, error) {
	if err := checkWorkDir(out); err != nil {
		return nil, err
	}
	if err := recoverSwap(out); err != nil {
		return nil, err
	}
	return &stage{out: out, trees: map[string]*os.Root{}, files: map[string]map[string]string{}, empty: map[string]bool{},
		manifests: map[string]string{}}, nil
}

// checkWorkDir makes WorkDir, and refuses one that is not a directory.
func checkWorkDir(out *safefile.Dir) error {
	fi, err := out.Lstat(WorkDir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return out.MkdirAll(WorkDir, 0o755)
	case err != nil:
		return err
	case !fi.IsDir():
		return clitext.NewError("build_err_workdir", "Path", out.OSPath(WorkDir))
	}
	return nil
}

// dirName is the name, in the output directory, of lang's tree.
func dirName(lang string) string { return WorkDir + "/next-" + lang }

// close releases the trees.
func (s *stage) close() {
	for _, r := range s.trees {
		r.Close()
	}
}

// prepare readies lang's tree and returns the manifest of what it holds,
// or nil when there was nothing usable in it (it is then empty). The
// manifest is removed before anything else changes, so a build killed from
// here on leaves a tree the next build does not trust and empties.
func (s *stage) prepare(lang string) (*Manifest, error) {
	name := dirName(lang)
	var m *Manifest
	if fi, err := s.out.Lstat(name); err == nil && fi.IsDir() {
		m = readManifest(s.out.Root(), name)
	}
	if m == nil {
		// Not a tree ceviri can trust (or a symlink, or a file): it is in
		// ceviri's own work directory, so it goes.
		if err := s.out.RemoveAll(name); err != nil {
			return nil, clitext.Wrap(err, "build_err_emptying", "Path", s.out.OSPath(name))
		}
		if err := s.out.MkdirAll(name, 0o755); err != nil {
			return nil, err
		}
		s.empty[lang] = true
	} else if err := s.out.Remove(name + "/manifest.json"); err != nil {
		return nil, err
	}
	r, err := s.out.Root().OpenRoot(name)
	if err != nil {
		return nil, err
	}
	s.trees[lang] = r
	return m, s.out.SyncDir(name)
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
	dir, base := path.Split(name)
	return dir + ".ceviri-tmp-" + base
}

// write stages a file of lang's bundle and records its hash. Files are not
// synced one by one: sync syncs the file system once before the swap.
func (s *stage) write(lang, rel string, data []byte) error {
	if dir := path.Dir(rel); dir != "." {
		if err := s.trees[lang].MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return s.writeIn(lang, rel, data)
}

// writeIn is write into a directory that exists. Into a tree that was
// empty a new file is created where it belongs; into one that holds an
// earlier bundle, whose files may be hard links to the live bundle's, it is
// written aside and renamed over the old one.
func (s *stage) writeIn(lang, rel string, data []byte) error {
	t := s.trees[lang]
	if s.empty[lang] {
		err := createFile(t, rel, data)
		if err == nil {
			s.recordData(lang, rel, data)
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		// Written before in this build (messages.json by an earlier pass):
		// replace it as below.
	}
	tmp := tmpName(rel)
	_ = t.Remove(tmp) // a crash's leftover; the name is ceviri's
	if err := createFile(t, tmp, data); err != nil {
		return err
	}
	if err := t.Rename(tmp, rel); err != nil {
		return err
	}
	s.recordData(lang, rel, data)
	return nil
}

// createFile writes a new file, never through an existing name (a
// symlink planted in a tree is not followed).
func createFile(t *os.Root, name string, data []byte) error {
	f, err := t.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

// mkdir makes the directory of an article's pages in lang's tree.
func (s *stage) mkdir(lang, rel string) error {
	t := s.trees[lang]
	if s.empty[lang] {
		// Most ids are one level deep: their directory's parent exists.
		if err := t.Mkdir(rel, 0o755); err == nil || errors.Is(err, fs.ErrExist) {
			return nil
		}
	}
	return t.MkdirAll(rel, 0o755)
}

// recordData records the hash of a file written.
func (s *stage) recordData(lang, rel string, data []byte) {
	sum := sha256.Sum256(data)
	s.record(lang, rel, "sha256:"+hex.EncodeToString(sum[:]))
}

// keep records a file that the tree already holds as it should be.
func (s *stage) keep(lang, rel, sum string) { s.record(lang, rel, sum) }

// link stages the file rel of the live bundle out/<lang> unchanged: a hard
// link when the file system allows it (no file of a bundle is ever changed
// in place), else a copy. sum is the hash the live bundle's manifest
// recorded. Only a regular file is taken: a symlink put into the live
// bundle is refused (and the page rendered again).
func (s *stage) link(lang, rel, sum string) error {
	from := lang + "/" + rel
	fi, err := s.out.Lstat(from)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", s.out.OSPath(from))
	}
	t := s.trees[lang]
	if dir := path.Dir(rel); dir != "." {
		if err := t.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp := tmpName(rel)
	_ = t.Remove(tmp)
	if err := s.out.Root().Link(from, dirName(lang)+"/"+tmp); err != nil {
		if err := copyFile(s.out.Root(), from, t, tmp); err != nil {
			return err
		}
	}
	if err := t.Rename(tmp, rel); err != nil {
		return err
	}
	s.record(lang, rel, sum)
	return nil
}

// prune removes the files the tree held (by its old manifest) that the new
// bundle does not, and the directories they leave empty. Every path comes
// from a manifest that readManifest checked, and is removed through the
// tree's os.Root, so nothing outside the tree can be reached.
func (s *stage) prune(lang string, old *Manifest) error {
	if old == nil {
		return nil
	}
	t := s.trees[lang]
	for _, rel := range sortedKeys(old.Files) {
		if _, ok := s.files[lang][rel]; ok {
			continue
		}
		if !validBundlePath(rel) {
			continue // readManifest refuses these; never trust one
		}
		if err := t.Remove(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			if t.Remove(d) != nil {
				break // not empty
			}
		}
	}
	return nil
}

func copyFile(fromRoot *os.Root, from string, toRoot *os.Root, to string) error {
	in, err := fromRoot.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := toRoot.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// archiveTmp is where lang's archive is written before the swap, in the
// output directory.
func archiveTmp(name string) string { return WorkDir + "/" + name + ".tmp" }

var archiveExts = []string{".tar.gz", ".zip"}

// cleanup removes the archives a failed build left unfinished, and closes
// the trees.
func (s *stage) cleanup() {
	for lang := range s.trees {
		for _, ext := range archiveExts {
			_ = s.out.Remove(archiveTmp(lang + ext))
		}
	}
	s.close()
}

// validBundlePath reports whether a manifest's file name is one a bundle
// can hold: a clean relative path without hidden components or
// backslashes. A manifest is a file on disk like any other; a name such as
// "../../victim" must never reach a removal.
func validBundlePath(p string) bool {
	if !fs.ValidPath(p) || p == "." || strings.Contains(p, `\`) {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	return true
}
