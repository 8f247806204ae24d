package cli

import (
	"bytes"
	"context"
	"errors"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

type doneOptions struct {
	IDs  []string
	Lang string
	All  bool
	From adoptFrom // --from-git, --from-field: record the version a translation was made from
}

func newDoneCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &doneOptions{}
	c := &cobra.Command{
		Use:     "done ID... --lang L",
		Short:   tx.T("cmd_done_short"),
		Long:    tx.T("cmd_done_long"),
		Example: tx.T("cmd_done_example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			return runDone(c.Context(), env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_done_lang"))
	c.Flags().BoolVar(&opts.All, "all", false, tx.T("flag_done_all"))
	c.Flags().BoolVar(&opts.From.git, "from-git", false, tx.T("flag_done_from_git"))
	c.Flags().StringVar(&opts.From.field, "from-field", "", tx.T("flag_done_from_field"))
	_ = c.MarkFlagRequired("lang")
	return c
}

func runDone(ctx context.Context, env *Env, opts *doneOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := opts.From.check(); err != nil {
		return err
	}
	tx := env.text()
	switch {
	case opts.All && len(opts.IDs) > 0:
		return usageText("err_done_ids_and_all")
	case !opts.All && len(opts.IDs) == 0:
		return usageText("err_done_no_ids", "Lang", opts.Lang)
	}
	p, err := env.openProject()
	if err != nil {
		return err
	}
	if err := checkLang(p.Config, opts.Lang); err != nil {
		return err
	}
	lk, err := lock(p)
	if err != nil {
		return err
	}
	defer lk.Release()
	l, err := env.load(opts.IDs)
	if err != nil {
		return err
	}
	if len(l.errs) > 0 {
		return errors.Join(append(l.errs, textErr("err_nothing_recorded"))...)
	}
	pl := newPlan(l.p)
	msgs := make([]string, len(l.status)) // by article, in id order
	recorded := 0
	var skipped, missing, placeholders, kept int
	var errs []error
	var todo []adoptItem
	for i, a := range l.status {
		v := a.Versions[opts.Lang]
		if v != nil && v.State == track.Source && !opts.All {
			// Named explicitly: of several versions without a record, this
			// one is a translation, so the source is another one.
			if src := track.SourceExcept(l.p, l.articles[i], opts.Lang); src != nil {
				a.SourceFile = src
				v = &track.VersionStatus{State: track.Untracked, Path: v.Path, Parsed: v.Parsed}
			}
		}
		switch {
		case v == nil || a.SourceFile == nil:
			if !opts.All {
				errs = append(errs, usageText("err_done_no_source", "Path", l.p.Layout.Path(a.ID, opts.Lang), "ID", q(a.ID)))
			}
			continue
		case v.Placeholder:
			// Not a translation yet: recording it current would publish
			// it as one.
			if opts.All {
				placeholders++
				continue
			}
			errs = append(errs, posText(v.Path, max(v.PlaceholderLine, 1), 1, "err_done_placeholder", "Why", v.PlaceholderWhy, "ID", diag.EscapeLine(a.ID), "Lang", opts.Lang))
			continue
		case v.State == track.Missing:
			if opts.All {
				missing++
				continue
			}
			errs = append(errs, usageText("err_done_missing", "Path", v.Path, "ID", a.ID, "Lang", opts.Lang))
			continue
		case v.State == track.Source:
			if !opts.All {
				errs = append(errs, usageText("err_done_source", "Path", v.Path, "ID", q(a.ID)))
			}
			continue
		case v.State == track.Current:
			skipped++
			continue
		case opts.From.on() && v.State != track.Untracked:
			// Its record already names the source version it was made
			// from: history knows no better.
			kept++
			if !opts.All {
				msgs[i] = tx.T("done_kept", "Path", v.Path, "State", stateName(tx, v.State))
			}
			continue
		}
		todo = append(todo, adoptItem{a: a, v: v, at: i})
	}
	if len(errs) > 0 {
		if len(errs) == 1 {
			return errs[0]
		}
		return &diag.UsageError{Err: errors.Join(errs...)}
	}
	adopted := make([]adoption, len(todo))
	if opts.From.on() && len(todo) > 0 {
		if adopted, err = adopt(ctx, l.p, todo, opts.From); err != nil {
			return err
		}
	}
	var today, behind []string
	for i, it := range todo {
		a, v, src := it.a, it.v, adopted[i].src
		if src == nil {
			src = a.SourceFile
		}
		out, err := pl.record(v.Parsed, v.Parsed.Doc, frontmatter.Record{From: a.SourceFile.Lang, SourceHash: src.Fingerprint})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := pl.snapshot(l.p, src); err != nil {
			return err
		}
		if !bytes.Equal(out, v.Parsed.Doc.Raw) {
			pl.add(v.Path, out)
		}
		recorded++
		switch ad := adopted[i]; {
		case !opts.From.on():
			msgs[it.at] = tx.T("done_now", "Path", v.Path, "From", stateName(tx, v.State), "To", stateName(tx, track.Current))
		case ad.behind(a.SourceFile):
			behind = append(behind, v.Path)
			msgs[it.at] = tx.T("done_now_why", "Path", v.Path, "From", stateName(tx, v.State), "To", stateName(tx, track.Stale), "Why", ad.describe(a.SourceFile, tx))
		default:
			if ad.today != nil {
				today = append(today, tx.T("done_path", "Path", v.Path, "Msg", ad.describe(a.SourceFile, tx)))
			}
			msgs[it.at] = tx.T("done_now_why", "Path", v.Path, "From", stateName(tx, v.State), "To", stateName(tx, track.Current), "Why", ad.describe(a.SourceFile, tx))
		}
	}
	if len(errs) > 0 {
		if len(errs) == 1 {
			return errs[0]
		}
		return &diag.UsageError{Err: errors.Join(errs...)}
	}
	if err := pl.commit(); err != nil {
		return err
	}
	if !opts.All {
		for _, m := range msgs {
			if m != "" {
				env.Infof("%s", m)
			}
		}
	} else {
		for _, m := range today {
			env.Infof("%s", m)
		}
	}
	switch {
	case opts.From.on() && (opts.All || len(todo) == 0):
		env.Infof("%s", tx.T("done_adopted", "Translations", tx.N("translations", len(todo)), "Lang", opts.Lang,
			"Current", tx.Num(len(todo)-len(behind)-len(today)), "Behind", tx.Num(len(behind)), "Today", tx.Num(len(today)),
			"Already", tx.Num(skipped), "Kept", tx.Num(kept), "Missing", tx.Num(missing)))
		if len(behind) > 0 {
			env.Infof("%s", tx.T("done_see_changes", "Lang", opts.Lang))
		}
	case opts.All || recorded == 0:
		env.Infof("%s", tx.T("done_recorded", "Translations", tx.N("translations", recorded), "Lang", opts.Lang, "Already", tx.Num(skipped), "Missing", tx.Num(missing)))
	}
	if placeholders > 0 {
		env.Infof("%s", tx.N("done_skipped_placeholders", placeholders, "Lang", opts.Lang))
	}
	return nil
}
