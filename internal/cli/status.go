package cli

import (
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
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
	tx := env.text()
	opts := &statusOptions{}
	c := &cobra.Command{
		Use:     "status [ID...]",
		Short:   tx.T("cmd_status_short"),
		Long:    tx.T("cmd_status_long"),
		Example: tx.T("cmd_status_example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			if opts.Since != "" {
				return runSince(c.Context(), env, opts)
			}
			if opts.Format != "" {
				return usageText("err_status_format")
			}
			return runStatus(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_status_lang"))
	c.Flags().StringVar(&opts.Since, "since", "", tx.T("flag_status_since"))
	c.Flags().StringVar(&opts.Format, "format", "", tx.T("flag_status_format"))
	return c
}

// statusJSON is the shape of status --json (docs/reference.md).
type statusJSON struct {
	Languages []string                  `json:"languages"`
	Articles  []*track.ArticleStatus    `json:"articles"`
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
		arts = make([]*track.ArticleStatus, 0, len(l.status))
		for _, a := range l.status {
			if v, ok := a.Versions[opts.Lang]; ok {
				arts = append(arts, &track.ArticleStatus{ID: a.ID, Source: a.Source, Versions: map[string]*track.VersionStatus{opts.Lang: v}})
			}
		}
	}
	summary := track.Summarize(langs, arts)
	tx := env.text()
	if env.JSON {
		if arts == nil {
			arts = []*track.ArticleStatus{}
		}
		if err := writeJSON(env.Stdout, statusJSON{Languages: langs, Articles: arts, Summary: summary, Skipped: l.p.Skipped}); err != nil {
			return err
		}
		return l.err()
	}
	if len(arts) == 0 {
		if len(l.errs) == 0 {
			fmt.Fprintln(env.Stdout, tx.T("status_no_articles", "Dirs", diag.EscapeLine(strings.Join(l.p.Layout.Dirs(), ", "))))
		}
		// Otherwise the articles are there, and the errors say why none
		// could be read.
		return l.err()
	}
	t := &table{}
	head := []string{tx.T("status_article")}
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
			row = append(row, env.paint(v.State, cell(tx, v)))
		}
		t.add(row...)
	}
	t.write(env.Stdout)
	fmt.Fprintln(env.Stdout)
	for _, lang := range langs {
		fmt.Fprintf(env.Stdout, "%s: %s\n", env.bold(lang), summaryLine(tx, summary[lang]))
	}
	for _, a := range arts {
		for _, lang := range langs {
			if v := a.Versions[lang]; v != nil && v.Note != "" {
				env.Infof("%s", statusNote(tx, v))
			}
		}
	}
	return l.err()
}

// statusNote says why a version's counts are estimates (the whole source)
// and, when the stored copy of its recorded source version is missing,
// which record names it, which file was looked for and how to recover it.
// Content (paths, ids) is escaped.
func statusNote(tx *clitext.Printer, v *track.VersionStatus) string {
	if m := v.Missing; m != nil {
		return tx.T("status_note_missing", "Path", diag.EscapeLine(m.Path), "Line", m.Line, "State", stateName(tx, v.State),
			"Problem", diag.EscapeLine(tx.Text(m.ProblemText())), "Hint", diag.EscapeLine(tx.Text(m.HintText())))
	}
	return tx.T("status_note", "Path", diag.EscapeLine(v.Path), "State", stateName(tx, v.State), "Note", diag.Escape(noteIn(tx, v)))
}

// noteIn is v's Note (why its counts are estimates) in tx's language.
func noteIn(tx *clitext.Printer, v *track.VersionStatus) string {
	if v.NoteErr != nil {
		return tx.Error(v.NoteErr)
	}
	return v.Note
}

// cell is the text of one version in the status table.
func cell(tx *clitext.Printer, v *track.VersionStatus) string {
	s := stateName(tx, v.State)
	switch v.State {
	case track.Stale:
		if v.ChangedSegments != nil && v.PendingWords != nil {
			s += " (" + tx.N("segments", *v.ChangedSegments) + ", " + tx.N("words", *v.PendingWords) + ")"
		}
	case track.Draft, track.Untracked, track.Missing:
		var in []string
		if v.Placeholder {
			in = append(in, tx.T("placeholder"))
		}
		if v.PendingWords != nil {
			in = append(in, tx.N("words", *v.PendingWords))
		}
		if len(in) > 0 {
			s += " (" + strings.Join(in, ", ") + ")"
		}
	}
	return s
}

// summaryLine sums up a language: "1 source, 2 stale; 55 words to
// translate".
func summaryLine(tx *clitext.Printer, s *track.Summary) string {
	var parts []string
	add := func(n int, st track.State) {
		if n > 0 {
			parts = append(parts, tx.T("summary_count", "Count", tx.Num(n), "State", stateName(tx, st)))
		}
	}
	add(s.Source, track.Source)
	add(s.Current, track.Current)
	add(s.Stale, track.Stale)
	add(s.Draft, track.Draft)
	add(s.Untracked, track.Untracked)
	add(s.Missing, track.Missing)
	add(s.Orphan, track.Orphan)
	if len(parts) == 0 {
		return tx.T("summary_nothing")
	}
	line := strings.Join(parts, ", ")
	if s.PendingWords > 0 {
		line += tx.T("summary_to_translate", "Words", tx.N("words", s.PendingWords))
	}
	return line
}
