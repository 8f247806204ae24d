package cache

import (
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/project"
)

// Most versions need no segments for status: a source whose translations
// are current, a current or stale translation, an untracked one. Keeping
// them out makes the cache a tenth of the size, and it is their decoding
// that a warm status would otherwise spend its time on. Which versions do
// need them depends on the other versions of the article, so the cache
// decides it per article when it is saved (needsSegments), and Complete
// reads again, before status compares anything, a version whose segments
// were left out but are needed now.

// storeDir holds stored source copies (track.StoreDir); their segments are
// always kept, since they are looked up only to be compared.
const storeDir = ".ceviri/"

// needsSegments returns the paths, among the versions of one article, whose
// segments status will use: every version without a translation record when
// some translation is a draft or records another fingerprint than one of
// them (the source is compared with the recorded copy), and every draft.
func needsSegments(group []*entry) map[string]bool {
	keep := map[string]bool{}
	var sources []*entry
	behind := false
	for _, e := range group {
		switch r := e.v.Record; {
		case strings.HasPrefix(e.v.Path, storeDir):
			keep[e.v.Path] = true
		case r == nil:
			sources = append(sources, e)
		case r.Draft:
			keep[e.v.Path] = true
			behind = true
		}
	}
	for _, e := range group {
		if r := e.v.Record; r != nil && !strings.HasPrefix(e.v.Path, storeDir) {
			for _, s := range sources {
				if s.v.Fingerprint != r.SourceHash {
					behind = true
				}
			}
		}
	}
	if behind {
		for _, s := range sources {
			keep[s.v.Path] = true
		}
	}
	return keep
}

// byArticle groups entries by article id.
func byArticle(entries map[string]entry) map[string][]*entry {
	out := map[string][]*entry{}
	for p := range entries {
		e := entries[p]
		out[e.v.ID] = append(out[e.v.ID], &e)
	}
	return out
}

// Complete gives their segments to the versions in versions that status
// needs them for (see needsSegments) but that Load returned without: one
// parsed in this run gets them decoded from the copy the cache keeps, one
// that came from the cache without them (its article has fallen behind
// since the cache was written) is read again. Call it after loading and
// before analysing; without it, status would see too few segments.
func (c *Cache) Complete(versions []*project.Version, read func(project.File) *project.Version) {
	c.mu.Lock()
	partial := len(c.partial) > 0
	c.mu.Unlock()
	if !partial {
		return
	}
	groups := map[string][]*entry{}
	index := map[string]int{}
	for i, v := range versions {
		if v.Err != nil {
			continue
		}
		index[v.Path] = i
		groups[v.ID] = append(groups[v.ID], &entry{v: v})
	}
	var redo []int
	for _, g := range groups {
		for p := range needsSegments(g) {
			c.mu.Lock()
			inSeen, lacking := c.partial[p]
			e := c.seen[p]
			c.mu.Unlock()
			switch {
			case !lacking:
			case inSeen && e.segs != nil:
				// Parsed in this run: decode the copy kept for saving.
				if v, ok := e.version(versions[index[p]].File); ok {
					versions[index[p]] = v
					continue
				}
				redo = append(redo, index[p])
			default:
				redo = append(redo, index[p])
			}
		}
	}
	sort.Ints(redo)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := min(runtime.GOMAXPROCS(0), len(redo)); w > 0; w-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := versions[i].File
				versions[i] = c.load(f, nil, func() *project.Version { return read(f) }, false)
			}
		}()
	}
	for _, i := range redo {
		next <- i
	}
	close(next)
	wg.Wait()
}
