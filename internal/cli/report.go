package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ceviri/ceviri/internal/check"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/report"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/workers"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	Output string
	Check  bool
	UILang string
	Date   string
}

func newReportCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &reportOptions{}
	c := &cobra.Command{
		Use:     "report -o FILE",
		Short:   tx.T("cmd_report_short"),
		Long:    tx.T("cmd_report_long"),
		Example: tx.T("cmd_report_example"),
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runReport(c.Context(), env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "", tx.T("flag_report_output"))
	c.Flags().BoolVar(&opts.Check, "check", false, tx.T("flag_report_check"))
	c.Flags().StringVar(&opts.UILang, "ui-lang", "", tx.T("flag_report_ui_lang"))
	c.Flags().StringVar(&opts.Date, "date", "", tx.T("flag_report_date"))
	return c
}

func runReport(ctx context.Context, env *Env, opts *reportOptions) error {
	if opts.Output == "" {
		return usageText("err_report_no_output")
	}
	if opts.UILang != "" && opts.UILang != "en" && opts.UILang != "tr" {
		return usageText("err_report_ui_lang", "Lang", q(opts.UILang), "Known", strings.Join(report.UILangs, ", "))
	}
	date, err := reportDate(env, opts.Date)
	if err != nil {
		return err
	}
	l, err := env.loadWith(nil, true)
	if err != nil {
		return err
	}
	if err := l.err(); err != nil {
		return err // the report would leave those articles out
	}
	p := l.p
	var out string
	if opts.Output != "-" {
		out = opts.Output
		if !filepath.IsAbs(out) {
			out = filepath.Join(env.Wd, out)
		}
		if rel, ok := ownFile(p, out); ok {
			return usageText("err_report_own_file", "Path", diag.EscapeLine(rel))
		}
	}
	m := &report.Model{UILang: opts.UILang, Project: filepath.Base(p.Root), Date: date, Languages: p.Config.Languages, Checked: opts.Check}
	if m.UILang == "" {
		m.UILang = "en"
		if base, _, _ := strings.Cut(p.Config.SourceLanguage, "-"); strings.EqualFold(base, "tr") {
			m.UILang = "tr"
		}
	}
	mtimes, err := reportArticles(env, l, m, opts)
	if err != nil {
		return err
	}
	m.AgeFrom = sourceAges(ctx, p, l.status, m.Articles, mtimes)
	var buf bytes.Buffer
	if err := report.Write(&buf, m); err != nil {
		return err
	}
	if out == "" {
		_, err := env.Stdout.Write(buf.Bytes())
		return err
	}
	if err := writeOutput(p, out, buf.Bytes()); err != nil {
		return err
	}
	tx := env.text()
	env.Infof("%s", tx.T("report_wrote", "Articles", tx.N("articles", len(m.Articles)),
		"Langs", tx.N("languages", len(m.Languages)), "Path", diag.EscapeLine(opts.Output)))
	return nil
}

// reportDate is the date the report shows: --date, else SOURCE_DATE_EPOCH's
// day (UTC), else none.
func reportDate(env *Env, flag string) (string, error) {
	if flag != "" {
		if _, err := time.Parse("2006-01-02", flag); err != nil {
			return "", usageText("err_report_date", "Date", q(flag))
		}
		return flag, nil
	}
	if s := env.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return "", usageText("err_report_epoch", "Value", q(s))
		}
		return time.Unix(sec, 0).UTC().Format("2006-01-02"), nil
	}
	return "", nil
}

// reportArticles fills m.Articles from the states status computes (through
// the status cache), reading again in full only the articles whose text the
// report shows: those with a stale translation (for its diff) or, with
// --check, all of them. The others give only their source's title.
func reportArticles(env *Env, l *loaded, m *report.Model, opts *reportOptions) ([]int64, error) {
	p := l.p
	full := *p
	full.Cache, full.StatesOnly = nil, false
	var copts check.Options
	var accepted *acceptedSet
	if opts.Check {
		// The settings check uses: the same findings in both.
		var files []project.File
		for _, a := range l.articles {
			for _, v := range a.Versions {
				files = append(files, v.File)
			}
		}
		var err error
		if copts, err = contentOptions(p, files); err != nil {
			return nil, err
		}
		if accepted, err = readAccepted(p); err != nil {
			return nil, err
		}
	}
	arts := make([]*report.Article, len(l.status))
	per := make([][]check.Finding, len(l.status))
	errs := make([]error, len(l.status))
	var keyMu sync.Mutex
	keys := map[string]bool{} // findings accepted
	var rc *reportCache
	mtimes := make([]int64, len(l.status)) // of the sources, when known
	ui := clitext.New(m.UILang)            // the page's language, of its notes and findings
	if !opts.Check {
		// With --check every article is read in full for its findings.
		rc = env.openReportCache(p, m.UILang)
	}
	workers.Each(len(l.status), 0, func(i int) {
		a := l.status[i]
		stale := hasStale(a)
		var row *reportRow
		if rc != nil {
			stamp, clean, mtime := reportStamp(p, l.articles[i], a, stale, rc.written, env.CacheGranularity)
			mtimes[i] = mtime
			if r, ok := rc.lookup(a.ID, stamp, clean); ok {
				if stale {
					arts[i] = &report.Article{ID: a.ID, Source: a.Source, Title: r.Title, Cells: r.Cells}
				} else {
					arts[i] = articleRow(ui, a, r.Title)
				}
				return
			}
			row = &reportRow{ID: a.ID, Stamp: stamp}
		}
		if opts.Check || stale {
			var vs []*project.Version
			for _, v := range l.articles[i].Versions {
				fv := full.LoadFile(v.File)
				if fv.Err != nil {
					errs[i] = fv.Err
					return
				}
				vs = append(vs, fv)
			}
			a = track.AnalyzeArticle(&full, project.Group(vs)[0])
			if opts.Check {
				fs := check.ArticleFindingsWith(p.Config, copts, a)
				keyMu.Lock()
				for _, f := range fs {
					if accepted.keys[findingKey(f, a)] {
						keys[findingWhere(f)] = true
					}
				}
				keyMu.Unlock()
				per[i] = fs
			}
		}
		arts[i] = reportArticle(ui, &full, a)
		if row != nil {
			row.Title = arts[i].Title
			if stale {
				row.Cells = arts[i].Cells
			}
			rc.put(row)
		}
	})
	rc.save()
	var bad []error
	for _, err := range errs {
		if err != nil {
			bad = append(bad, err)
		}
	}
	if len(bad) > 0 {
		diag.Sort(bad)
		return nil, errors.Join(bad...)
	}
	m.Articles = arts
	if !opts.Check {
		return mtimes, nil
	}
	in := check.Input{Config: p.Config, Options: copts}
	set, err := locale.Load(p.FS, p.Config.Locales, p.Config.Languages, p.Config.Tags)
	if err != nil {
		return nil, err
	}
	in.Locales = set
	byID := map[string]*report.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, f := range check.Collect(in, per) {
		if keys[findingWhere(f)] {
			continue
		}
		rf := report.Finding{Severity: string(f.Severity), Rule: f.Rule, Lang: f.Lang, File: f.File, Line: f.Line, Message: findingText(ui, f)}
		if a := byID[f.ID]; a != nil {
			a.Findings = append(a.Findings, rf)
		} else {
			m.Findings = append(m.Findings, rf)
		}
	}
	return mtimes, nil
}

// findingWhere identifies a finding within one run.
func findingWhere(f check.Finding) string {
	return fmt.Sprintf("%s\x00%d\x00%s\x00%s\x00%s", f.File, f.Line, f.Rule, f.Lang, f.Message)
}

// hasStale reports whether a version of a is stale: the report shows its
// diff, for which the texts are needed.
func hasStale(a *track.ArticleStatus) bool {
	for _, v := range a.Versions {
		if v.State == track.Stale {
			return true
		}
	}
	return false
}

// reportArticle is the row of one article. a is read in full when it has a
// stale version; otherwise only its source's title is read here.
func reportArticle(ui *clitext.Printer, p *project.Project, a *track.ArticleStatus) *report.Article {
	return articleRow(ui, a, titleOf(p, a))
}

// articleRow is the row of article a with this title, its notes in the
// page's language ui.
func articleRow(ui *clitext.Printer, a *track.ArticleStatus, title string) *report.Article {
	ra := &report.Article{ID: a.ID, Source: a.Source, Title: title, Cells: map[string]*report.Cell{}}
	for lang, v := range a.Versions {
		c := &report.Cell{State: v.State, Path: v.Path, Note: noteIn(ui, v), Placeholder: v.Placeholder}
		if v.State.Pending() && v.PendingWords != nil {
			c.Owed = *v.PendingWords
		}
		if v.ChangedSegments != nil && v.TotalSegments != nil {
			c.Changed, c.Total = *v.ChangedSegments, *v.TotalSegments
		}
		switch v.State {
		case track.Missing:
			if !v.Placeholder {
				c.Command = report.TranslateCommand(a.ID, lang)
			}
		case track.Stale:
			c.Diff = track.DescribeVersion(a, v)
			if m := v.Missing; m != nil {
				c.Note = ui.Text(m.ProblemText()) + "; " + ui.Text(m.HintText())
			}
		}
		ra.Cells[lang] = c
	}
	return ra
}

// titleOf returns the title of an article's source (of its first version
// in language order for an orphan), or its id when it has none.
func titleOf(p *project.Project, a *track.ArticleStatus) string {
	v := titleFile(p, a)
	if v == nil {
		return a.ID
	}
	doc := v.Doc
	if doc == nil {
		data, err := p.ReadFile(v.Path)
		if err != nil {
			return a.ID
		}
		if doc, err = frontmatter.Parse(v.Path, data); err != nil {
			return a.ID
		}
	}
	if f, ok := doc.Get("title"); ok && f.Value != nil {
		if t := strings.TrimSpace(f.Value.Text()); t != "" {
			return t
		}
	}
	return a.ID
}

// titleFile is the version titleOf reads the title from: the article's
// source, else its first version in language order; nil when none.
func titleFile(p *project.Project, a *track.ArticleStatus) *project.Version {
	if a.SourceFile != nil {
		return a.SourceFile
	}
	for _, l := range p.Config.Languages {
		if tv := a.Versions[l]; tv != nil && tv.Parsed != nil {
			return tv.Parsed
		}
	}
	return nil
}

// sourceAges sets when each article's source last changed: the date of the
// last commit of its file when the project is in a git work tree (for a
// file never committed, its modification time), else the file's
// modification time. It returns where the dates came from
// (report.AgeGit or report.AgeMtime). mtimes holds the modification times
// of the sources already looked at (nanoseconds; 0: not looked at).
func sourceAges(ctx context.Context, p *project.Project, status []*track.ArticleStatus, arts []*report.Article, mtimes []int64) string {
	paths := make([]string, len(status))
	for i, a := range status {
		if a.SourceFile != nil {
			paths[i] = a.SourceFile.Path
		}
	}
	from := report.AgeMtime
	var commits map[string]gitlog.Commit
	if repo, err := gitlog.Open(ctx, p.Root); err == nil {
		var want []string
		for _, path := range paths {
			if path != "" {
				want = append(want, path)
			}
		}
		if commits, err = repo.LastCommits(ctx, want); err == nil {
			from = report.AgeGit
		}
	}
	for i, path := range paths {
		if path == "" {
			continue
		}
		if c, ok := commits[path]; ok {
			if t, err := time.Parse(time.RFC3339, c.Date); err == nil {
				arts[i].Changed = t
				continue
			}
		}
		if mtimes[i] != 0 {
			arts[i].Changed = time.Unix(0, mtimes[i]).UTC()
		} else if fi, err := fs.Stat(p.FS, path); err == nil {
			arts[i].Changed = fi.ModTime().UTC()
		}
	}
	return from
}

// ownFile reports whether path (absolute) is one of the project's own
// files, which the report must not replace: ceviri.yaml, a language
// version, or a file in .ceviri, the locales or the templates directory.
// It returns the path relative to the project.
func ownFile(p *project.Project, path string) (string, bool) {
	dir, base := filepath.Split(path)
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		realDir = filepath.Clean(dir) // not there yet: writeOutput creates it
	}
	root, err := filepath.EvalSymlinks(p.Root)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(root, filepath.Join(realDir, base))
	if err != nil || filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if _, _, isVersion := p.Layout.Match(rel); isVersion || rel == "ceviri.yaml" {
		return rel, true
	}
	for _, d := range []string{".ceviri", p.Config.Locales, "templates"} {
		if d != "" && d != "." && (rel == d || strings.HasPrefix(rel, d+"/")) {
			return rel, true
		}
	}
	return "", false
}
