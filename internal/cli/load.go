package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/fastpath"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/workers"
)

// version is set at link time (-ldflags "-X ...cli.version=v1.2.3").
var version = ""

// Version returns ceviri's version: the one set at link time, else the
// module version from the build information, else "devel".
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// openProject opens the project named by --root, or the one found by
// walking up from the working directory.
func (e *Env) openProject() (*project.Project, error) {
	root := e.Root
	if root == "" {
		var err error
		if root, err = project.Find(e.Wd); err != nil {
			return nil, textWrap(err, "err_no_project")
		}
	} else if !filepath.IsAbs(root) {
		root = filepath.Join(e.Wd, root)
	}
	p, err := project.Open(root)
	if err != nil {
		return nil, err
	}
	if err := e.recoverWrites(p); err != nil {
		return nil, err
	}
	return p, nil
}

// loaded is a project with its articles read.
type loaded struct {
	p        *project.Project
	articles []*project.Article     // articles whose every file could be read
	status   []*track.ArticleStatus // their states, in the same order
	errs     []error                // files that could not be read, sorted
}

// load opens the project and reads the articles named by ids (all when
// ids is empty). An id that is not valid or names no article is a usage
// error; a file that cannot be read is kept in errs and its article left
// out, so every other article is still reported.
func (e *Env) load(ids []string) (*loaded, error) { return e.loadWith(ids, false) }

// loadWith is load; with statesOnly, for a command that needs states and
// counts only (status), it skips segmenting translations whose segments
// are not used (project.Project.StatesOnly) and goes through the status
// cache (internal/cache, unless CEVIRI_NO_CACHE is set): versions may then
// have no Doc and no segment text.
func (e *Env) loadWith(ids []string, statesOnly bool) (*loaded, error) {
	p, err := e.openProject()
	if err != nil {
		return nil, err
	}
	var c *cache.Cache
	if statesOnly {
		p.StatesOnly = !e.FullLoad && fastpath.On()
		// Before scanning, so that the cache learns of each file from the
		// directory listing.
		if c = e.openCache(p); c != nil {
			p.Cache = c
		}
	}
	files, errs := p.Scan()
	if len(ids) == 0 {
		tx := e.text()
		for _, w := range p.Layout.UnmatchedText(files, p.Config.SourceLanguage) {
			e.Infof("%s", tx.T("warning_line", "Msg", diag.EscapeLine(tx.Text(w))))
		}
		if !e.JSON {
			warnSkipped(e, p.Skipped)
		}
	}
	if files, err = only(p, files, ids); err != nil {
		return nil, err
	}
	versions := p.Load(files)
	if c != nil {
		c.Complete(versions, func(f project.File) *project.Version {
			plain := *p
			plain.Cache = nil
			return plain.LoadFile(f)
		})
	}
	bad := map[string]bool{}
	for _, v := range versions {
		if v.Err != nil {
			errs = append(errs, v.Err)
			bad[v.ID] = true
		}
	}
	var good []*project.Version
	for _, v := range versions {
		if !bad[v.ID] {
			good = append(good, v)
		}
	}
	diag.Sort(errs)
	l := &loaded{p: p, articles: project.Group(good), errs: errs}
	l.status = track.Analyze(p, l.articles)
	if c != nil {
		p.Cache = nil
		if len(ids) == 0 {
			_ = c.Save() // best effort: a read-only checkout works without it
		}
	}
	return l, nil
}

// only keeps the files of the articles named by ids (all when ids is
// empty). An id that is not valid or names no article is a usage error.
func only(p *project.Project, files []project.File, ids []string) ([]project.File, error) {
	if len(ids) == 0 {
		return files, nil
	}
	want := map[string]bool{}
	for _, id := range ids {
		if err := project.ValidID(id); err != nil {
			return nil, &diag.UsageError{Err: err}
		}
		want[id] = true
	}
	var keep []project.File
	found := map[string]bool{}
	for _, f := range files {
		if want[f.ID] {
			keep = append(keep, f)
			found[f.ID] = true
		}
	}
	for _, id := range ids {
		if !found[id] {
			return nil, usageText("err_no_article", "ID", q(id), "Where", p.Layout.Where(id))
		}
	}
	return keep, nil
}

// eachArticle applies fn to the state of each article of files (as Scan
// returns them, sorted by id) whose every file could be read, from one
// goroutine per CPU: each article is read, analysed and handed to fn in
// turn, so that only a few are in memory at a time (check holds every
// version's text and syntax; loading all of them first took 55 KB per
// file). It returns fn's results in id order, the ids of those articles,
// and the errors of the files that could not be read, in id order.
func eachArticle[T any](p *project.Project, files []project.File, fn func(a *track.ArticleStatus) T) (results []T, done []string, errs []error) {
	groups := project.GroupFiles(files)
	out := make([]T, len(groups))
	bad := make([][]error, len(groups))
	workers.Each(len(groups), 0, func(i int) {
		vs := make([]*project.Version, len(groups[i]))
		for j, f := range groups[i] {
			if vs[j] = p.LoadFile(f); vs[j].Err != nil {
				bad[i] = append(bad[i], vs[j].Err)
			}
		}
		if len(bad[i]) == 0 {
			out[i] = fn(track.AnalyzeArticle(p, project.Group(vs)[0]))
		}
	})
	for i, b := range bad {
		if len(b) == 0 {
			results = append(results, out[i])
			done = append(done, groups[i][0].ID)
		}
		errs = append(errs, b...)
	}
	return results, done, errs
}

// err returns the file errors as one error (nil when there were none).
func (l *loaded) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return errors.Join(l.errs...)
}

// checkLang is the usage error for a --lang that is not a project language.
func checkLang(cfg *config.Config, lang string) error {
	if !cfg.Lang(lang) {
		return usageText("err_not_a_language", "Lang", q(lang), "Langs", fmt.Sprint(cfg.Languages))
	}
	return nil
}

// warnSkipped says once which files the content templates match but
// ceviri cannot read, the first few by name.
func warnSkipped(e *Env, skipped []project.Skip) {
	if len(skipped) == 0 {
		return
	}
	const shown = 5
	tx := e.text()
	var names []string
	for i, s := range skipped {
		if i == shown {
			names = append(names, tx.N("skipped_more", len(skipped)-shown))
			break
		}
		why := s.Why
		if s.Reason.ID != "" {
			why = tx.Text(s.Reason)
		}
		names = append(names, diag.EscapeLine(s.Path)+" ("+why+")")
	}
	e.Infof("%s", tx.T("warning_line", "Msg", tx.T("skipped_files", "Files", tx.N("files", len(skipped)), "Names", strings.Join(names, "; "))))
}
