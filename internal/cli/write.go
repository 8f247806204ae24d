package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/safefile"
	"github.com/ceviri/ceviri/internal/track"
)

// plan is the set of files a mutating command will write, collected before
// anything is written so that a command that fails writes nothing.
type plan struct {
	root  string
	files map[string][]byte // project-relative path -> new content
}

func newPlan(p *project.Project) *plan { return &plan{root: p.Root, files: map[string][]byte{}} }

func (pl *plan) add(rel string, data []byte) { pl.files[rel] = data }

// snapshot adds the stored copy of a source version, unless it is kept
// already.
func (pl *plan) snapshot(p *project.Project, src *project.Version) error {
	rel := track.SnapshotPath(src.Fingerprint)
	if _, err := fs.Stat(p.FS, rel); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	pl.add(rel, src.Doc.Raw)
	return nil
}

// commit writes the planned files, stored source copies first, each
// atomically.
func (pl *plan) commit() error {
	paths := make([]string, 0, len(pl.files))
	for rel := range pl.files {
		paths = append(paths, rel)
	}
	sort.Slice(paths, func(i, j int) bool {
		si, sj := isStore(paths[i]), isStore(paths[j])
		if si != sj {
			return si
		}
		return paths[i] < paths[j]
	})
	for _, rel := range paths {
		if err := safefile.WriteFile(filepath.Join(pl.root, filepath.FromSlash(rel)), pl.files[rel], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func isStore(rel string) bool { return strings.HasPrefix(rel, track.StoreDir+"/") }

// exists reports whether a project file exists (without following a
// symlink out of the project).
func exists(p *project.Project, rel string) bool {
	_, err := os.Lstat(filepath.Join(p.Root, filepath.FromSlash(rel)))
	return err == nil
}
