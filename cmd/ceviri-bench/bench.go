package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/corpusgen"
)

// bench measures one corpus size.
type bench struct {
	n, runs            int
	seed               uint64
	ceviri, hugo, self string
	dir                string
	limits             limits
}

// sizeResult is every measure at one size.
type sizeResult struct {
	Articles int               `json:"articles"`
	Files    int               `json:"files"`
	MB       float64           `json:"mb"`
	Results  map[string]result `json:"results"`
}

// The measures, in the order they are taken and reported.
const (
	mFloor      = "floor: read + SHA-256 every file, 2 workers"
	mNoCache    = "status, no cache (CEVIRI_NO_CACHE=1)"
	mCold       = "status, cold cache (cache removed; writes it)"
	mWarm       = "status, warm cache"
	mCheck      = "check"
	mBuild      = "build, full (no output, no build cache)"
	mBuildIncr  = "build, one article changed"
	mHugo       = "hugo, same content to disk"
	corpusStamp = ".ceviri-bench-corpus"
)

var order = []string{mFloor, mNoCache, mCold, mWarm, mCheck, mBuild, mBuildIncr, mHugo}

func (b *bench) run() (sizeResult, error) {
	proj, site := filepath.Join(b.dir, "project"), filepath.Join(b.dir, "hugo")
	res := sizeResult{Articles: b.n, Results: map[string]result{}}
	if time.Until(b.limits.deadline) < time.Minute {
		for _, name := range order {
			res.Results[name] = result{Name: name, NA: "time budget of the whole benchmark spent"}
		}
		logf("%d articles: skipped, the time budget is spent", b.n)
		return res, nil
	}
	if err := b.corpus(proj, site); err != nil {
		return res, err
	}
	files, size, err := floor(filepath.Join(proj, "articles"), 1)
	if err != nil {
		return res, err
	}
	res.Files, res.MB = files, float64(size)/1e6
	logf("%d articles: %d files, %.0f MB, %d runs per measure", b.n, files, res.MB, b.runs)

	ceviri := func(args ...string) []string { return append([]string{b.ceviri, "--root", proj}, args...) }
	noCache := []string{"CEVIRI_NO_CACHE=1"}
	dropCache := func(int) error { return os.RemoveAll(filepath.Join(proj, ".ceviri", "cache")) }
	out := filepath.Join(b.dir, "dist")
	problemsOK := func(code int) bool { return code == 0 || code == 1 } // findings, or a build refused by policy

	b.take(&res, mFloor, job{args: []string{b.self, "floor", filepath.Join(proj, "articles")}})
	b.take(&res, mNoCache, job{args: ceviri("status"), env: noCache})
	b.take(&res, mCold, job{args: ceviri("status"), before: dropCache})
	// One untimed run after the racy-clean window, so that the cache is
	// complete and every file in it is trusted.
	time.Sleep(2100 * time.Millisecond)
	_, _ = job{args: ceviri("status")}.run(b.limits.runTimeout())
	b.take(&res, mWarm, job{args: ceviri("status")})
	b.take(&res, mCheck, job{args: ceviri("check"), okExit: problemsOK})
	b.take(&res, mBuild, job{args: ceviri("build", "--out", out), okExit: problemsOK,
		before: func(int) error {
			if err := dropBuildCaches(proj); err != nil {
				return err
			}
			return os.RemoveAll(out)
		}})
	if r := res.Results[mBuild]; r.NA != "" {
		res.Results[mBuildIncr] = result{Name: mBuildIncr, NA: r.NA}
	} else {
		// The corpus is edited: until it is put back, it is not reusable.
		stamp := filepath.Join(b.dir, corpusStamp)
		saved, err := os.ReadFile(stamp)
		if err != nil {
			return res, err
		}
		if err := os.Remove(stamp); err != nil {
			return res, err
		}
		ed := &editor{proj: proj, n: b.n}
		b.take(&res, mBuildIncr, job{args: ceviri("build", "--out", out), okExit: problemsOK, before: ed.next})
		if err := ed.restore(); err != nil {
			return res, err
		}
		if err := os.WriteFile(stamp, saved, 0o644); err != nil {
			return res, err
		}
	}
	if b.hugo == "" {
		res.Results[mHugo] = result{Name: mHugo, NA: "hugo not installed"}
	} else {
		hout := filepath.Join(b.dir, "hugo-public")
		b.take(&res, mHugo, job{args: []string{b.hugo, "--source", site, "--destination", hout, "--quiet"},
			env:    []string{"HUGO_CACHEDIR=" + filepath.Join(b.dir, "hugo-cache")},
			before: func(int) error { return os.RemoveAll(hout) }})
	}
	return res, nil
}

// take measures and logs one figure.
func (b *bench) take(res *sizeResult, name string, j job) {
	r := measure(name, j, b.runs, b.limits)
	res.Results[name] = r
	if r.NA != "" {
		logf("  %-48s n/a (%s)", name, r.NA)
		return
	}
	logf("  %-48s %8.3f s  (%d runs, %.3f-%.3f)  %6.0f MB", name, r.Median, r.Runs, r.Min, r.Max, r.RSS)
}

// corpus generates the project and the Hugo site, or reuses the ones a
// previous run generated with the same size and seed.
func (b *bench) corpus(proj, site string) error {
	stamp := filepath.Join(b.dir, corpusStamp)
	want := fmt.Sprintf("articles=%d seed=%d format=%s\n", b.n, b.seed, corpusgen.Format)
	if got, err := os.ReadFile(stamp); err == nil && string(got) == want {
		logf("%d articles: reusing %s", b.n, b.dir)
		return nil
	}
	if err := os.RemoveAll(b.dir); err != nil {
		return err
	}
	start := time.Now()
	hugoDir := ""
	if b.hugo != "" {
		hugoDir = site
	}
	st, err := corpusgen.Generate(corpusgen.Options{Dir: proj, Articles: b.n, Seed: b.seed, HugoDir: hugoDir})
	if err != nil {
		return err
	}
	logf("%d articles: generated %d files in %.1f s (translations: %v)", b.n, st.Files, time.Since(start).Seconds(), st.States)
	return os.WriteFile(stamp, []byte(want), 0o644)
}

// dropBuildCaches removes what earlier builds left in .ceviri/cache/ (all
// but the status cache), so that a full build starts from nothing.
func dropBuildCaches(proj string) error {
	dir := filepath.Join(proj, filepath.FromSlash(cache.Dir))
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil // no caches
	}
	for _, e := range ents {
		if e.Name() != cache.FileName {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// editor changes one source article before each incremental build, a
// different one each time, and puts them all back afterwards.
type editor struct {
	proj  string
	n     int
	saved map[string][]byte
}

func (e *editor) next(run int) error {
	if e.saved == nil {
		e.saved = map[string][]byte{}
	}
	name := filepath.Join(e.proj, "articles", corpusgen.ID((run*7919+13)%e.n), "tr.md")
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if _, ok := e.saved[name]; !ok {
		e.saved[name] = data
	}
	edited := bytes.Replace(data, []byte("\n\n"), []byte("\n\nDüzeltme: bu haber güncellendi.\n\n"), 2)
	return os.WriteFile(name, edited, 0o644)
}

func (e *editor) restore() error {
	for name, data := range e.saved {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
}

// report prints one Markdown table per size, with the ratios the targets
// are stated in.
func report(w io.Writer, all []sizeResult) {
	for _, s := range all {
		fmt.Fprintf(w, "\n### %d articles (%d files, %.0f MB)\n\n", s.Articles, s.Files, s.MB)
		fmt.Fprintln(w, "| measure | median | runs | peak RSS | ratio |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---|")
		r := s.Results
		ratio := map[string]string{
			mNoCache:   ratioOf(r[mNoCache], r[mFloor], "floor"),
			mCold:      ratioOf(r[mCold], r[mFloor], "floor"),
			mWarm:      ratioOf(r[mWarm], r[mFloor], "floor"),
			mCheck:     ratioOf(r[mCheck], r[mNoCache], "status without cache"),
			mBuild:     ratioOf(r[mBuild], r[mHugo], "Hugo"),
			mBuildIncr: ratioOf(r[mBuildIncr], r[mBuild], "full build"),
		}
		for _, name := range order {
			m, ok := r[name]
			if !ok {
				continue
			}
			if m.NA != "" {
				fmt.Fprintf(w, "| %s | n/a | | | %s |\n", name, m.NA)
				continue
			}
			fmt.Fprintf(w, "| %s | %.3f s | %d | %.0f MB | %s |\n", name, m.Median, m.Runs, m.RSS, ratio[name])
		}
	}
	if len(all) > 1 {
		fmt.Fprintf(w, "\n### Scaling (median seconds)\n\n| measure |")
		for _, s := range all {
			fmt.Fprintf(w, " %d |", s.Articles)
		}
		fmt.Fprint(w, "\n|---|")
		for range all {
			fmt.Fprint(w, "---:|")
		}
		fmt.Fprintln(w)
		for _, name := range order {
			fmt.Fprintf(w, "| %s |", name)
			for _, s := range all {
				if m := s.Results[name]; m.NA == "" && m.Runs > 0 {
					fmt.Fprintf(w, " %.3f |", m.Median)
				} else {
					fmt.Fprint(w, " n/a |")
				}
			}
			fmt.Fprintln(w)
		}
	}
}

func ratioOf(a, b result, what string) string {
	if a.NA != "" || b.NA != "" || a.Runs == 0 || b.Runs == 0 || b.Median == 0 {
		return ""
	}
	return fmt.Sprintf("%.2fx %s", a.Median/b.Median, what)
}
