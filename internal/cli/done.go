package cli

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

func init() { register(newDoneCmd) }

type doneOptions struct {
	IDs  []string
	Lang string
	All  bool
}

func newDoneCmd(env *Env) *cobra.Command {
	opts := &doneOptions{}
	c := &cobra.Command{
		Use:   "done ID... --lang L",
		Short: "Record that translations match the current source",
		Long: `Record that each translation matches the current source version
(translation.source_hash), clearing draft: in the translation's front matter, where
only the record's lines change and every other byte of the file stays as it was; or,
with records: lockfile in ceviri.yaml and for files without front matter, in
ceviri.lock, leaving the file byte for byte as it is. A copy of the source version is
kept under .ceviri/sources so that later changes can be shown without git.

With --all, every translation in the language is recorded: this is how an existing
bilingual site is adopted in one step (untracked versions become current). A
placeholder (an empty body, or the placeholder field of ceviri.yaml set, such as
untranslated: 1) is not a translation: --all skips it and says how many it skipped,
and done refuses it by name.`,
		Example: `  ceviri done ukraine-talks --lang tr
  ceviri done --all --lang tr      # adopt every existing Turkish page as current`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			return runDone(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", "language of the translations (required)")
	c.Flags().BoolVar(&opts.All, "all", false, "record every translation in the language")
	_ = c.MarkFlagRequired("lang")
	return c
}

func runDone(env *Env, opts *doneOptions) error {
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
	var msgs []string
	var skipped, missing, placeholders int
	var errs []error
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
		}
		out, err := pl.record(v.File, v.File.Doc, frontmatter.Record{From: a.SourceFile.Lang, SourceHash: a.SourceFile.Fingerprint})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := pl.snapshot(l.p, a.SourceFile); err != nil {
			return err
		}
		if !bytes.Equal(out, v.File.Doc.Raw) {
			pl.add(v.Path, out)
		}
		msgs = append(msgs, fmt.Sprintf("%s: %s -> current", v.Path, v.State))
	}
	if len(errs) > 0 {
		if len(errs) == 1 {
			return errs[0]
		}
		return &diag.UsageError{Err: joinErrs(errs)}
	}
	if err := pl.commit(); err != nil {
		return err
	}
	if !opts.All {
		for _, m := range msgs {
			env.Infof("%s", m)
		}
	}
	if opts.All || len(msgs) == 0 {
		env.Infof("recorded %s in %s; %d already current; %d missing", plural(len(msgs), "translation", "translations"), opts.Lang, skipped, missing)
	}
	if placeholders > 0 {
		env.Infof("skipped %s: %s an empty body or the placeholder field set, so %s not a translation yet (`ceviri pending --lang %s` lists %s)",
			plural(placeholders, "placeholder", "placeholders"), pick(placeholders, "it has", "they have"), pick(placeholders, "it is", "they are"), opts.Lang, pick(placeholders, "it", "them"))
	}
	return nil
}
