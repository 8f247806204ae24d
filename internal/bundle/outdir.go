package bundle

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// realPath resolves every symlink in p, also when its last components do
// not exist yet (they are kept as named): the directory a build would
// really write in.
func realPath(p string) string {
	p = filepath.Clean(p)
	var rest []string
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{r}, rest...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(append([]string{p}, rest...)...)
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// within reports whether b is a or lies inside it.
func within(a, b string) bool {
	rel, err := filepath.Rel(a, b)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// checkOut refuses an output directory that overlaps what the project is
// made of, after resolving symlinks on both sides (an output reached
// through `ln -s . dist` is the project): the project itself or a
// directory above it, its .ceviri directory, its content, locales and
// templates directories, or a directory that holds any of its language
// versions. Bundles are swapped in and out of the output directory by
// renames; none of these may ever be moved.
func checkOut(out string, p *project.Project, files []project.File) error {
	real := realPath(out)
	root := realPath(p.Root)
	if within(real, root) {
		return clitext.NewError("build_err_out_holds_project", "Out", out, "Root", p.Root)
	}
	dirs := []struct {
		what clitext.Text
		rel  string
	}{
		{clitext.Msg("build_dir_own"), path.Dir(track.StoreDir)},
		{clitext.Msg("build_dir_locales"), p.Config.Locales},
		{clitext.Msg("build_dir_templates"), TemplateDir},
	}
	for _, d := range p.Layout.Dirs() {
		if d != "." {
			dirs = append(dirs, struct {
				what clitext.Text
				rel  string
			}{clitext.Msg("build_dir_content"), d})
		}
	}
	for _, d := range dirs {
		if d.rel == "" || d.rel == "." {
			continue
		}
		abs := realPath(filepath.Join(p.Root, filepath.FromSlash(d.rel)))
		if within(abs, real) || within(real, abs) {
			return clitext.NewError("build_err_out_overlaps", "Out", out, "What", d.what, "Dir", d.rel)
		}
	}
	if within(root, real) {
		rel, _ := filepath.Rel(root, real)
		prefix := filepath.ToSlash(rel) + "/"
		for _, f := range files {
			if strings.HasPrefix(f.Path, prefix) {
				return clitext.NewError("build_err_out_holds_version", "Out", out, "Path", f.Path)
			}
		}
	}
	return nil
}
