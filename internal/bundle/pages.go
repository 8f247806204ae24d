package bundle

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ceviri/ceviri/internal/workers"
)

// job is one page to render or reuse.
type job struct {
	e    *entry
	next *previous // what the tree being written holds, when its pages may be kept
	live *previous // the live bundle, when its pages may be linked
}

// pages renders (or reuses) every article page of the languages built. It
// returns the old manifests of the trees written, for prune.
func (s *site) pages(st *stage, build []*langPlan, inputs string, opts Options, res *Result) (map[string]*Manifest, error) {
	var jobs []job
	var groups [][]job // by article, so that its files are read once
	byID := map[string]int{}
	olds := map[string]*Manifest{}
	for _, lp := range build {
		m, err := st.prepare(lp.lang)
		if err != nil {
			return nil, err
		}
		olds[lp.lang] = m
		var next, live *previous
		if !opts.Full {
			next = previousOf(m, inputs)
			// The live bundle is worth reading (a manifest of every file) only
			// when the tree being written lacks many pages; a few are cheaper
			// to render again.
			if next == nil || next.missing(lp.entries) > 100 {
				live = previousOf(readManifest(st.out.Root(), lp.lang), inputs)
			}
		}
		for _, e := range lp.entries {
			j := job{e: e, next: next, live: live}
			jobs = append(jobs, j)
			i, ok := byID[e.a.ID]
			if !ok {
				i = len(groups)
				byID[e.a.ID] = i
				groups = append(groups, nil)
			}
			groups[i] = append(groups[i], j)
		}
	}
	var done atomic.Int64
	var mu sync.Mutex
	var firstErr error
	perLang := map[string]*[2]atomic.Int64{}
	for _, lp := range build {
		perLang[lp.lang] = &[2]atomic.Int64{}
	}
	workers.Each(len(groups), opts.Workers, func(i int) {
		c := &docCache{}
		for _, j := range groups[i] {
			var err error
			switch {
			case j.next.has(j.e):
				_ = eachPageFile(j.e.a, func(rel string) error {
					st.keep(j.e.lang, rel, j.next.files[rel])
					return nil
				})
				perLang[j.e.lang][1].Add(1)
			case j.live.has(j.e) && j.live.linkTo(st, j.e) == nil:
				perLang[j.e.lang][1].Add(1)
			default:
				err = s.renderTo(st, j.e, c)
				perLang[j.e.lang][0].Add(1)
			}
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
			n := int(done.Add(1))
			if opts.Progress != nil {
				opts.Progress(n, len(jobs))
			}
		}
	})
	if firstErr != nil {
		return nil, firstErr
	}
	for i := range res.Langs {
		if c := perLang[res.Langs[i].Lang]; c != nil {
			res.Langs[i].Rendered = int(c[0].Load())
			res.Langs[i].Reused = int(c[1].Load())
		}
	}
	return olds, nil
}

func (s *site) renderTo(st *stage, e *entry, c *docCache) error {
	html, data, err := s.renderArticle(e, c)
	if err != nil {
		return err
	}
	if err := st.mkdir(e.lang, e.a.ID); err != nil {
		return err
	}
	if err := st.writeIn(e.lang, e.a.ID+"/index.html", html); err != nil {
		return err
	}
	if err := st.writeIn(e.lang, e.a.ID+"/index.json", data); err != nil {
		return err
	}
	for _, a := range e.a.Assets {
		data, err := c.asset(s, a)
		if err != nil {
			return err
		}
		if err := st.writeIn(e.lang, assetName(e.a.ID, a), data); err != nil {
			return err
		}
	}
	return nil
}

// previous is a bundle whose pages a build may take over: the live one, or
// the one in the tree being written.
type previous struct {
	articles map[string]string // id -> inputs
	files    map[string]string // path -> hash
}

// previousOf returns the pages of the bundle in dir described by m, or nil
// (reuse nothing) when there is no manifest or the bundle was built from
// other shared inputs (templates, chrome strings, ceviri.yaml, ceviri's
// version).
func previousOf(m *Manifest, inputs string) *previous {
	if m == nil || m.Inputs != inputs {
		return nil
	}
	pv := &previous{articles: map[string]string{}, files: m.Files}
	for _, a := range m.Articles {
		pv.articles[a.ID] = a.Inputs
	}
	return pv
}

// pageFiles are the files of one article in a bundle.
var pageFiles = []string{"index.html", "index.json"}

// has reports whether the bundle holds e's pages built from the same
// inputs.
func (pv *previous) has(e *entry) bool {
	if pv == nil || pv.articles[e.a.ID] != "sha256:"+e.a.Key {
		return false
	}
	for _, f := range pageFiles {
		if !strings.HasPrefix(pv.files[e.a.ID+"/"+f], "sha256:") {
			return false
		}
	}
	for _, a := range e.a.Assets {
		if !strings.HasPrefix(pv.files[assetName(e.a.ID, a)], "sha256:") {
			return false
		}
	}
	return true
}

// missing counts the entries whose pages the bundle lacks.
func (pv *previous) missing(es []*entry) int {
	n := 0
	for _, e := range es {
		if !pv.has(e) {
			n++
		}
	}
	return n
}

// linkTo stages e's pages from this bundle.
func (pv *previous) linkTo(st *stage, e *entry) error {
	return eachPageFile(e.a, func(rel string) error { return st.link(e.lang, rel, pv.files[rel]) })
}
