package cli

import (
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

type statusOptions struct {
	IDs    []string
	Lang   string
	Since  string // a git revision: what the change since it does (since.go)
	Format string // with Since: text, markdown or json
}

func newStatusCmd(env *Env) *cobra.Command {
	opts := &statusOptions{}
	c := &cobra.Command{
		Use:   "status [ID...]",
		Short: "Show the state of every article in every language",
		Long: `Show the article x language matrix: for each language version whether it is the
source, current, stale (the source changed since it was translated), a draft,
untracked (no translation record), missing or orphaned, with the words left to
translate. A placeholder (an empty body, or the placeholder.field marker set) is
missing: "missing (placeholder, 244 words)". Status only reads; it exits 0
whatever the states are.

With --since REF (a git revision: a branch, tag or commit), status says what
the change from REF to the work tree does to the translations: which
versions became stale, missing, orphaned or current, and the words this adds
to (or takes from) each language's backlog. Like ` + "`git diff REF`" + `, the work
tree includes uncommitted changes; files git does not track yet count too,
as they do for status. REF's files are read from git, never checked out.
--format markdown suits a pull-request comment (docs/ci.md). It exits 2 when
there is no git history or REF names no commit.`,
		Example: `  ceviri status
  ceviri status --lang tr
  ceviri status ukraine-talks --json
  ceviri status --since main
  ceviri status --since origin/main --format markdown`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			if opts.Since != "" {
				return runSince(c.Context(), env, opts)
			}
			if opts.Format != "" {
				return diag.Usagef("--format is for --since; plain status prints text, or JSON with --json")
			}
			return runStatus(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", "show only this language")
	c.Flags().StringVar(&opts.Since, "since", "", "compare with the git revision `REF`: what the change since does to the translations")
	c.Flags().StringVar(&opts.Format, "format", "", "with --since: text, markdown or json (default text; json with --json)")
	return c
}

// statusJSON is the shape of status --json (docs/reference.md).
type statusJSON struct {
	Languages []string                  `json:"languages"`
	Articles  []*track.Article          `json:"articles"`
	Summary   map[string]*track.Summary `json:"summary"`
	// Skipped are the files the content templates match but ceviri
	// cannot read; left out when none.
	Skipped []project.Skip `json:"skipped,omitempty"`
}

func runStatus(env *Env, opts *statusOptions) error {
	l, err := env.loadWith(opts.IDs, true)
	if err != nil {
		return err
	}
	langs := l.p.Config.Languages
	if opts.Lang != "" {
		if err := checkLang(l.p.Config, opts.Lang); err != nil {
			return err
		}
		langs = []string{opts.Lang}
	}
	arts := l.status
	if opts.Lang != "" {
		arts = make([]*track.Article, 0, len(l.status))
		for _, a := range l.status {
			if v, ok := a.Versions[opts.Lang]; ok {
				arts = append(arts, &track.Article{ID: a.ID, Source: a.Source, Versions: map[string]*track.Version{opts.Lang: v}})
			}
		}
	}
	summary := track.Summarize(langs, arts)
	if env.JSON {
		if arts == nil {
			arts = []*track.Article{}
		}
		if err := writeJSON(env.Stdout, statusJSON{Languages: langs, Articles: arts, Summary: summary, Skipped: l.p.Skipped}); err != nil {
			return err
		}
		return l.err()
	}
	if len(arts) == 0 {
		if len(l.errs) == 0 {
			fmt.Fprintf(env.Stdout, "no articles under %s\n", diag.EscapeLine(strings.Join(l.p.Layout.Dirs(), ", ")))
		}
		// Otherwise the articles are there, and the errors say why none
		// could be read.
		return l.err()
	}
	t := &table{}
	head := []string{"ARTICLE"}
	for _, lang := range langs {
		head = append(head, strings.ToUpper(lang))
	}
	t.add(head...)
	for _, a := range arts {
		row := []string{diag.EscapeLine(a.ID)} // content: escaped, see diag.Escape
		for _, lang := range langs {
			v, ok := a.Versions[lang]
			if !ok {
				row = append(row, "-")
				continue
			}
			row = append(row, env.paint(v.State, cell(v)))
		}
		t.add(row...)
	}
	t.write(env.Stdout)
	fmt.Fprintln(env.Stdout)
	for _, lang := range langs {
		fmt.Fprintf(env.Stdout, "%s: %s\n", env.bold(lang), summaryLine(summary[lang]))
	}
	for _, a := range arts {
		for _, lang := range langs {
			if v := a.Versions[lang]; v != nil && v.Note != "" {
				env.Infof("%s", statusNote(v))
			}
		}
	}
	return l.err()
}

// statusNote says why a version's counts are estimates (the whole source)
// and, when the stored copy of its recorded source version is missing,
// which record names it, which file was looked for and how to recover it.
// Content (paths, ids) is escaped.
func statusNote(v *track.Version) string {
	if m := v.Missing; m != nil {
		return fmt.Sprintf("%s:%d: %s, counted as the whole source: %s\nhint: %s",
			diag.EscapeLine(m.Path), m.Line, v.State, diag.EscapeLine(m.Problem()), diag.EscapeLine(m.Hint()))
	}
	return fmt.Sprintf("%s: %s, counted as the whole source: %s", diag.EscapeLine(v.Path), v.State, diag.Escape(v.Note))
}

// cell is the text of one version in the status table.
func cell(v *track.Version) string {
	s := string(v.State)
	switch v.State {
	case track.Stale:
		if v.ChangedSegments != nil && v.PendingWords != nil {
			s += fmt.Sprintf(" (%s, %s)", plural(*v.ChangedSegments, "segment", "segments"), plural(*v.PendingWords, "word", "words"))
		}
	case track.Draft, track.Untracked, track.Missing:
		var in []string
		if v.Placeholder {
			in = append(in, "placeholder")
		}
		if v.PendingWords != nil {
			in = append(in, plural(*v.PendingWords, "word", "words"))
		}
		if len(in) > 0 {
			s += " (" + strings.Join(in, ", ") + ")"
		}
	}
	return s
}

func summaryLine(s *track.Summary) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(s.Source, "source")
	add(s.Current, "current")
	add(s.Stale, "stale")
	add(s.Draft, "draft")
	add(s.Untracked, "untracked")
	add(s.Missing, "missing")
	add(s.Orphan, "orphan")
	if len(parts) == 0 {
		return "nothing"
	}
	line := strings.Join(parts, ", ")
	if s.PendingWords > 0 {
		line += fmt.Sprintf("; %s to translate", plural(s.PendingWords, "word", "words"))
	}
	return line
}
