package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/fastpath"
	"github.com/ceviri/ceviri/internal/interchange"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/tm"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/workers"
	"github.com/spf13/cobra"
)

// The translation memory (docs/memory.md) is built by the commands that
// use it (translate, export, pending, tm), never by status: from the
// aligned pairs of every current translation, kept per translation in the
// cache file memoryBlob under a stamp of its two files, so that only
// translations whose files changed are aligned again; plus the external
// memories imported into memoryDir.

// memoryBlob is the project memory's file in .ceviri/cache/.
const memoryBlob = "memory.bin"

// memoryDir holds imported external memories (TMX), committed with the
// project.
const memoryDir = ".ceviri/memory"

func newTMCmd(env *Env) *cobra.Command {
	tx := env.text()
	c := &cobra.Command{
		Use:     "tm",
		Short:   tx.T("cmd_tm_short"),
		Long:    tx.T("cmd_tm_long"),
		Example: tx.T("cmd_tm_example"),
		Args:    cobra.NoArgs,
		RunE:    func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newTMExportCmd(env), newTMImportCmd(env))
	return c
}

type tmExportOptions struct {
	Output string
	Lang   string
}

func newTMExportCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &tmExportOptions{}
	c := &cobra.Command{
		Use:     "export [-o FILE.tmx] [--lang L]",
		Short:   tx.T("cmd_tm_export_short"),
		Long:    tx.T("cmd_tm_export_long"),
		Example: tx.T("cmd_tm_export_example"),
		Args:    cobra.NoArgs,
		RunE:    func(c *cobra.Command, args []string) error { return runTMExport(env, opts) },
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "", tx.T("flag_output_file"))
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_tm_export_lang"))
	return c
}

func runTMExport(env *Env, opts *tmExportOptions) error {
	p, err := env.openProject()
	if err != nil {
		return err
	}
	if opts.Lang != "" {
		if err := checkLang(p.Config, opts.Lang); err != nil {
			return err
		}
	}
	m, err := env.memory(nil, false)
	if err != nil {
		return err
	}
	t := &tm.TMX{}
	srcs := map[string]bool{}
	for _, pr := range m.Pairs() {
		if opts.Lang != "" && pr.Target != opts.Lang {
			continue
		}
		for _, e := range m.Entries(pr) {
			if e.Origin != "" {
				continue
			}
			srcs[pr.Source] = true
			t.Units = append(t.Units, tm.TU{SrcLang: pr.Source, Date: e.Date, Article: e.Article,
				Variants: []tm.Variant{{Lang: pr.Source, Text: e.Source}, {Lang: pr.Target, Text: e.Target}}})
		}
	}
	if len(srcs) == 1 {
		for s := range srcs {
			t.SrcLang = s
		}
	}
	var buf bytes.Buffer
	if err := tm.WriteTMX(&buf, t, Version(), exportTime(env)); err != nil {
		return err
	}
	where := "stdout"
	if opts.Output == "" || opts.Output == "-" {
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return err
		}
	} else {
		out := opts.Output
		if !filepath.IsAbs(out) {
			out = filepath.Join(env.Wd, out)
		}
		if err := writeOutput(p, out, buf.Bytes()); err != nil {
			return err
		}
		where = opts.Output
	}
	tx := env.text()
	env.Infof("%s", tx.T("tm_exported", "Units", tx.N("translation_units", len(t.Units)), "Where", diag.EscapeLine(where)))
	return nil
}

// exportTime is now, or SOURCE_DATE_EPOCH for reproducible output.
func exportTime(env *Env) time.Time {
	t := env.Now()
	var sec int64
	if _, err := fmt.Sscan(env.Getenv("SOURCE_DATE_EPOCH"), &sec); err == nil {
		t = time.Unix(sec, 0)
	}
	return t.UTC()
}

func newTMImportCmd(env *Env) *cobra.Command {
	tx := env.text()
	return &cobra.Command{
		Use:     "import FILE.tmx",
		Short:   tx.T("cmd_tm_import_short"),
		Long:    tx.T("cmd_tm_import_long"),
		Example: tx.T("cmd_tm_import_example"),
		Args:    cobra.ExactArgs(1),
		RunE:    func(c *cobra.Command, args []string) error { return runTMImport(env, args[0]) },
	}
}

func runTMImport(env *Env, name string) error {
	p, err := env.openProject()
	if err != nil {
		return err
	}
	shown := diag.EscapeLine(name)
	var r io.Reader = env.Stdin
	if name == "-" {
		shown = "stdin"
		if r == nil {
			return usageText("err_tm_no_stdin")
		}
	} else {
		f, err := openArg(env, name, shown)
		if err != nil {
			return err
		}
		defer f.Close()
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			return usageText("err_tm_not_regular", "Path", shown)
		}
		r = f
	}
	// ReadTMX bounds what it reads (tm.MaxTMXSize).
	x, err := tm.ReadTMX(shown, r)
	if err != nil {
		return errors.Join(err, textErr("err_tm_nothing_imported"))
	}
	kept := &tm.TMX{SrcLang: x.SrcLang}
	if l, ok := projectLang(p.Config, x.SrcLang); ok {
		kept.SrcLang = l
	}
	for _, u := range x.Units {
		var vs []tm.Variant
		seen := map[string]bool{}
		for _, v := range u.Variants {
			if l, ok := projectLang(p.Config, v.Lang); ok && strings.TrimSpace(v.Text) != "" && !seen[l] {
				seen[l] = true
				vs = append(vs, tm.Variant{Lang: l, Text: v.Text})
			}
		}
		if len(vs) < 2 {
			continue
		}
		u.Variants = vs
		if l, ok := projectLang(p.Config, u.SrcLang); ok {
			u.SrcLang = l
		} else {
			u.SrcLang = ""
		}
		kept.Units = append(kept.Units, u)
	}
	if len(kept.Units) == 0 {
		return usageText("err_tm_no_units", "Path", shown, "Langs", fmt.Sprint(p.Config.Languages))
	}
	base := "stdin.tmx"
	if name != "-" {
		base = filepath.Base(name)
	}
	if !strings.EqualFold(path.Ext(base), ".tmx") {
		base += ".tmx"
	}
	var buf bytes.Buffer
	if err := tm.WriteTMX(&buf, kept, Version(), exportTime(env)); err != nil {
		return err
	}
	lk, err := lock(p)
	if err != nil {
		return err
	}
	defer lk.Release()
	pl := newPlan(p)
	target := memoryDir + "/" + base
	pl.add(target, buf.Bytes())
	if err := pl.commit(); err != nil {
		return err
	}
	tx := env.text()
	env.Infof("%s", tx.T("tm_imported", "Units", tx.N("translation_units", len(kept.Units)), "From", shown, "Target", diag.EscapeLine(target)))
	return nil
}

// projectLang maps a TMX language tag to a project language: the same tag
// (ignoring case), else the one project language with its primary subtag.
func projectLang(cfg *config.Config, tag string) (string, bool) {
	if tag == "" {
		return "", false
	}
	norm := strings.ReplaceAll(tag, "_", "-")
	for _, l := range cfg.Languages {
		if strings.EqualFold(l, norm) {
			return l, true
		}
	}
	prim := func(s string) string { p, _, _ := strings.Cut(strings.ToLower(s), "-"); return p }
	found := ""
	for _, l := range cfg.Languages {
		if prim(l) == prim(norm) {
			if found != "" {
				return "", false
			}
			found = l
		}
	}
	return found, found != ""
}

// memory returns the project's translation memory. l is the command's
// load when it read every article fully (export and pending without ids);
// otherwise (nil, or with partial) the states come from a load through the
// status cache. Files that cannot be read leave their articles out of the
// memory; an external memory that no longer reads is skipped with a
// warning.
func (e *Env) memory(l *loaded, partial bool) (*tm.Memory, error) {
	if l == nil || partial {
		// The command has said what it had to about the files (or will).
		quiet := *e
		quiet.Stderr = io.Discard
		var err error
		if l, err = quiet.loadWith(nil, true); err != nil {
			return nil, err
		}
	}
	p := l.p
	key := ""
	useCache := e.cacheOn()
	if cfg, err := fs.ReadFile(p.FS, config.FileName); err == nil {
		key = cache.Key(buildIdentity(), cfg)
	}
	old := map[string]tm.Record{}
	var written int64
	if useCache {
		if data, w, ok := cache.ReadBlob(p.Root, memoryBlob, key); ok {
			if rs, err := tm.DecodeRecords(data); err == nil {
				written = w
				for _, r := range rs {
					old[r.Article+"\x00"+r.Pair.Target] = r
				}
			}
		}
	}
	type job struct {
		a    *track.ArticleStatus
		lang string
		v    *track.VersionStatus
		rec  tm.Record
		hit  bool
	}
	var jobs []*job
	for _, a := range l.status {
		if a.SourceFile == nil {
			continue
		}
		for lang, v := range a.Versions {
			if v.State != track.Current || v.Parsed == nil {
				continue
			}
			stamp, clean := memoryStamp(p.Root, a.SourceFile, v.Parsed, written, e.CacheGranularity)
			j := &job{a: a, lang: lang, v: v}
			if r, ok := old[a.ID+"\x00"+lang]; ok && clean && r.Stamp == stamp && r.Pair.Source == a.Source {
				j.rec, j.hit = r, true
			} else {
				j.rec = tm.Record{Article: a.ID, Pair: tm.Pair{Source: a.Source, Target: lang}, Stamp: stamp}
			}
			jobs = append(jobs, j)
		}
	}
	full := *p
	full.Cache, full.StatesOnly = nil, false
	misses := 0
	workers.Each(len(jobs), 0, func(i int) {
		j := jobs[i]
		if j.hit {
			return
		}
		src, tr := j.a.SourceFile, j.v.Parsed
		if src.Doc == nil {
			src = full.LoadFile(src.File)
		}
		if tr.Doc == nil {
			tr = full.LoadFile(tr.File)
		}
		if src.Err != nil || tr.Err != nil {
			j.rec.Stamp = "" // not kept
			return
		}
		if _, t, err := src.Doc.Date(); err == nil {
			j.rec.Date = t
		}
		j.rec.Pairs = interchange.MemoryPairs(src, tr)
	})
	sort.Slice(jobs, func(i, k int) bool {
		if jobs[i].a.ID != jobs[k].a.ID {
			return jobs[i].a.ID < jobs[k].a.ID
		}
		return jobs[i].lang < jobs[k].lang
	})
	m := tm.New()
	recs := make([]tm.Record, 0, len(jobs))
	for _, j := range jobs {
		if !j.hit {
			misses++
		}
		m.AddRecord(&j.rec)
		if j.rec.Stamp != "" {
			recs = append(recs, j.rec)
		}
	}
	lastMemoryMisses = misses
	if useCache && (misses > 0 || len(recs) != len(old)) {
		_ = cache.WriteBlob(p.Root, memoryBlob, key, tm.EncodeRecords(recs)) // best effort, as the status cache
	}
	e.addExternal(p, m)
	return m, nil
}

// lastMemoryMisses is how many translations the last memory build aligned
// (not found in the cache), for tests.
var lastMemoryMisses int

// cacheOn reports whether the caches under .ceviri/cache/ are used (see
// openCache).
func (e *Env) cacheOn() bool {
	v := e.Getenv(NoCacheEnv)
	return (v == "" || v == "0") && fastpath.On()
}

// memoryStamp identifies the files a translation's pairs were aligned
// from: their paths, sizes, times, inodes and fingerprints. clean is false
// when either file changed too close to when the memory was cached to
// trust its times (cache.Clean); an empty stamp is never trusted.
func memoryStamp(root string, src, tr *project.Version, written int64, granularity time.Duration) (stamp string, clean bool) {
	var b strings.Builder
	clean = true
	for _, v := range []*project.Version{src, tr} {
		st, ok := cache.StatFile(filepath.Join(root, filepath.FromSlash(v.Path)))
		if !ok {
			return "", false
		}
		clean = clean && cache.Clean(st, written, granularity)
		fmt.Fprintf(&b, "%s %d %d %d %d %d %s\n", v.Path, st.Size, st.Mtime, st.Ctime, st.Ino, st.Dev, v.Fingerprint)
	}
	return b.String(), clean
}

// addExternal adds the memories imported into memoryDir.
func (e *Env) addExternal(p *project.Project, m *tm.Memory) {
	r, err := os.OpenRoot(p.Root)
	if err != nil {
		return
	}
	defer r.Close()
	fsys := r.FS()
	entries, err := fs.ReadDir(fsys, memoryDir)
	if err != nil {
		return
	}
	for _, de := range entries {
		if de.IsDir() || !strings.EqualFold(path.Ext(de.Name()), ".tmx") {
			continue
		}
		name := memoryDir + "/" + de.Name()
		f, err := fsys.Open(name)
		if err != nil {
			e.Infof("%s", e.text().T("warning_line", "Msg", e.text().T("tm_not_used", "Err", diag.EscapeLine(name)+": "+localize(err, e.text()))))
			continue
		}
		x, err := tm.ReadTMX(name, f)
		f.Close()
		if err != nil {
			e.Infof("%s", e.text().T("warning_line", "Msg", e.text().T("tm_not_used", "Err", diag.Escape(localize(err, e.text())))))
			continue
		}
		m.AddTMX(x, de.Name(), func(tag string) (string, bool) { return projectLang(p.Config, tag) })
	}
}
