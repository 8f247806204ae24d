package cli

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// sinceFormats are the values of status --format.
var sinceFormats = []string{"text", "markdown", "json"}

// sinceJSON is the shape of status --since --format json
// (docs/reference.md).
type sinceJSON struct {
	Since     string                   `json:"since"`  // the revision as given
	Commit    string                   `json:"commit"` // the commit it names
	Languages []string                 `json:"languages"`
	Articles  []*sinceArticle          `json:"articles"`
	Summary   map[string]*sinceSummary `json:"summary"`
}

// runSince is status --since: the status of the project in the commit
// opts.Since names and in the work tree (what `git diff REF` compares:
// uncommitted changes count; so do files git does not track, which status
// reads like any other), compared per article and language.
func runSince(ctx context.Context, env *Env, opts *statusOptions) error {
	format := opts.Format
	switch {
	case env.JSON && format != "" && format != "json":
		return usageText("err_since_two_formats", "Format", format)
	case env.JSON:
		format = "json"
	case format == "":
		format = "text"
	case !slices.Contains(sinceFormats, format):
		return usageText("err_since_format", "Format", q(format))
	}
	for _, id := range opts.IDs {
		if err := project.ValidID(id); err != nil {
			return &diag.UsageError{Err: err}
		}
	}
	// REF first, and its files let go before the work tree is read, so
	// that the two are not in memory at once.
	p, err := env.openProject()
	if err != nil {
		return err
	}
	if opts.Lang != "" {
		if err := checkLang(p.Config, opts.Lang); err != nil {
			return err
		}
	}
	repo, err := gitlog.Open(ctx, p.Root)
	if errors.Is(err, gitlog.ErrNoRepo) {
		return textErr("err_since_no_git", "Root", diag.EscapeLine(p.Root))
	} else if err != nil {
		return err
	}
	commit, err := repo.Resolve(ctx, opts.Since)
	if err != nil {
		return &diag.UsageError{Err: err}
	}
	entries, err := repo.Tree(ctx, commit)
	if err != nil {
		return err
	}
	before, err := treeStatus(ctx, repo, p.Root, entries, opts.Since)
	if err != nil {
		return err
	}
	l, err := env.loadWith(nil, true)
	if err != nil {
		return err
	}
	tx := env.text()
	for _, e := range before.errs {
		env.Infof("%s", tx.T("warning_line", "Msg", tx.T("since_left_out", "Err", diag.Escape(localize(e, tx)))))
	}
	// An article that cannot be read on either side is left out of both:
	// its state there is not known.
	skip := map[string]bool{}
	for _, id := range erroredIDs(before.p, before.errs) {
		skip[id] = true
	}
	for _, id := range erroredIDs(l.p, l.errs) {
		skip[id] = true
	}
	langs := l.p.Config.Languages
	if before.p != nil {
		langs = unionLanguages(before.p.Config.Languages, langs)
	}
	if opts.Lang != "" {
		langs = []string{opts.Lang}
	}
	keep := func(arts []*track.ArticleStatus) []*track.ArticleStatus {
		var out []*track.ArticleStatus
		for _, a := range arts {
			if !skip[a.ID] && (len(opts.IDs) == 0 || slices.Contains(opts.IDs, a.ID)) {
				out = append(out, a)
			}
		}
		return out
	}
	if err := knownIDs(opts.IDs, skip, before.status, l.status, opts.Since); err != nil {
		return err
	}
	d := compareStatus(langs, keep(before.status), keep(l.status))
	r := &sinceReport{diff: d, since: opts.Since, commit: commit}
	switch format {
	case "json":
		arts := d.Articles
		if arts == nil {
			arts = []*sinceArticle{}
		}
		err = writeJSON(env.Stdout, sinceJSON{Since: opts.Since, Commit: commit, Languages: langs, Articles: arts, Summary: d.Summary})
	case "markdown":
		_, err = fmt.Fprint(env.Stdout, r.markdown(tx))
	default:
		r.text(env, tx)
	}
	if err != nil {
		return err
	}
	return l.err()
}

// erroredIDs returns the articles of the files errs name.
func erroredIDs(p *project.Project, errs []error) []string {
	if p == nil {
		return nil
	}
	var ids []string
	for _, err := range errs {
		var pe *diag.PosError
		if errors.As(err, &pe) {
			if id, _, ok := p.Layout.Match(pe.File); ok {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// knownIDs is the usage error for an id that names an article neither in
// REF nor now (nor one left out as unreadable).
func knownIDs(ids []string, skipped map[string]bool, before, after []*track.ArticleStatus, rev string) error {
	known := maps.Clone(skipped)
	for _, arts := range [][]*track.ArticleStatus{before, after} {
		for _, a := range arts {
			known[a.ID] = true
		}
	}
	for _, id := range ids {
		if !known[id] {
			return usageText("err_since_no_article", "ID", q(id), "Rev", rev)
		}
	}
	return nil
}
