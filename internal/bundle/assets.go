package bundle

import (
	"io/fs"
	"path"
	"sort"
	"strings"

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

// listAssets returns the files an article's page carries: the regular
// files directly in each directory that holds only its versions, that are
// not pages (Markdown, MDX) and not hidden, sorted. Subdirectories are not
// copied. A file that would take the name of a page's own file
// (index.html, index.json) is left out.
func listAssets(fsys fs.FS, id string, files []project.File, owners map[string]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		d := path.Dir(f.Path)
		if seen[d] || owners[d] != id {
			continue
		}
		seen[d] = true
		ents, err := fs.ReadDir(fsys, d)
		if err != nil {
			continue
		}
		for _, e := range ents {
			n := e.Name()
			if !e.Type().IsRegular() || !isAsset(n) {
				continue
			}
			out = append(out, path.Join(d, n))
		}
	}
	sort.Strings(out)
	return out
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

// pageFilesOf returns the bundle files of an article's page: index.html,
// index.json and its assets.
func pageFilesOf(a *article) []string {
	out := make([]string, 0, len(pageFiles)+len(a.Assets))
	for _, f := range pageFiles {
		out = append(out, a.ID+"/"+f)
	}
	for _, s := range a.Assets {
		out = append(out, assetName(a.ID, s))
	}
	return out
}
