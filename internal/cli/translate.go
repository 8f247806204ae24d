package cli

import (
	"fmt"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/interchange"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/tm"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

type translateOptions struct {
	ID   string
	Lang string
}

func newTranslateCmd(env *Env) *cobra.Command {
	opts := &translateOptions{}
	c := &cobra.Command{
		Use:   "translate ID --lang L",
		Short: "Start a translation from the current source",
		Long: `Create the translation of an article in language L from its current source: the
translatable fields and the body are copied for the translator to overwrite, and a
translation record with draft: true says which source version it starts from.
The article stays a draft until ` + "`ceviri done`" + `. An existing file is never overwritten.`,
		Example: `  ceviri translate library-night-hours --lang tr
  $EDITOR articles/library-night-hours/tr.md
  ceviri done library-night-hours --lang tr`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runTranslate(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", "language of the new translation (required)")
	_ = c.MarkFlagRequired("lang")
	return c
}

func runTranslate(env *Env, opts *translateOptions) error {
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
	l, err := env.load([]string{opts.ID})
	if err != nil {
		return err
	}
	if err := l.err(); err != nil {
		return err
	}
	a := l.status[0]
	target := p.Layout.Path(opts.ID, opts.Lang)
	if a.SourceFile != nil {
		target = p.Layout.PathLike(opts.ID, opts.Lang, a.SourceFile.Path) // .mdx for an .mdx source
	}
	switch {
	case a.SourceFile == nil:
		return diag.Usagef("article %q has no source version to translate from", opts.ID)
	case a.Versions[opts.Lang] != nil && a.Versions[opts.Lang].File != nil:
		return diag.Usagef("%s already exists; edit it, then run `ceviri done %s --lang %s`", target, opts.ID, opts.Lang)
	case exists(p, target):
		return diag.Usagef("%s already exists", target)
	}
	data, err := draftFrom(p, a.SourceFile)
	if err != nil {
		return err
	}
	filled, filledWords := 0, 0
	if m, err := env.memory(l, true); err != nil {
		return err
	} else if pre, n, words := prefill(p, m, a, opts.Lang, target); n > 0 {
		data, filled, filledWords = pre, n, words
	}
	// What ceviri writes it must be able to read back.
	doc, err := frontmatter.Parse(target, data)
	if err != nil {
		return fmt.Errorf("the draft would not read back (%w); nothing was written", err)
	}
	pl := newPlan(p)
	draft := frontmatter.Record{From: a.SourceFile.Lang, SourceHash: a.SourceFile.Fingerprint, Draft: true}
	v := &project.Version{File: project.File{ID: opts.ID, Lang: opts.Lang, Path: target}}
	if data, err = pl.record(v, doc, draft); err != nil {
		return err
	}
	if doc, err = frontmatter.Parse(target, data); err != nil {
		return fmt.Errorf("the draft would not read back (%w); nothing was written", err)
	}
	if r, err := doc.Record(); err != nil || (r != nil && r.SourceHash != draft.SourceHash) || (r == nil && pl.lock == nil) {
		return fmt.Errorf("%s: the draft's translation record would not read back; nothing was written", target)
	}
	if err := pl.snapshot(p, a.SourceFile); err != nil {
		return err
	}
	pl.add(target, data)
	if err := pl.commit(); err != nil {
		return err
	}
	if filled > 0 {
		env.Infof("pre-filled %s (%s) from the translation memory: review them", plural(filled, "segment", "segments"), plural(filledWords, "word", "words"))
	}
	env.Infof("created %s (draft, from %s)\nnext: translate it, then run `ceviri done %s --lang %s`", target, a.SourceFile.Path, opts.ID, opts.Lang)
	return nil
}

// prefill returns the new translation at target with every segment whose
// normalised source has an exact match among the project's own
// translations in the memory already translated (the newest translation of
// that source), as import would put it in
// (interchange.CheckWith and Rebuild: markup and links checked, the file
// parsed again), with the number of segments and words filled. It returns
// no data and 0 when nothing matched or the result would not rebuild: the
// draft is then the copy of the source.
func prefill(p *project.Project, m *tm.Memory, a *track.Article, lang, target string) ([]byte, int, int) {
	ia := interchange.Collect(a, lang, false)
	if ia == nil {
		return nil, 0, 0
	}
	pair := tm.Pair{Source: a.SourceFile.Lang, Target: lang}
	var subs []interchange.Submitted
	words := 0
	for _, u := range ia.Units {
		// The project's own translations only: an external memory's
		// are offered as matches, never written into an article.
		for _, e := range m.Exact(pair, u.Source) {
			if e.Origin == "" {
				subs = append(subs, interchange.Submitted{File: "translation memory", Line: u.Line, Col: 1, ID: u.ID, Lang: lang,
					SrcLang: a.SourceFile.Lang, Source: u.Source, Target: []interchange.TargetPiece{{Text: e.Target}}})
				words += u.Words
				break
			}
		}
	}
	if len(subs) == 0 {
		return nil, 0, 0
	}
	accepted, err := interchange.CheckWith([]*track.Article{a}, p.Config.Languages, subs, interchange.Options{DraftOnProblems: true})
	if err != nil || len(accepted) != 1 {
		return nil, 0, 0
	}
	v, err := newTranslation(p, a, lang, &track.Version{State: track.Missing, Path: target})
	if err != nil {
		return nil, 0, 0
	}
	res, err := interchange.Rebuild(p.Config, accepted[0], v)
	if err != nil || res.Data == nil || len(res.Owed) > 0 {
		return nil, 0, 0
	}
	return res.Data, len(accepted[0].Targets), words
}

// draftFrom builds a new translation file from the source, in the source's
// front-matter format: its translatable fields (as written, in file order)
// and its body, without a record (plan.record adds it, to the file or to
// the lock file). The draft of a source without front matter has none
// either: its record goes to the lock file.
func draftFrom(p *project.Project, src *project.Version) ([]byte, error) {
	if src.Doc.Format == frontmatter.None {
		return append([]byte{}, src.Doc.Body...), nil
	}
	var fields []frontmatter.Field
	for _, f := range src.Doc.Fields() {
		if p.Config.IsTranslatable(f.Key.Value) {
			fields = append(fields, f)
		}
	}
	out, err := frontmatter.Build(src.Doc.Format, fields, nil)
	if err != nil {
		return nil, err
	}
	body := src.Doc.Body
	if len(body) > 0 && body[0] != '\n' {
		out = append(out, '\n')
	}
	return append(out, body...), nil
}
