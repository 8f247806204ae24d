package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"

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
	switch {
	case opts.All && len(opts.IDs) > 0:
		return diag.Usagef("pass article ids or --all, not both")
	case !opts.All && len(opts.IDs) == 0:
		return diag.Usagef("name the articles to record, or pass --all\nhint: ceviri done ID... --lang %s", opts.Lang)
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
		return errors.Join(append(l.errs, errors.New("nothing recorded: fix the files above first"))...)
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
				v = &track.Version{State: track.Untracked, Path: v.Path, File: v.File}
			}
		}
		switch {
		case v == nil || a.SourceFile == nil:
			if !opts.All {
				errs = append(errs, diag.Usagef("%s: article %q has no source version to record a translation against", l.p.Layout.Path(a.ID, opts.Lang), a.ID))
			}
			continue
		case v.Placeholder:
			// Not a translation yet: recording it current would publish
			// it as one.
			if opts.All {
				placeholders++
				continue
			}
			errs = append(errs, diag.Errorf(v.Path, max(v.PlaceholderLine, 1), 1, "a placeholder, not a translation (%s); translate it, then run `ceviri done %s --lang %s`", v.PlaceholderWhy, diag.EscapeLine(a.ID), opts.Lang))
			continue
		case v.State == track.Missing:
			if opts.All {
				missing++
				continue
			}
			errs = append(errs, diag.Usagef("%s does not exist\nhint: run `ceviri translate %s --lang %s` to start the translation", v.Path, a.ID, opts.Lang))
			continue
		case v.State == track.Source:
			if !opts.All {
				errs = append(errs, diag.Usagef("%s is the source version of %q; only translations are recorded", v.Path, a.ID))
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
				msgs[i] = fmt.Sprintf("%s: %s, kept its record (`ceviri done` without --from-git or --from-field records it current)", v.Path, v.State)
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
		out, err := pl.record(v.File, v.File.Doc, frontmatter.Record{From: a.SourceFile.Lang, SourceHash: src.Fingerprint})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := pl.snapshot(l.p, src); err != nil {
			return err
		}
		if !bytes.Equal(out, v.File.Doc.Raw) {
			pl.add(v.Path, out)
		}
		recorded++
		switch ad := adopted[i]; {
		case !opts.From.on():
			msgs[it.at] = fmt.Sprintf("%s: %s -> current", v.Path, v.State)
		case ad.behind(a.SourceFile):
			behind = append(behind, v.Path)
			msgs[it.at] = fmt.Sprintf("%s: %s -> stale (%s)", v.Path, v.State, ad.describe(a.SourceFile))
		default:
			if ad.today != "" {
				today = append(today, fmt.Sprintf("%s: %s", v.Path, ad.describe(a.SourceFile)))
			}
			msgs[it.at] = fmt.Sprintf("%s: %s -> current (%s)", v.Path, v.State, ad.describe(a.SourceFile))
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
		env.Infof("recorded %s in %s: %d current, %d behind their source (stale), %d against today's source, not knowing which version they were made from; %d already current; %d kept their record; %d missing",
			plural(len(todo), "translation", "translations"), opts.Lang, len(todo)-len(behind)-len(today), len(behind), len(today), skipped, kept, missing)
		if len(behind) > 0 {
			env.Infof("see what changed since: `ceviri pending --lang %s`, then `ceviri diff ID --lang %s`", opts.Lang, opts.Lang)
		}
	case opts.All || recorded == 0:
		env.Infof("recorded %s in %s; %d already current; %d missing", plural(recorded, "translation", "translations"), opts.Lang, skipped, missing)
	}
	if placeholders > 0 {
		env.Infof("skipped %s: %s an empty body or the placeholder field set, so %s not a translation yet (`ceviri pending --lang %s` lists %s)",
			plural(placeholders, "placeholder", "placeholders"), pick(placeholders, "it has", "they have"), pick(placeholders, "it is", "they are"), opts.Lang, pick(placeholders, "it", "them"))
	}
	return nil
}
