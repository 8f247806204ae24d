package cli

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/report"
	"github.com/ceviri/ceviri/internal/track"
)

// The report needs of every article what status does not keep: its title
// (from the front matter of its source) and, for an article with a stale
// translation, the word-level diff of what changed, for which the article
// is read again in full. Both are kept per article in the cache file
// reportBlob under a stamp of the files they come from, as the translation
// memory keeps its pairs (Env.memory): a warm report reads only the
// articles whose files changed. The cache is best effort and off with
// CEVIRI_NO_CACHE or CEVIRI_NO_FASTPATH; a report is the same with it or
// without.

// reportBlob is the report's file in .ceviri/cache/.
const reportBlob = "report.bin"

// reportRow is what the cache keeps of one article.
type reportRow struct {
	ID    string
	Stamp string
	Title string
	// Cells are the article's cells when it has a stale translation
	// (computed from the files read in full); nil otherwise, when the
	// cells come from status.
	Cells map[string]*report.Cell
}

// reportCache is the report cache of one run; nil when it is off.
type reportCache struct {
	root, key string
	written   int64 // when the cache file was last written (cache.Clean)
	old       map[string]*reportRow

	mu     sync.Mutex
	rows   []*reportRow // what this run computed or reused, to save
	misses int
}

// lastReportMisses is how many articles the last report did not find in
// its cache, for tests.
var lastReportMisses int

// openReportCache reads the report cache of p, or returns nil when the
// caches are off.
func (e *Env) openReportCache(p *project.Project, uiLang string) *reportCache {
	if !e.cacheOn() {
		return nil
	}
	cfg, err := fs.ReadFile(p.FS, config.FileName)
	if err != nil {
		return nil
	}
	// The rows' notes are in the page's language: another one is another
	// cache.
	rc := &reportCache{root: p.Root, key: cache.Key(buildIdentity()+"\x00"+uiLang, cfg), old: map[string]*reportRow{}}
	if data, w, ok := cache.ReadBlob(p.Root, reportBlob, rc.key); ok {
		if rows, err := decodeReportRows(data); err == nil {
			rc.written = w
			for _, r := range rows {
				if r != nil {
					rc.old[r.ID] = r
				}
			}
		}
	}
	return rc
}

// lookup returns the cached row of the article with this id when its
// stamp is stamp and the files' times can be trusted (clean).
func (rc *reportCache) lookup(id, stamp string, clean bool) (*reportRow, bool) {
	if rc == nil {
		return nil, false
	}
	r, ok := rc.old[id]
	hit := ok && clean && stamp != "" && r.Stamp == stamp
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if hit {
		rc.rows = append(rc.rows, r)
		return r, true
	}
	rc.misses++
	return nil, false
}

// put keeps the row computed for an article (not when its stamp is empty:
// a file could not be identified).
func (rc *reportCache) put(r *reportRow) {
	if rc == nil || r.Stamp == "" {
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.rows = append(rc.rows, r)
}

// save writes the cache when anything changed. Errors (a read-only
// checkout) are ignored.
func (rc *reportCache) save() {
	if rc == nil {
		return
	}
	lastReportMisses = rc.misses
	if rc.misses == 0 && len(rc.rows) == len(rc.old) {
		return
	}
	sort.Slice(rc.rows, func(i, k int) bool { return rc.rows[i].ID < rc.rows[k].ID })
	_ = cache.WriteBlob(rc.root, reportBlob, rc.key, encodeReportRows(rc.rows)) // best effort, as the status cache
}

// reportStamp identifies what the report's row of article a (art: its
// files) comes from. For an article with no stale translation that is the
// file its title is read from; for one with a stale translation, every
// file of the article, the translations' records (and the lock file that
// holds them), and the stored source copies the diffs are computed from.
// clean is false when a file changed too close to when the cache was
// written to trust its times (cache.Clean); an empty stamp is never
// trusted.
//
// srcMtime is the modification time of the article's source when it was
// looked at (nanoseconds since the epoch; 0 when not), for sourceAges.
func reportStamp(p *project.Project, art *project.Article, a *track.ArticleStatus, stale bool, written int64, granularity time.Duration) (stamp string, clean bool, srcMtime int64) {
	var b strings.Builder
	clean = true
	file := func(path, fingerprint string, mayLack bool) bool {
		st, ok := cache.StatFile(filepath.Join(p.Root, filepath.FromSlash(path)))
		if !ok {
			if mayLack {
				fmt.Fprintf(&b, "%q -\n", path)
			}
			return mayLack
		}
		if a.SourceFile != nil && path == a.SourceFile.Path {
			srcMtime = st.Mtime
		}
		clean = clean && cache.Clean(st, written, granularity)
		fmt.Fprintf(&b, "%q %d %d %d %d %d %q\n", path, st.Size, st.Mtime, st.Ctime, st.Ino, st.Dev, fingerprint)
		return true
	}
	if !stale {
		b.WriteString("title\n")
		if v := titleFile(p, a); v != nil && !file(v.Path, v.Fingerprint, false) {
			return "", false, 0
		}
		return b.String(), clean, srcMtime
	}
	b.WriteString("stale\n")
	langs := make([]string, 0, len(art.Versions))
	for l := range art.Versions {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		v := art.Versions[l]
		fmt.Fprintf(&b, "%q ", l)
		if !file(v.Path, v.Fingerprint, false) {
			return "", false, 0
		}
	}
	records := map[string]bool{}
	for _, l := range p.Config.Languages {
		v := a.Versions[l]
		if v == nil {
			continue
		}
		fmt.Fprintf(&b, "%q %q %q %t\n", l, v.State, v.Path, v.Placeholder)
		if v.Parsed == nil {
			continue
		}
		for _, r := range []*frontmatter.Record{v.Parsed.Record, v.Parsed.FileRecord} {
			if r == nil {
				b.WriteString("-\n")
				continue
			}
			fmt.Fprintf(&b, "%q %q %t %d %q\n", r.From, r.SourceHash, r.Draft, r.Line, r.File)
			if r.File != "" && !records[r.File] {
				records[r.File] = true
				if !file(r.File, "", true) {
					return "", false, 0
				}
			}
		}
		if r := v.Parsed.Record; r != nil && a.SourceFile != nil && r.SourceHash != a.SourceFile.Fingerprint {
			for _, sp := range []string{track.SnapshotPathOf(r.SourceHash, a.SourceFile.Path), track.SnapshotPath(r.SourceHash)} {
				if !file(sp, "", true) {
					return "", false, 0
				}
			}
		}
	}
	return b.String(), clean, srcMtime
}
