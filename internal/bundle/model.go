package bundle

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/workers"
)

// article is what the first pass learns about one article: enough to decide
// in which bundles it appears, to sort and list it, and to tell whether its
// pages can be reused. Its bodies are not kept: the second pass reads them
// again, so memory does not grow with the size of the site's text.
type article struct {
	ID          string
	Key         string // hex SHA-256 of the article's files (see inputKey)
	Source      string // source language; "" for an orphan
	Fingerprint string // the source version's fingerprint
	Date        string // the source's date as written
	Time        time.Time
	Authors     []Author
	Tags        []string
	// LocalDate: date is a local field (config local:), so that each
	// version's page shows its own (version.Date), never the source's.
	LocalDate bool
	Versions  map[string]*version // by language; absent: missing
	// Files are the stats of the article's files, taken before they were
	// read, so that the next build can tell they did not change without
	// reading them (see loadArticle), its assets' included.
	Files []fileStat
	// Assets are the files copied beside its pages (listAssets), sorted;
	// Dirs the stats of the directories they were listed from.
	Assets []string
	Dirs   []fileStat
}

// fileStat is one file of an article as the first pass found it.
type fileStat struct {
	Path string
	Stat cache.Stat
}

// version is one language version as the first pass saw it.
type version struct {
	State   track.State
	Path    string
	Title   string
	Summary string
	Words   int
	// HasFile: the version has a file (a missing version may have one:
	// a placeholder), whose local fields its language's page shows.
	HasFile bool
	// Date and Time are the version's own date, read when date is a local
	// field (article.LocalDate).
	Date string
	Time time.Time
}

// Author is an article's author as bundles list it.
type Author struct {
	Name string `json:"name"`
}

// loadArticles reads every article of files (sorted by id, as Scan
// returns them) in parallel and returns what the first pass needs, in id
// order. Every problem in every file is returned, sorted.
func loadArticles(p *project.Project, files []project.File, nworkers int, cached *metaCache) ([]*article, []error) {
	groups := project.GroupFiles(files)
	out := make([]*article, len(groups))
	errs := make([][]error, len(groups))
	owners := assetDirs(files)
	workers.Each(len(groups), nworkers, func(i int) {
		out[i], errs[i] = loadArticle(p, groups[i], cached, owners)
	})
	var all []error
	for _, e := range errs {
		all = append(all, e...)
	}
	diag.Sort(all)
	return out, all
}

// loadArticle reads and analyses the files of one article. When cached
// holds an article with the same files (by hash), that is returned instead
// of parsing the files again.
func loadArticle(p *project.Project, files []project.File, cached *metaCache, owners map[string]string) (*article, []error) {
	id := files[0].ID
	if err := project.ValidID(id); err != nil {
		return nil, []error{&diag.PosError{File: files[0].Path, Line: 1, Col: 1, Err: err}}
	}
	if err := reservedID(id); err != nil {
		return nil, []error{&diag.PosError{File: files[0].Path, Line: 1, Col: 1, Err: err}}
	}
	// Stat the files before reading them: an edit made after the stat is
	// then seen by the next build, whose stat differs.
	assets, dirs := assetsOf(p.Root, p.FS, id, ownDirs(id, files, owners), cached)
	stats := make([]fileStat, 0, len(files)+len(assets))
	statsOK := true
	for _, f := range files {
		st, ok := cache.StatFile(filepath.Join(p.Root, filepath.FromSlash(f.Path)))
		stats = append(stats, fileStat{Path: f.Path, Stat: st})
		statsOK = statsOK && ok
	}
	for _, a := range assets {
		st, ok := cache.StatFile(filepath.Join(p.Root, filepath.FromSlash(a)))
		stats = append(stats, fileStat{Path: a, Stat: st})
		statsOK = statsOK && ok
	}
	if !statsOK {
		stats = nil // nothing to record, nothing to compare
	} else if a := cached.byStat(id, stats); a != nil {
		// No file changed since the last build read them (its directories
		// may have, without a change of assets: record them as they are).
		if !slices.Equal(a.Dirs, dirs) {
			b := *a
			b.Dirs = dirs
			return &b, nil
		}
		return a, nil
	}
	pa := &project.Article{ID: id, Versions: map[string]*project.Version{}}
	h := sha256.New()
	writeField(h, id)
	var errs []error
	datas := make([][]byte, len(files))
	for i, f := range files {
		data, err := p.ReadFile(f.Path)
		if err != nil {
			errs = append(errs, &diag.PosError{File: f.Path, Line: 1, Col: 1, Err: err})
			continue
		}
		writeField(h, f.Lang)
		writeField(h, f.Path)
		writeBytes(h, data)
		// A record kept in the lock file is part of what the version is.
		if r, ok := p.Lock.Get(f.ID, f.Lang); ok {
			writeField(h, fmt.Sprintf("lock %s %s %v", r.From, r.SourceHash, r.Draft))
		}
		datas[i] = data
	}
	for _, a := range assets {
		data, err := p.ReadFile(a)
		if err != nil {
			errs = append(errs, &diag.PosError{File: a, Line: 1, Col: 1, Err: err})
			continue
		}
		writeField(h, "asset "+a)
		writeBytes(h, data)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	key := hex.EncodeToString(h.Sum(nil))
	if a := cached.byKey(key); a != nil && a.ID == id {
		b := *a
		b.Files, b.Dirs = stats, dirs
		return &b, nil
	}
	for i, f := range files {
		v := p.ParseVersion(f, datas[i]) // with its record from the lock file
		if v.Err != nil {
			errs = append(errs, v.Err)
			continue
		}
		pa.Versions[f.Lang] = v
	}
	if len(errs) > 0 {
		return nil, errs
	}
	st := track.AnalyzeArticle(p, pa)
	// What check reports as invalid-front-matter (frontmatter.CheckFields
	// through check's meta.go) is exactly what stops the build here, so that
	// check passes only what build can publish; the readers below cannot
	// fail after it.
	for _, lang := range sortedLangs(pa.Versions) {
		v := pa.Versions[lang]
		errs = append(errs, v.Doc.CheckFields(v == st.SourceFile)...)
	}
	if len(errs) > 0 {
		diag.Sort(errs)
		return nil, errs
	}
	a := &article{ID: id, Key: key, Source: st.Source, Versions: map[string]*version{}, Files: stats,
		LocalDate: p.Config.IsLocal("date"), Assets: assets, Dirs: dirs}
	if src := st.SourceFile; src != nil {
		a.Fingerprint = src.Fingerprint
		a.Date, a.Time, _ = src.Doc.Date()
		names, _ := src.Doc.Authors()
		for _, n := range names {
			a.Authors = append(a.Authors, Author{Name: n})
		}
		a.Tags, _ = src.Doc.Strings("tags")
	}
	for lang, vs := range st.Versions {
		v := &version{State: vs.State, Path: vs.Path}
		if f := vs.Parsed; f != nil {
			v.Title = scalar(f.Doc, "title")
			v.Summary = scalar(f.Doc, "summary")
			v.Words = f.Words
			v.HasFile = true
			if a.LocalDate {
				// A date that cannot be read is none (a translation's
				// date is not checked; a source's is, above).
				v.Date, v.Time, _ = f.Doc.Date()
			}
		}
		a.Versions[lang] = v
	}
	return a, errs
}

// writeField hashes s with its length, so that field boundaries cannot
// shift between two different inputs with the same bytes.
func writeField(h interface{ Write([]byte) (int, error) }, s string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}

// writeBytes is writeField for bytes, without copying them into a string.
func writeBytes(h interface{ Write([]byte) (int, error) }, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// reserved names the files at the top of a bundle, which an article's
// directory must not shadow.
var reserved = map[string]bool{"index.json": true, "index.html": true, "messages.json": true,
	"sitemap.xml": true, "feed.xml": true, "manifest.json": true}

func reservedID(id string) error {
	first := id
	for i := 0; i < len(id); i++ {
		if id[i] == '/' {
			first = id[:i]
			break
		}
	}
	if reserved[first] {
		return clitext.NewError("build_err_reserved_id", "ID", strconv.Quote(id), "File", strconv.Quote(first))
	}
	return nil
}

// scalar returns a front-matter string field, or "".
func scalar(d *frontmatter.Doc, key string) string {
	if d == nil {
		return ""
	}
	if f, ok := d.Get(key); ok && f.Value.Kind == frontmatter.Scalar && f.Value.Type != frontmatter.Null {
		return f.Value.Value
	}
	return ""
}

// sortedLangs returns the languages of versions in order, so that errors
// come out the same on every build.
func sortedLangs(versions map[string]*project.Version) []string {
	langs := make([]string, 0, len(versions))
	for l := range versions {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return langs
}
