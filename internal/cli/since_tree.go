package cli

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/fastpath"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
)

// snapshot is the project's status as a commit or the index holds it.
type snapshot struct {
	p      *project.Project // nil when that tree has no ceviri.yaml
	status []*track.Article // sorted by id, as Scan sorts
	errs   []error          // files that could not be read there, their articles left out
}

// treeStatus evaluates the project as entries (the files of the project's
// directory in a commit or the index, as gitlog lists them) hold it,
// entirely in memory: the work tree is never read or touched. Only the
// files status reads are fetched from git: ceviri.yaml, the lock file, the
// language versions the layout of that ceviri.yaml matches, and the stored
// source copies. label names the tree in errors ("main:articles/a/tr.md").
// A tree without ceviri.yaml gives an empty snapshot: the project did not
// exist there.
func treeStatus(ctx context.Context, repo *gitlog.Repo, root string, entries []gitlog.Entry, label string) (*snapshot, error) {
	byPath := map[string]gitlog.Entry{}
	for _, e := range entries {
		byPath[e.Path] = e
	}
	fsys := fstest.MapFS{}
	if err := fetch(ctx, repo, fsys, byPath, []string{config.FileName, config.LockFileName}); err != nil {
		return nil, err
	}
	cfg, ok := fsys[config.FileName]
	if !ok {
		return &snapshot{}, nil
	}
	p, err := project.New(root, fsys, cfg.Data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	var want []string
	for _, e := range entries {
		if _, _, ok := p.Layout.Match(e.Path); ok || strings.HasPrefix(e.Path, track.StoreDir+"/") {
			want = append(want, e.Path)
		}
	}
	if err := fetch(ctx, repo, fsys, byPath, want); err != nil {
		return nil, err
	}
	p.StatesOnly = leanStatus && fastpath.On()
	files, errs := p.Scan()
	versions := p.Load(files)
	bad := map[string]bool{}
	for _, v := range versions {
		if v.Err != nil {
			errs = append(errs, v.Err)
			bad[v.ID] = true
		}
	}
	var good []*project.Version
	for _, v := range versions {
		if !bad[v.ID] {
			good = append(good, v)
		}
	}
	diag.Sort(errs)
	for i, err := range errs {
		errs[i] = fmt.Errorf("%s:%w", label, err)
	}
	return &snapshot{p: p, status: track.Analyze(p, project.Group(good)), errs: errs}, nil
}

// oversized stands for every blob over segment.MaxFileSize: reading it
// fails as reading such a file from disk does, and its contents are never
// fetched.
var oversized = sync.OnceValue(func() []byte { return make([]byte, segment.MaxFileSize+1) })

// fetch reads the contents of the entries at paths (those present) into
// fsys, in one git process. A symlink becomes a symlink of fsys, which
// cannot lead out of it.
func fetch(ctx context.Context, repo *gitlog.Repo, fsys fstest.MapFS, byPath map[string]gitlog.Entry, paths []string) error {
	var ids, names []string
	for _, name := range paths {
		e, ok := byPath[name]
		if !ok {
			continue
		}
		if e.Size > segment.MaxFileSize {
			fsys[name] = &fstest.MapFile{Data: oversized(), Mode: 0o644}
			continue
		}
		ids, names = append(ids, e.Blob), append(names, name)
	}
	blobs, err := repo.Blobs(ctx, ids)
	if err != nil {
		return err
	}
	for i, data := range blobs {
		mode := fs.FileMode(0o644)
		if byPath[names[i]].Symlink() {
			mode = fs.ModeSymlink | 0o777
		}
		fsys[names[i]] = &fstest.MapFile{Data: data, Mode: mode}
	}
	return nil
}
