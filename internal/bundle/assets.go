package bundle

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/project"
)

// Page bundles: the files beside an article's page (Hugo's
// content/posts/x/index.md with cover.png, ceviri's articles/x/tr.md with
// photo.jpg) are copied into the bundle beside the page, so that a relative
// image ("cover.png") shows in every language.

// assetDirs returns, for every directory holding language versions, the
// article whose versions alone it holds, or "" when it holds several
// articles' (content/posts/a.md and b.md: no article owns it) or is the
// project's root.
func assetDirs(files []project.File) map[string]string {
	owners := map[string]string{}
	for _, f := range files {
		d := path.Dir(f.Path)
		if prev, ok := owners[d]; ok && prev != f.ID {
			owners[d] = ""
			continue
		}
		owners[d] = f.ID
	}
	owners["."] = ""
	return owners
}

// ownDirs returns the directories of an article's files that hold its
// versions alone, in order.
func ownDirs(id string, files []project.File, owners map[string]string) []string {
	var out []string
	for _, f := range files {
		d := path.Dir(f.Path)
		if owners[d] == id && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// listAssets returns the files an article's page carries: the regular
// files directly in its own directories (ownDirs) that are not pages
// (Markdown, MDX) and not hidden, sorted. Subdirectories are not copied.
func listAssets(fsys fs.FS, dirs []string) []string {
	var out []string
	for _, d := range dirs {
		ents, err := fs.ReadDir(fsys, d)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if n := e.Name(); e.Type().IsRegular() && isAsset(n) {
				out = append(out, path.Join(d, n))
			}
		}
	}
	sort.Strings(out)
	return out
}

// dirStat returns what tells that a directory's entries did not change: its
// modification time, which adding, removing or renaming an entry moves.
func dirStat(name string) (cache.Stat, bool) {
	fi, err := os.Stat(name)
	if err != nil || !fi.IsDir() {
		return cache.Stat{}, false
	}
	return cache.Stat{Mtime: fi.ModTime().UnixNano()}, true
}

// assetsOf returns an article's assets and the stats of its own
// directories: those the last build listed when no directory changed since
// (cache.Clean), so that a rebuild does not list every article's
// directory, else listed again.
func assetsOf(root string, fsys fs.FS, id string, dirs []string, cached *metaCache) ([]string, []fileStat) {
	stats := make([]fileStat, len(dirs))
	ok := true
	for i, d := range dirs {
		st, good := dirStat(filepath.Join(root, filepath.FromSlash(d)))
		stats[i] = fileStat{Path: d, Stat: st}
		ok = ok && good
	}
	if !ok {
		return listAssets(fsys, dirs), nil
	}
	if a := cached.byDirs(id, stats); a != nil {
		return a.Assets, stats
	}
	return listAssets(fsys, dirs), stats
}

// isAsset reports whether a file beside a page is one the page carries.
func isAsset(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || strings.HasSuffix(name, "~") {
		return false
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdx", ".mdown", ".yaml", ".yml", ".toml", ".json", ".html", ".htm":
		return false // pages, skipped pages, data of the site: not a page's resources
	}
	return true
}

// assetName is where an asset of an article lies in its bundle.
func assetName(id, asset string) string { return id + "/" + path.Base(asset) }

// eachPageFile calls fn with each bundle file of an article's page:
// index.html, index.json and its assets, until fn fails.
func eachPageFile(a *article, fn func(rel string) error) error {
	for _, f := range pageFiles {
		if err := fn(a.ID + "/" + f); err != nil {
			return err
		}
	}
	for _, s := range a.Assets {
		if err := fn(assetName(a.ID, s)); err != nil {
			return err
		}
	}
	return nil
}
