package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ceviri/ceviri/internal/bundle"
	"github.com/ceviri/ceviri/internal/track"
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
	tx := env.text()
	opts := &buildOptions{}
	c := &cobra.Command{
		Use:     "build",
		Short:   tx.T("cmd_build_short"),
		Long:    tx.T("cmd_build_long"),
		Example: tx.T("cmd_build_example"),
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.set = func(name string) bool { return c.Flags().Changed(name) }
			return runBuild(env, opts)
		},
	}
	f := c.Flags()
	f.StringSliceVarP(&opts.Langs, "lang", "l", nil, tx.T("flag_build_lang"))
	f.StringVarP(&opts.Out, "out", "o", "", tx.T("flag_build_out"))
	f.StringVar(&opts.Fallback, "fallback", "", tx.T("flag_build_fallback"))
	f.StringVar(&opts.Archive, "archive", "", tx.T("flag_build_archive"))
	f.IntVar(&opts.MinCurrent, "min-current", 0, tx.T("flag_build_min_current"))
	f.BoolVar(&opts.Full, "full", false, tx.T("flag_build_full"))
	f.BoolVar(&opts.Force, "force", false, tx.T("flag_build_force"))
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
	bo := bundle.Options{Granularity: env.CacheGranularity, Out: b.Out, Fallback: b.Fallback, MinCurrent: b.MinCurrent, Archive: b.Archive,
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
			return usageText("err_build_out")
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
		bar = &progressBar{env: env, start: time.Now(), label: env.text().T("build_progress")}
		bo.Progress = bar.update
	}
	res, err := bundle.Build(p, bo)
	bar.clear()
	if err != nil {
		return err
	}
	tx := env.text()
	for _, w := range res.WarningTexts {
		env.Infof("%s", tx.T("warning_line", "Msg", tx.Text(w)))
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
			fmt.Fprintln(env.Stderr, tx.T("build_skipped", "Lang", l.Lang, "Why", tx.Text(l.Why)))
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
			notes = append(notes, tx.N("build_fallbacks", l.Fallbacks))
		}
		if l.Stale > 0 {
			notes = append(notes, tx.T("summary_count", "Count", tx.Num(l.Stale), "State", stateName(tx, track.Stale)))
		}
		if l.LeftOut > 0 {
			notes = append(notes, tx.N("build_left_out", l.LeftOut))
		}
		line := fmt.Sprintf("%s: %s", l.Lang, tx.N("articles", l.Articles))
		if len(notes) > 0 {
			line += " (" + strings.Join(notes, ", ") + ")"
		}
		line += " -> " + rel(l.Path)
		if l.Archive != "" {
			line += ", " + rel(filepath.Join(res.Out, l.Archive))
		}
		fmt.Fprintln(env.Stdout, line)
		if l.Reused > 0 {
			env.Infof("%s", tx.T("build_reused", "Lang", l.Lang, "Rendered", tx.N("pages_rendered", l.Rendered), "Reused", tx.Num(l.Reused)))
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
	label string // "building pages", in the user's language
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
	fmt.Fprintf(b.env.Stderr, "\r%s [%s%s] %d/%d", b.label, strings.Repeat("=", n), strings.Repeat(" ", width-n), done, total)
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
