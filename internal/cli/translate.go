package cli

import (
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
	tx := env.text()
	opts := &translateOptions{}
	c := &cobra.Command{
		Use:     "translate ID --lang L",
		Short:   tx.T("cmd_translate_short"),
		Long:    tx.T("cmd_translate_long"),
		Example: tx.T("cmd_translate_example"),
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runTranslate(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_translate_lang"))
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
		return usageText("err_translate_no_source", "ID", q(opts.ID))
	case a.Versions[opts.Lang] != nil && a.Versions[opts.Lang].Parsed != nil:
		return usageText("err_translate_exists_version", "Path", target, "ID", opts.ID, "Lang", opts.Lang)
	case exists(p, target):
		return usageText("err_translate_exists", "Path", target)
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
		return textWrap(err, "err_translate_read_back")
	}
	pl := newPlan(p)
	draft := frontmatter.Record{From: a.SourceFile.Lang, SourceHash: a.SourceFile.Fingerprint, Draft: true}
	v := &project.Version{File: project.File{ID: opts.ID, Lang: opts.Lang, Path: target}}
	if data, err = pl.record(v, doc, draft); err != nil {
		return err
	}
	if doc, err = frontmatter.Parse(target, data); err != nil {
		return textWrap(err, "err_translate_read_back")
	}
	if r, err := doc.Record(); err != nil || (r != nil && r.SourceHash != draft.SourceHash) || (r == nil && pl.lock == nil) {
		return textErr("err_translate_record_read_back", "Path", target)
	}
	if err := pl.snapshot(p, a.SourceFile); err != nil {
		return err
	}
	pl.add(target, data)
	if err := pl.commit(); err != nil {
		return err
	}
	tx := env.text()
	if filled > 0 {
		env.Infof("%s", tx.T("translate_prefilled", "Segments", tx.N("segments", filled), "Words", tx.N("words", filledWords)))
	}
	env.Infof("%s", tx.T("translate_created", "Path", target, "Source", a.SourceFile.Path, "ID", opts.ID, "Lang", opts.Lang))
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
func prefill(p *project.Project, m *tm.Memory, a *track.ArticleStatus, lang, target string) ([]byte, int, int) {
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
	accepted, err := interchange.CheckWith([]*track.ArticleStatus{a}, p.Config.Languages, subs, interchange.Options{DraftOnProblems: true})
	if err != nil || len(accepted) != 1 {
		return nil, 0, 0
	}
	v, err := newTranslation(p, a, lang, &track.VersionStatus{State: track.Missing, Path: target})
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
