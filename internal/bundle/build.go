// Package bundle builds the publishable bundle of each language of a
// project (docs/bundles.md): every article as a page and as data, the
// list of articles, the chrome strings, a sitemap with hreflang alternates,
// an Atom feed and a manifest with the hash of every file.
//
// A build reads the project twice. The first pass reads every article,
// decides its states and keeps only its metadata (titles, dates, states),
// so that each language's list and each page's alternates are known. The
// second pass reads each article again and renders its pages straight to
// disk, so memory does not grow with the number of pages. A page whose
// inputs did not change since the previous bundle (the article's files,
// ceviri.yaml, the templates, the chrome strings, ceviri's version) is kept
// from an earlier bundle instead of being rendered again; the result is the
// same bytes either way.
//
// Bundles are written into a tree beside the output (the bundle the previous
// build replaced, updated in place) and swapped in at the end with one atomic
// exchange, so an interrupted build leaves the live bundle whole. The output is deterministic: no clock, sorted maps, archives with
// sorted entries and fixed times.
package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/fastpath"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/safefile"
)

// Options says what to build and how.
type Options struct {
	Out        string   // output directory; relative paths are relative to the project root
	Langs      []string // languages to build; empty: all
	Fallback   string   // source | skip | fail
	MinCurrent int      // percent of current translations a language needs
	Archive    string   // none | tar.gz | zip
	BaseURL    string   // absolute base of URLs; "" gives URLs from the site root
	Version    string   // ceviri's version: an input of every page
	// Build identifies the running ceviri for the build cache ("" means
	// Version): a development build passes more than "devel", so that
	// metadata an earlier build of other code cached is not trusted.
	Build   string
	Full    bool // read and render everything, reusing nothing of the previous build
	Force   bool // move a directory or archive ceviri did not build out of the way instead of refusing
	Workers int  // goroutines rendering pages; 0: one per CPU
	// Progress, when set, is called (from several goroutines) as pages are
	// done, with the number done and the total.
	Progress func(done, total int)
	// Fault, when set, is called before every change to the output
	// directory (see safefile.Dir.SetFault); for tests.
	Fault func(op, name string) error
	// BeforeSwap, when set, is called once every page is staged, just
	// before the staged bundles replace the old ones; for tests (a build
	// killed at that point).
	BeforeSwap func()
	// OnLists, when set, is called as each language's list pages (index,
	// feed, sitemap) are rendered or, reused true, taken from the previous
	// bundle; for tests.
	OnLists func(lang string, reused bool)
	// Granularity is the timestamp margin of the build cache (cache.Clean):
	// a file changed less than this before the cache was written is read
	// again. 0 means cache.DefaultGranularity; tests pass less so that
	// they need not wait.
	Granularity time.Duration
}

// Result says what a build did.
type Result struct {
	Out      string       // the output directory, absolute
	Langs    []LangResult // every language of the project, in ceviri.yaml's order
	Warnings []string     // sorted; the build went ahead
	// WarningTexts are the Warnings in ceviri's words, in the same order,
	// for the reader's language.
	WarningTexts []clitext.Text
}

// LangResult is what happened to one language.
type LangResult struct {
	Lang      string
	Built     bool
	Skipped   string       // why it was not built ("" when built or not asked for)
	Why       clitext.Text // Skipped in ceviri's words
	Articles  int          // articles in the bundle
	Fallbacks int          // of which source versions shown in place of a translation
	Stale     int          // of which stale translations
	Left      int          // articles left out (--fallback skip)
	Rendered  int          // pages rendered
	Reused    int          // pages taken from the previous bundle
	Files     int          // files in the bundle
	Archive   string       // the archive written, relative to Out
}

// Build builds the bundles of p. An error about the input (a file that
// cannot be read, a bad template) is returned with its position and nothing
// is written; a build refused by policy returns *diag.Problems.
func Build(p *project.Project, opts Options) (*Result, error) {
	cfg := p.Config
	if !fastpath.On() {
		opts.Full = true // nothing reused of the last build (CEVIRI_NO_FASTPATH)
	}
	if opts.Fallback == "" {
		opts.Fallback = FallbackSource
	}
	switch opts.Fallback {
	case FallbackSource, FallbackSkip, FallbackFail:
	default:
		return nil, diag.UsageText("build_err_fallback", "Value", strconv.Quote(opts.Fallback))
	}
	switch opts.Archive {
	case "", "none", "tar.gz", "zip":
	default:
		return nil, diag.UsageText("build_err_archive", "Value", strconv.Quote(opts.Archive))
	}
	if opts.MinCurrent < 0 || opts.MinCurrent > 100 {
		return nil, diag.UsageText("build_err_min_current", "Value", opts.MinCurrent)
	}
	want := map[string]bool{}
	for _, l := range opts.Langs {
		if !cfg.Lang(l) {
			return nil, diag.UsageText("build_err_lang", "Lang", strconv.Quote(l), "Langs", fmt.Sprint(cfg.Languages))
		}
		want[l] = true
	}
	out := opts.Out
	if out == "" {
		out = config.DefaultOut
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(p.Root, out)
	}
	out = filepath.Clean(out)

	files, errs := p.Scan()
	if err := checkOut(out, p, files); err != nil {
		return nil, &diag.UsageError{Err: err}
	}
	identity := opts.Build
	if identity == "" {
		identity = opts.Version
	}
	header := cacheHeader(p, identity)
	var cached *metaCache
	if !opts.Full {
		cached = readMetaCache(p, header)
	}
	if cached != nil {
		cached.granularity = opts.Granularity
	}
	arts, errs2 := loadArticles(p, files, opts.Workers, cached)
	errs = append(errs, errs2...)
	tmpls, err := loadTemplates(p.FS)
	if err != nil {
		errs = append(errs, err)
	}
	set, err := locale.Load(p.FS, cfg.Locales, cfg.Languages, cfg.Tags)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		diag.Sort(errs)
		return nil, errors.Join(errs...)
	}

	plans := makePlans(arts, cfg.Languages, cfg.Tags, want, opts.Fallback, opts.MinCurrent)
	res := &Result{Out: out}
	var refused []error
	var build []*langPlan
	for _, lp := range plans {
		lr := LangResult{Lang: lp.lang}
		switch {
		case !lp.wanted:
		case lp.excluded != "":
			lr.Skipped, lr.Why = lp.excluded, lp.why
		default:
			if len(lp.refused) > 0 {
				refused = append(refused, clitext.NewError("build_refused_lang", "Lang", lp.lang, "Articles", textList{lp.refused, ", "}))
			}
			build = append(build, lp)
			lr.Built = true
		}
		res.Langs = append(res.Langs, lr)
	}
	if len(refused) > 0 {
		return nil, problems(clitext.Msg("build_refused", "Langs", textList{refused, "\n  "}))
	}
	if len(build) == 0 {
		var why []error
		for _, lr := range res.Langs {
			if lr.Skipped != "" {
				why = append(why, clitext.NewError("build_skipped_lang", "Lang", lr.Lang, "Why", lr.Why))
			}
		}
		return nil, problems(clitext.Msg("build_none_built", "Langs", textList{why, "\n  "}))
	}

	langs := make([]string, len(build))
	for i, lp := range build {
		langs[i] = lp.lang
	}
	archive := ""
	if opts.Archive == "tar.gz" || opts.Archive == "zip" {
		archive = opts.Archive
	}
	// Refuse what ceviri did not build before anything is created; checked
	// again below under the lock.
	if outDir, err := safefile.OpenDir(out); err == nil {
		_, err := checkOwners(outDir, langs, archive, opts.Force)
		outDir.Close()
		if err != nil {
			return nil, &diag.UsageError{Err: err}
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	outDir, err := safefile.OpenDir(out)
	if err != nil {
		return nil, err
	}
	defer outDir.Close()
	if opts.Fault != nil {
		outDir.SetFault(opts.Fault)
	}
	if err := checkWorkDir(outDir); err != nil {
		return nil, err
	}
	lk, err := outDir.Lock(lockName, 10*time.Second)
	if errors.Is(err, safefile.ErrLocked) {
		return nil, clitext.Wrap(err, "build_err_locked", "Out", out)
	} else if err != nil {
		return nil, err
	}
	defer lk.Release()
	st, err := newStage(outDir)
	if err != nil {
		return nil, err
	}
	defer st.cleanup()
	moved, err := checkOwners(outDir, langs, archive, opts.Force)
	if err != nil {
		return nil, &diag.UsageError{Err: err}
	}

	w := &warnings{}
	s, err := newSite(p, set, tmpls, plans, opts, w)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL == "" {
		w.add(clitext.Msg("build_warn_base_url"))
	}
	inputs := globalInputs(p, set, tmpls, opts, plans, s.links)

	for _, name := range moved {
		w.add(clitext.Msg("build_warn_moved", "Path", outDir.OSPath(name), "Dir", outDir.OSPath(replacedDir)))
	}
	olds, err := s.pages(st, build, inputs, opts, res)
	if err != nil {
		return nil, err
	}
	for _, lp := range build {
		if err := s.finish(st, lp, olds[lp.lang], opts, inputs, res); err != nil {
			return nil, err
		}
	}
	if err := syncAll(outDir, WorkDir); err != nil {
		return nil, err
	}
	if opts.BeforeSwap != nil {
		opts.BeforeSwap()
	}
	j := &swapJournal{Format: swapFormat}
	for _, lp := range build {
		j.Langs = append(j.Langs, swapLang{Lang: lp.lang, Manifest: st.manifests[lp.lang], Archive: archive, Force: opts.Force})
	}
	if err := st.swapAll(j); err != nil {
		return nil, err
	}
	if err := writeMetaCache(p, header, arts); err != nil {
		w.add(clitext.Msg("build_warn_cache", "Err", err))
	}
	res.Warnings, res.WarningTexts = w.list()
	return res, nil
}

// newSite prepares the rendering of every language: its chrome strings,
// its templates and its date format.
func newSite(p *project.Project, set *locale.Set, tmpls *templates, plans []*langPlan, opts Options, w *warnings) (*site, error) {
	order := append([]string{p.Config.SourceLanguage}, p.Config.Languages...)
	rule, err := anchor.Parse(p.Config.Build.Anchors)
	if err != nil {
		return nil, &diag.UsageError{Err: err}
	}
	s := &site{read: p.ReadFile, local: p.Config.IsLocal, plans: plans, langs: map[string]*lang{}, policy: opts.Fallback, baseURL: opts.BaseURL,
		html: p.Config.Build.HTML, anchors: rule, links: newLinkMap(plans, p.Config.Languages, opts.BaseURL), warn: w,
		exists: func(name string) bool {
			fi, err := fs.Stat(p.FS, name)
			return err == nil && fi.Mode().IsRegular()
		}}
	switch s.html {
	case "":
		s.html = HTMLSanitize
	case HTMLOmit, HTMLSanitize, HTMLTrust:
	default:
		return nil, diag.UsageText("build_err_html", "Value", strconv.Quote(s.html))
	}
	for _, lp := range plans {
		c, err := newChrome(set, lp.lang, lp.tag, order, w)
		if err != nil {
			return nil, err
		}
		t, err := tmpls.bind(c)
		if err != nil {
			return nil, err
		}
		s.langs[lp.lang] = &lang{plan: lp, chrome: c, tmpl: t, date: dateFormatter(lp.tag), name: c.T("language_name")}
	}
	return s, nil
}

// globalInputs hashes everything that every page depends on besides its
// own article: the bundle format and ceviri's version, ceviri.yaml, the
// options that change pages, the templates, every language's chrome
// strings, and the languages left out by --min-current.
func globalInputs(p *project.Project, set *locale.Set, t *templates, opts Options, plans []*langPlan, links *linkMap) string {
	h := sha256.New()
	writeField(h, fmt.Sprintf("ceviri bundle %d", FormatVersion))
	writeField(h, opts.Version)
	writeField(h, fmt.Sprintf("%q %q %q %v", opts.Fallback, opts.BaseURL, p.Config.SourceLanguage, p.Config.Languages))
	writeField(h, fmt.Sprintf("%q %s %q %q", p.Config.Translatable, p.Config.ContentKey(), p.Config.Exclude, p.Config.Records))
	// What pages show of each version: local fields, placeholders.
	writeField(h, fmt.Sprintf("%q %q", p.Config.Local, p.Config.Placeholder.Field))
	// How bodies render: raw HTML, heading ids, and what links between
	// articles point to (every article's files and bundles).
	writeField(h, fmt.Sprintf("html %q anchors %q", p.Config.Build.HTML, p.Config.Build.Anchors))
	links.hash(h)
	h.Write(t.hash[:])
	for _, l := range p.Config.Languages {
		writeField(h, l)
		writeField(h, string(set.Raw[l]))
	}
	for _, lp := range plans {
		if lp.excluded != "" {
			writeField(h, "excluded "+lp.lang)
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// finish writes the files of a bundle that list its articles, then its
// manifest and archive.
func (s *site) finish(st *stage, lp *langPlan, old *Manifest, opts Options, inputs string, res *Result) error {
	l := s.langs[lp.lang]
	key := s.listsKey(l, inputs)
	reused := false
	if !opts.Full {
		var err error
		if reused, err = reuseLists(st, lp.lang, key, old); err != nil {
			return err
		}
	}
	if opts.OnLists != nil {
		opts.OnLists(lp.lang, reused)
	}
	files := map[string][]byte{}
	if !reused {
		var err error
		if files, err = s.lists(l); err != nil {
			return err
		}
	}
	var err error
	if files["messages.json"], err = l.messages(); err != nil {
		return err
	}
	for _, name := range sortedKeys(files) {
		if err := st.write(lp.lang, name, files[name]); err != nil {
			return err
		}
	}
	if err := st.prune(lp.lang, old); err != nil {
		return err
	}
	m, err := s.manifest(l, "ceviri "+opts.Version, inputs, key, st.files[lp.lang])
	if err != nil {
		return err
	}
	if err := st.write(lp.lang, "manifest.json", m); err != nil {
		return err
	}
	sum := sha256.Sum256(m)
	st.manifests[lp.lang] = hex.EncodeToString(sum[:])
	lr := res.lang(lp.lang)
	lr.Files = len(st.files[lp.lang])
	lr.Articles = len(lp.entries)
	lr.Left = lp.total - len(lp.entries)
	for _, e := range lp.entries {
		if e.fallback {
			lr.Fallbacks++
		} else if e.state == "stale" {
			lr.Stale++
		}
	}
	if opts.Archive == "tar.gz" || opts.Archive == "zip" {
		name := lp.lang + "." + opts.Archive
		_ = st.out.Remove(archiveTmp(name))
		f, err := st.out.Root().OpenFile(archiveTmp(name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if err := st.writeArchive(f, lp.lang, opts.Archive); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
		if err := f.Close(); err != nil {
			return err
		}
		lr.Archive = name
	}
	return nil
}

func (r *Result) lang(l string) *LangResult {
	for i := range r.Langs {
		if r.Langs[i].Lang == l {
			return &r.Langs[i]
		}
	}
	return nil
}
