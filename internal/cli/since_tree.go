package cli

import (
	"context"
	"fmt"
	"path"
	"strings"
	"sync"

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
	p      *project.Project       // nil when that tree has no ceviri.yaml
	status []*track.ArticleStatus // sorted by id, as Scan sorts
	errs   []error                // files that could not be read there, their articles left out
}

// treeStatus evaluates the project as entries (the files of the project's
// directory in a commit or the index, as gitlog lists them) hold it,
// entirely in memory: the work tree is never read or touched. Only the
// files status reads are fetched from git: ceviri.yaml, the lock file, the
// language versions the layout of that ceviri.yaml matches, the stored
// source copies, and the files symlinks among them lead to. label names
// the tree in errors ("main:articles/a/tr.md"). A tree without ceviri.yaml
// gives an empty snapshot: the project did not exist there.
func treeStatus(ctx context.Context, repo *gitlog.Repo, root string, entries []gitlog.Entry, label string) (*snapshot, error) {
	byPath := map[string]gitlog.Entry{}
	for _, e := range entries {
		byPath[e.Path] = e
	}
	fsys := newMemFS()
	if err := fetch(ctx, repo, fsys, byPath, []string{config.FileName, config.LockFileName}); err != nil {
		return nil, err
	}
	cfg, ok := fsys.files[config.FileName]
	if !ok {
		return &snapshot{}, nil
	}
	p, err := project.New(root, fsys, cfg.data)
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
	fsys.seal()
	p.StatesOnly = fastpath.On()
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
	status := track.Analyze(p, project.Group(good))
	// The statuses hold what they need of the files; their bytes can go.
	p.FS, fsys.files, fsys.dirs = nil, nil, nil
	return &snapshot{p: p, status: status, errs: errs}, nil
}

// oversized stands for every blob over segment.MaxFileSize: reading it
// fails as reading such a file from disk does, and its contents are never
// read from git.
var oversized = sync.OnceValue(func() []byte { return make([]byte, segment.MaxFileSize+1) })

// fetch reads the entries at paths (those the tree holds) into fsys, in one
// git process, then the files that symlinks among them lead to, a level at
// a time.
func fetch(ctx context.Context, repo *gitlog.Repo, fsys *memFS, byPath map[string]gitlog.Entry, paths []string) error {
	for range maxLinks + 1 {
		var ids, names []string
		for _, name := range paths {
			if e, ok := byPath[name]; ok && fsys.files[name] == nil {
				ids, names = append(ids, e.Blob), append(names, name)
			}
		}
		if len(ids) == 0 {
			return nil
		}
		var links []string
		err := repo.EachBlob(ctx, ids, segment.MaxFileSize, func(i int, data []byte, _ int64) {
			if data == nil {
				data = oversized()
			}
			link := byPath[names[i]].Symlink()
			fsys.add(names[i], data, link)
			if link {
				links = append(links, path.Join(path.Dir(names[i]), string(data)))
			}
		})
		if err != nil {
			return err
		}
		paths = links
	}
	return nil
}
