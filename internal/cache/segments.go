package cache

import (
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// Most versions need no segments for status: a source whose translations
// are current, a current or stale translation, an untracked one. Keeping
// them out makes the cache a tenth of the size, and it is their decoding
// that a warm status would otherwise spend its time on. Which versions do
// need them depends on the other versions of the article, so the cache
// decides it per article when it is saved (needsSegments), and Complete
// reads again, before status compares anything, a version whose segments
// were left out but are needed now.

// storeDir holds stored source copies (track.StoreDir).
const storeDir = ".ceviri/"

// fingerprints says what fingerprint the cache knows for a path (a stored
// source copy), and whether it knows one.
type fingerprints func(path string) (string, bool)

// behind reports whether a translation's record makes status compare the
// source with the recorded version: it names another fingerprint than the
// source's, and the stored copy it names is not known to have the source's
// fingerprint (a record made under another configuration whose copy
// segments as the source does is current: track.LoadRecorded).
func behind(r *frontmatter.Record, source *entry, copies fingerprints) bool {
	if source.v.Fingerprint == r.SourceHash {
		return false
	}
	fp, ok := copies(track.SnapshotPathOf(r.SourceHash, source.v.Path))
	return !ok || fp != source.v.Fingerprint
}

// needsSegments returns the paths, among the versions of one article, whose
// segments status will use: every draft, and every version without a
// translation record when some translation is a draft or is behind it.
// Stored source copies are left to neededCopies.
func needsSegments(group []*entry, copies fingerprints) map[string]bool {
	keep := map[string]bool{}
	var sources []*entry
	compared := false
	for _, e := range group {
		switch r := e.v.Record; {
		case strings.HasPrefix(e.v.Path, storeDir):
		case r == nil:
			sources = append(sources, e)
		case r.Draft:
			keep[e.v.Path] = true
			compared = true
		}
	}
	for _, e := range group {
		if r := e.v.Record; r != nil && !strings.HasPrefix(e.v.Path, storeDir) {
			for _, s := range sources {
				if behind(r, s, copies) {
					compared = true
				}
			}
		}
	}
	if compared {
		for _, s := range sources {
			keep[s.v.Path] = true
		}
	}
	return keep
}

// neededCopies returns the stored source copies whose segments status will
// use: those named by a record of a translation that is behind its source.
// A copy with the source's fingerprint (the usual one after a change of
// configuration) is only looked up for that fingerprint.
func neededCopies(groups map[string][]*entry, copies fingerprints) map[string]bool {
	need := map[string]bool{}
	for _, group := range groups {
		for _, e := range group {
			r := e.v.Record
			if r == nil || strings.HasPrefix(e.v.Path, storeDir) {
				continue
			}
			for _, s := range group {
				if s.v.Record == nil && !strings.HasPrefix(s.v.Path, storeDir) && behind(r, s, copies) {
					need[track.SnapshotPathOf(r.SourceHash, s.v.Path)] = true
				}
			}
		}
	}
	return need
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
	// Fingerprints of stored copies as the last run saw them: a copy
	// changed since is compared all the same (track reads what it lacks).
	copies := func(path string) (string, bool) {
		e, ok := c.old[path]
		if !ok {
			return "", false
		}
		return e.v.Fingerprint, true
	}
	for _, g := range groups {
		for p := range needsSegments(g, copies) {
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
