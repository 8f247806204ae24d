package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ceviri/ceviri/internal/bundle"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/spf13/cobra"
)

type buildOptions struct {
	Langs      []string
	Out        string
	Fallback   string
	Archive    string
	MinCurrent int
	Full       bool
	Force      bool
	set        func(name string) bool // whether a flag was given
}

func newBuildCmd(env *Env) *cobra.Command {
	opts := &buildOptions{}
	c := &cobra.Command{
		Use:   "build",
		Short: "Build one publishable bundle per language",
		Long: `Build one bundle per language into the output directory (build.out in ceviri.yaml,
default dist): DIR/<lang>/ with index.json, <id>/index.html and <id>/index.json for each
article, messages.json, sitemap.xml, feed.xml and manifest.json. See docs/bundles.md.

A missing, draft or untracked translation is handled by --fallback: source shows the
source version with a notice, skip leaves the article out of that language, fail
refuses the build. A stale translation is shown with a notice under source.
A language whose share of current translations is below --min-current percent is not
built (its previous bundle is left as it was).

The new bundles are written beside the old ones and swapped in at the end: an
interrupted build leaves the previous bundles whole, and the next build finishes a
swap that was cut short, so the output never mixes old and new bundles.

A build replaces only what ceviri built: DIR/<lang> must be missing, empty, or a
bundle with ceviri's manifest.json, and DIR/<lang>.tar.gz or .zip an archive holding
one. Anything else is refused, unless --force moves it into DIR/.ceviri/replaced/
(nothing is ever deleted). The output directory may not be, hold or lie inside the
project, its .ceviri, content, locales or templates directories, also through
symlinks. Pages whose inputs did not change
are taken from the previous bundle (--full renders every page); the output is the
same bytes either way.

EXIT STATUS
  0  the bundles were built
  1  the build was refused by policy (--fallback fail, or no language passed --min-current)
  2  usage error, or a file of the project cannot be read; nothing was written`,
		Example: `  ceviri build
  ceviri build --lang tr --out public
  ceviri build --fallback skip --archive tar.gz
  ceviri build --min-current 90 --json
  ceviri build --out public --force   # public/en holds files ceviri did not write: move them aside`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.set = func(name string) bool { return c.Flags().Changed(name) }
			return runBuild(env, opts)
		},
	}
	f := c.Flags()
	f.StringSliceVarP(&opts.Langs, "lang", "l", nil, "build only these languages (comma-separated; default: all)")
	f.StringVarP(&opts.Out, "out", "o", "", "output directory (default: build.out in ceviri.yaml, relative to the project)")
	f.StringVar(&opts.Fallback, "fallback", "", "missing or unusable translation: source, skip or fail (default: build.fallback)")
	f.StringVar(&opts.Archive, "archive", "", "also write DIR/<lang>.tar.gz or .zip: none, tar.gz or zip (default: build.archive)")
	f.IntVar(&opts.MinCurrent, "min-current", 0, "build a language only if this percent of its articles are current (default: build.min_current)")
	f.BoolVar(&opts.Full, "full", false, "render every page, reusing nothing of the previous bundle")
	f.BoolVar(&opts.Force, "force", false, "move a directory or archive in the output that ceviri did not build into OUT/.ceviri/replaced/ instead of refusing")
	return c
}

// buildJSON is the shape of build --json.
type buildJSON struct {
	Out       string        `json:"out"`
	Languages []buildLangJS `json:"languages"`
	Warnings  []string      `json:"warnings"`
}

type buildLangJS struct {
	Lang      string `json:"lang"`
	Built     bool   `json:"built"`
	Skipped   string `json:"skipped,omitempty"`
	Path      string `json:"path,omitempty"`
	Articles  int    `json:"articles"`
	Fallbacks int    `json:"fallbacks"`
	Stale     int    `json:"stale"`
	LeftOut   int    `json:"left_out"`
	Rendered  int    `json:"rendered"`
	Reused    int    `json:"reused"`
	Files     int    `json:"files"`
	Archive   string `json:"archive,omitempty"`
}

func runBuild(env *Env, opts *buildOptions) error {
	p, err := env.openProject()
	if err != nil {
		return err
	}
	b := p.Config.Build
	bo := bundle.Options{Out: b.Out, Fallback: b.Fallback, MinCurrent: b.MinCurrent, Archive: b.Archive,
		BaseURL: b.BaseURL, Version: Version(), Build: buildIdentity(), Full: opts.Full, Force: opts.Force, Fault: testFault()}
	for _, l := range opts.Langs {
		for _, part := range strings.Split(l, ",") {
			if part = strings.TrimSpace(part); part != "" {
				bo.Langs = append(bo.Langs, part)
			}
		}
	}
	if opts.set("out") {
		if opts.Out == "" {
			return diag.Usagef("--out needs a directory")
		}
		bo.Out = opts.Out
		if !filepath.IsAbs(bo.Out) {
			bo.Out = filepath.Join(env.Wd, bo.Out)
		}
	}
	if opts.set("fallback") {
		bo.Fallback = opts.Fallback
	}
	if opts.set("archive") {
		bo.Archive = opts.Archive
	}
	if opts.set("min-current") {
		bo.MinCurrent = opts.MinCurrent
	}
	var bar *progressBar
	if env.Progress() {
		bar = &progressBar{env: env, start: time.Now()}
		bo.Progress = bar.update
	}
	res, err := bundle.Build(p, bo)
	bar.clear()
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		env.Infof("ceviri: warning: %s", w)
	}
	out := buildJSON{Out: res.Out, Warnings: res.Warnings}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	for _, l := range res.Langs {
		js := buildLangJS{Lang: l.Lang, Built: l.Built, Skipped: l.Skipped, Articles: l.Articles, Fallbacks: l.Fallbacks,
			Stale: l.Stale, LeftOut: l.Left, Rendered: l.Rendered, Reused: l.Reused, Files: l.Files, Archive: l.Archive}
		if l.Built {
			js.Path = filepath.Join(res.Out, l.Lang)
		}
		out.Languages = append(out.Languages, js)
		if l.Skipped != "" {
			fmt.Fprintf(env.Stderr, "ceviri: %s not built: %s; its previous bundle, if any, is left as it was\n", l.Lang, l.Skipped)
		}
	}
	if env.JSON {
		return writeJSON(env.Stdout, out)
	}
	rel := func(path string) string {
		if r, err := filepath.Rel(env.Wd, path); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
		return path
	}
	for _, l := range out.Languages {
		if !l.Built {
			continue
		}
		var notes []string
		if l.Fallbacks > 0 {
			notes = append(notes, fmt.Sprintf("%d shown in the source language", l.Fallbacks))
		}
		if l.Stale > 0 {
			notes = append(notes, fmt.Sprintf("%d stale", l.Stale))
		}
		if l.LeftOut > 0 {
			notes = append(notes, fmt.Sprintf("%d left out", l.LeftOut))
		}
		line := fmt.Sprintf("%s: %s", l.Lang, plural(l.Articles, "article", "articles"))
		if len(notes) > 0 {
			line += " (" + strings.Join(notes, ", ") + ")"
		}
		line += " -> " + rel(l.Path)
		if l.Archive != "" {
			line += ", " + rel(filepath.Join(res.Out, l.Archive))
		}
		fmt.Fprintln(env.Stdout, line)
		if l.Reused > 0 {
			env.Infof("%s: %s rendered, %d reused from the previous bundle", l.Lang, plural(l.Rendered, "page", "pages"), l.Reused)
		}
	}
	return nil
}

// progressBar draws "building pages [=====     ] 120/400" on stderr, at most
// ten times a second, only when Env.Progress allows it, and only once the
// build has taken more than a moment (a small site builds without it).
type progressBar struct {
	env   *Env
	start time.Time
	mu    sync.Mutex
	last  time.Time
	drawn bool
}

func (b *progressBar) update(done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	if now.Sub(b.start) < 300*time.Millisecond || (done < total && now.Sub(b.last) < 100*time.Millisecond) {
		return
	}
	b.last = now
	const width = 30
	n := 0
	if total > 0 {
		n = done * width / total
	}
	fmt.Fprintf(b.env.Stderr, "\rbuilding pages [%s%s] %d/%d", strings.Repeat("=", n), strings.Repeat(" ", width-n), done, total)
	b.drawn = true
}

func (b *progressBar) clear() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.env.Stderr, "\r\x1b[K")
	}
}
