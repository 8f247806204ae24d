package cli

import (
	"context"
	"errors"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	ID    string
	Lang  string
	NoGit bool
}

func newDiffCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &diffOptions{}
	c := &cobra.Command{
		Use:     "diff ID --lang L",
		Short:   tx.T("cmd_diff_short"),
		Long:    tx.T("cmd_diff_long"),
		Example: tx.T("cmd_diff_example"),
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runDiff(c.Context(), env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_diff_lang"))
	c.Flags().BoolVar(&opts.NoGit, "no-git", false, tx.T("flag_diff_no_git"))
	_ = c.MarkFlagRequired("lang")
	return c
}

// diffJSON is the shape of diff --json (docs/reference.md).
type diffJSON struct {
	ID            string             `json:"id"`
	Lang          string             `json:"lang"`
	State         track.State        `json:"state"`
	Path          string             `json:"path"`
	SourcePath    string             `json:"source_path"`
	From          string             `json:"from"` // the recorded source fingerprint
	To            string             `json:"to"`   // the current source fingerprint
	RecoveredFrom string             `json:"recovered_from,omitempty"`
	Changes       []*track.DiffEntry `json:"changes"`
	Commits       []gitlog.Commit    `json:"commits"`
	Uncommitted   bool               `json:"uncommitted,omitempty"` // the source also has changes not committed yet
	PendingWords  int                `json:"pending_words"`
	src, tr       *project.Version   // current source and translation
	searched      bool               // git history of the source was read
}

func runDiff(ctx context.Context, env *Env, opts *diffOptions) error {
	l, err := env.load([]string{opts.ID})
	if err != nil {
		return err
	}
	if err := checkLang(l.p.Config, opts.Lang); err != nil {
		return err
	}
	if err := l.err(); err != nil {
		return err
	}
	a := l.status[0]
	v := a.Versions[opts.Lang]
	if err := diffable(a, v, opts, l.p.Config.Languages); err != nil {
		return err
	}
	out := &diffJSON{ID: a.ID, Lang: opts.Lang, State: v.State, Path: v.Path, SourcePath: a.SourceFile.Path,
		From: v.Parsed.Record.SourceHash, To: a.SourceFile.Fingerprint, Changes: []*track.DiffEntry{}, Commits: []gitlog.Commit{},
		src: a.SourceFile, tr: v.Parsed}
	// A record under another configuration names another fingerprint than
	// the source's, and may still be current (track.Version.Reconfigured).
	if out.From != out.To && !v.Reconfigured {
		rec := v.Recorded
		if !opts.NoGit {
			rec, err = history(ctx, env, l.p, out, rec)
			if err != nil {
				return err
			}
		}
		if rec == nil {
			return noRecorded(out, v, opts)
		}
		out.Changes = track.Describe(track.Compare(rec.Segments(), a.SourceFile.Segments()), rec, a.SourceFile, v.Parsed)
		for _, c := range out.Changes {
			out.PendingWords += c.Words
		}
	}
	if env.JSON {
		return writeJSON(env.Stdout, out)
	}
	if len(out.Changes) == 0 {
		if v.State == track.Draft {
			env.Infof("%s", env.text().T("diff_draft", "Path", diag.EscapeLine(v.Path), "Source", diag.EscapeLine(out.SourcePath)))
		}
		return nil
	}
	writeDiff(env, out)
	return nil
}

// diffable explains why a version has no recorded source to compare with.
func diffable(a *track.ArticleStatus, v *track.VersionStatus, opts *diffOptions, langs []string) error {
	switch {
	case v == nil || a.SourceFile == nil:
		return usageText("err_diff_no_source", "ID", q(opts.ID))
	case v.State == track.Missing:
		return usageText("err_diff_missing", "Path", diag.EscapeLine(v.Path), "ID", diag.EscapeLine(opts.ID), "Lang", opts.Lang)
	case v.State == track.Source:
		return usageText("err_diff_source", "Path", diag.EscapeLine(v.Path), "QID", q(opts.ID), "ID", diag.EscapeLine(opts.ID), "Other", otherLang(a, langs, opts.Lang))
	case v.State == track.Untracked || v.Parsed == nil || v.Parsed.Record == nil:
		return usageText("err_diff_untracked", "Path", diag.EscapeLine(v.Path), "Source", diag.EscapeLine(a.SourceFile.Path), "ID", diag.EscapeLine(opts.ID), "Lang", opts.Lang)
	}
	return nil
}

// otherLang returns the first language, in the project's order, that is not
// not and is a translation of the article.
func otherLang(a *track.ArticleStatus, langs []string, not string) string {
	for _, l := range langs {
		if v := a.Versions[l]; v != nil && l != not && v.State != track.Source {
			return l
		}
	}
	return "L"
}

// noRecorded is the error for a recorded source version found nowhere: it
// names the translation record (path:line), the stored copy looked for,
// where else it was looked for, and what to do.
func noRecorded(out *diffJSON, v *track.VersionStatus, opts *diffOptions) error {
	// where and hint are messages too, written in the error's language.
	src, id := diag.EscapeLine(out.SourcePath), diag.EscapeLine(opts.ID)
	where := textErr("diff_where_no_git")
	switch {
	case opts.NoGit:
		where = textErr("diff_where_not_searched")
	case out.searched:
		where = textErr("diff_where_not_in_history", "Source", src)
	}
	at, line := out.Path, 1
	if r := v.Parsed.Record; r.Line > 0 {
		line = r.Line
		if r.File != "" {
			at = r.File // the lock file
		}
	}
	hint := textErr("diff_hint_by_hand", "Source", src, "ID", id, "Lang", opts.Lang)
	if opts.NoGit {
		hint = textErr("diff_hint_no_git", "ID", id, "Lang", opts.Lang, "Hint", hint)
	}
	if v.Missing == nil && v.Note != "" {
		// The copy is there but cannot be used (unreadable, or past a limit).
		return posText(at, line, 1, "err_diff_copy_unusable", "From", out.From, "Note", diag.EscapedLine(noteErr(v)), "Where", where, "Hint", hint)
	}
	// A PosError maps to exit 2 like a usage error, and prints as path:line:col.
	return posText(at, line, 1, "err_diff_not_stored", "From", out.From, "Copy", track.SnapshotPathOf(out.From, out.SourcePath), "Where", where, "Hint", hint)
}

// noteErr is v's Note as an error, written in the reader's language.
func noteErr(v *track.VersionStatus) error {
	if v.NoteErr != nil {
		return v.NoteErr
	}
	return errors.New(v.Note)
}

// history lists the commits that touched the source since its recorded
// version and, when rec (the stored copy) is nil, recovers that version
// from git. Without git, or outside a work tree, it returns rec unchanged.
func history(ctx context.Context, env *Env, p *project.Project, out *diffJSON, rec *project.Version) (*project.Version, error) {
	repo, err := gitlog.Open(ctx, p.Root)
	if err != nil {
		return rec, nil // no git: history is a bonus
	}
	// The stored copy, segmented under the current configuration, is what
	// git's versions are parsed as; without it only the recorded
	// fingerprint can be looked for.
	target := out.From
	if rec != nil {
		target = rec.Fingerprint
	}
	h, err := recordedInGit(ctx, repo, p, out.src, target, out.From)
	out.searched = err == nil
	if err != nil {
		env.Infof("%s", env.text().T("diff_git_error", "Source", diag.EscapeLine(out.SourcePath), "Err", diag.Escaped(err)))
		return rec, nil
	}
	if h.index < 0 {
		env.Infof("%s", env.text().T("diff_not_in_git", "Source", diag.EscapeLine(out.SourcePath)))
		return rec, nil
	}
	out.Commits = h.since()
	out.Uncommitted, _ = repo.Uncommitted(ctx, out.SourcePath)
	if rec == nil {
		out.RecoveredFrom = "git:" + h.commit().Hash
		env.Infof("%s", env.text().T("diff_recovered", "Commit", h.commit().Short(), "Copy", track.SnapshotPathOf(out.From, out.SourcePath)))
		return h.version, nil
	}
	return rec, nil
}
