package cli

import (
	"context"
	"fmt"

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
	opts := &diffOptions{}
	c := &cobra.Command{
		Use:   "diff ID --lang L",
		Short: "Show what changed in the source since a translation was made",
		Long: `Show what changed in an article's source between the version the translation in
language L records (translation.source_hash) and the source as it is now, segment by
segment: added, removed, changed and moved paragraphs, headings, list items, table
cells, quotes, code blocks and translatable front-matter fields, with the changed
words of a changed segment marked [-old-]{+new+} (in colour on a terminal). Beside
each change is the segment of the translation that corresponds to it: the one to edit.

The recorded source version is read from its copy under .ceviri/sources, so no git
is needed. In a git repository diff also lists the commits that touched the source
since the recorded version, and recovers a recorded version whose copy is missing
from the file's history by its fingerprint.

A current translation has nothing to show: diff prints nothing and exits 0. A missing
or untracked translation, or a recorded version found nowhere, is an error (exit 2).`,
		Example: `  ceviri diff kampuste-yapay-zeka --lang en
  ceviri diff kampuste-yapay-zeka --lang en --json | jq '.changes[] | {op, segment}'
  ceviri diff ukraine-talks --lang tr --no-git`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runDiff(c.Context(), env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", "language of the translation (required)")
	c.Flags().BoolVar(&opts.NoGit, "no-git", false, "do not read git history (no commits, no recovery)")
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
		From: v.File.Record.SourceHash, To: a.SourceFile.Fingerprint, Changes: []*track.DiffEntry{}, Commits: []gitlog.Commit{},
		src: a.SourceFile, tr: v.File}
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
		out.Changes = track.Describe(track.Compare(rec.Segments(), a.SourceFile.Segments()), rec, a.SourceFile, v.File)
		for _, c := range out.Changes {
			out.PendingWords += c.Words
		}
	}
	if env.JSON {
		return writeJSON(env.Stdout, out)
	}
	if len(out.Changes) == 0 {
		if v.State == track.Draft {
			env.Infof("%s is a draft of the current source: nothing changed in %s since it was started", diag.EscapeLine(v.Path), diag.EscapeLine(out.SourcePath))
		}
		return nil
	}
	writeDiff(env, out)
	return nil
}

// diffable explains why a version has no recorded source to compare with.
func diffable(a *track.Article, v *track.Version, opts *diffOptions, langs []string) error {
	switch {
	case v == nil || a.SourceFile == nil:
		return diag.Usagef("article %q has no source version in any language", opts.ID)
	case v.State == track.Missing:
		return diag.Usagef("%s does not exist: there is no translation to compare\nhint: run `ceviri translate %s --lang %s` to start it", diag.EscapeLine(v.Path), diag.EscapeLine(opts.ID), opts.Lang)
	case v.State == track.Source:
		return diag.Usagef("%s is the source of %q; diff shows what changed for a translation\nhint: name a translation language, e.g. `ceviri diff %s --lang %s`", diag.EscapeLine(v.Path), opts.ID, diag.EscapeLine(opts.ID), otherLang(a, langs, opts.Lang))
	case v.State == track.Untracked || v.File == nil || v.File.Record == nil:
		return diag.Usagef("%s has no translation record, so there is no recorded source version to compare with\nhint: review it against %s, then run `ceviri done %s --lang %s`", diag.EscapeLine(v.Path), diag.EscapeLine(a.SourceFile.Path), diag.EscapeLine(opts.ID), opts.Lang)
	}
	return nil
}

// otherLang returns the first language, in the project's order, that is not
// not and is a translation of the article.
func otherLang(a *track.Article, langs []string, not string) string {
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
func noRecorded(out *diffJSON, v *track.Version, opts *diffOptions) error {
	where := "and there is no git history to recover it from"
	switch {
	case opts.NoGit:
		where = "and git history was not searched (--no-git)"
	case out.searched:
		where = "and it is not in the git history of " + out.SourcePath
	}
	at, line := out.Path, 1
	if r := v.File.Record; r.Line > 0 {
		line = r.Line
		if r.File != "" {
			at = r.File // the lock file
		}
	}
	hint := fmt.Sprintf("compare the translation with %s by hand, then run `ceviri done %s --lang %s` to record the current source", diag.EscapeLine(out.SourcePath), diag.EscapeLine(opts.ID), opts.Lang)
	if opts.NoGit {
		hint = fmt.Sprintf("run `ceviri diff %s --lang %s` without --no-git to recover it from git history; or %s", diag.EscapeLine(opts.ID), opts.Lang, hint)
	}
	if v.Missing == nil && v.Note != "" {
		// The copy is there but cannot be used (unreadable, or past a limit).
		return diag.Errorf(at, line, 1, "the stored copy of the recorded source version %s cannot be used (%s) %s\nhint: %s",
			out.From, diag.EscapeLine(v.Note), diag.EscapeLine(where), hint)
	}
	// A PosError maps to exit 2 like a usage error, and prints as path:line:col.
	return diag.Errorf(at, line, 1, "the recorded source version %s is not stored (%s) %s\nhint: %s",
		out.From, track.SnapshotPathOf(out.From, out.SourcePath), diag.EscapeLine(where), hint)
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
		env.Infof("ceviri: reading git history of %s: %s", diag.EscapeLine(out.SourcePath), diag.Escape(err.Error()))
		return rec, nil
	}
	if h.index < 0 {
		env.Infof("git: no commit of %s has the recorded source version, so the commits since it are not listed", diag.EscapeLine(out.SourcePath))
		return rec, nil
	}
	out.Commits = h.since()
	out.Uncommitted, _ = repo.Uncommitted(ctx, out.SourcePath)
	if rec == nil {
		out.RecoveredFrom = "git:" + h.commit().Hash
		env.Infof("recovered the recorded source version from git (commit %s): its copy %s is missing", h.commit().Short(), track.SnapshotPathOf(out.From, out.SourcePath))
		return h.version, nil
	}
	return rec, nil
}
