package bundle

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/workers"
	"gopkg.in/yaml.v3"
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
	Versions    map[string]*version // by language; absent: missing
	// Files are the stats of the article's files, taken before they were
	// read, so that the next build can tell they did not change without
	// reading them (see loadArticle).
	Files []fileStat
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
	workers.Each(len(groups), nworkers, func(i int) {
		out[i], errs[i] = loadArticle(p, groups[i], cached)
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
func loadArticle(p *project.Project, files []project.File, cached *metaCache) (*article, []error) {
	id := files[0].ID
	if err := project.ValidID(id); err != nil {
		return nil, []error{diag.Errorf(files[0].Path, 1, 1, "%v", err)}
	}
	if err := reservedID(id); err != nil {
		return nil, []error{diag.Errorf(files[0].Path, 1, 1, "%v", err)}
	}
	// Stat the files before reading them: an edit made after the stat is
	// then seen by the next build, whose stat differs.
	stats := make([]fileStat, len(files))
	statsOK := true
	for i, f := range files {
		st, ok := cache.StatFile(filepath.Join(p.Root, filepath.FromSlash(f.Path)))
		stats[i] = fileStat{Path: f.Path, Stat: st}
		statsOK = statsOK && ok
	}
	if !statsOK {
		stats = nil // nothing to record, nothing to compare
	} else if a := cached.byStat(id, stats); a != nil {
		return a, nil // no file changed since the last build read them
	}
	pa := &project.Article{ID: id, Versions: map[string]*project.Version{}}
	h := sha256.New()
	writeField(h, id)
	var errs []error
	datas := make([][]byte, len(files))
	for i, f := range files {
		data, err := p.ReadFile(f.Path)
		if err != nil {
			errs = append(errs, diag.Errorf(f.Path, 1, 1, "%v", err))
			continue
		}
		writeField(h, f.Lang)
		writeField(h, f.Path)
		writeBytes(h, data)
		datas[i] = data
	}
	if len(errs) > 0 {
		return nil, errs
	}
	key := hex.EncodeToString(h.Sum(nil))
	if a := cached.byKey(key); a != nil && a.ID == id {
		b := *a
		b.Files = stats
		return &b, nil
	}
	for i, f := range files {
		v := project.Parse(f, datas[i], p.Config)
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
	a := &article{ID: id, Key: key, Source: st.Source, Versions: map[string]*version{}, Files: stats}
	if src := st.SourceFile; src != nil {
		a.Fingerprint = src.Fingerprint
		if f, ok := src.Doc.Get("date"); ok {
			t, err := parseDate(f.Value.Value)
			if err != nil || f.Value.Kind != yaml.ScalarNode {
				errs = append(errs, diag.Errorf(src.Path, f.Value.Line, f.Value.Column, "%v", err))
			}
			a.Date, a.Time = f.Value.Value, t
		}
		var err error
		if a.Authors, err = authorsOf(src.Doc); err != nil {
			errs = append(errs, err)
		}
		if a.Tags, err = stringList(src.Doc, "tags"); err != nil {
			errs = append(errs, err)
		}
	}
	for lang, vs := range st.Versions {
		v := &version{State: vs.State, Path: vs.Path}
		if f := vs.File; f != nil {
			v.Title = scalar(f.Doc, "title")
			v.Summary = scalar(f.Doc, "summary")
			v.Words = f.Words
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
		return fmt.Errorf("article id %q collides with the bundle file %q; rename the article", id, first)
	}
	return nil
}

// scalar returns a front-matter string field, or "".
func scalar(d *frontmatter.Doc, key string) string {
	if d == nil {
		return ""
	}
	if f, ok := d.Get(key); ok && f.Value.Kind == yaml.ScalarNode {
		return f.Value.Value
	}
	return ""
}

// stringList reads a list of strings (or a single string).
func stringList(d *frontmatter.Doc, key string) ([]string, error) {
	f, ok := d.Get(key)
	if !ok {
		return nil, nil
	}
	switch f.Value.Kind {
	case yaml.ScalarNode:
		if f.Value.Value == "" {
			return nil, nil
		}
		return []string{f.Value.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, n := range f.Value.Content {
			if n.Kind != yaml.ScalarNode {
				return nil, diag.Errorf(d.Name, n.Line, n.Column, "%s: each item must be a string", key)
			}
			if strings.TrimSpace(n.Value) != "" { // Hugo sites leave empty tags behind
				out = append(out, n.Value)
			}
		}
		return out, nil
	}
	return nil, diag.Errorf(d.Name, f.Value.Line, f.Value.Column, "%s must be a list of strings", key)
}

// authorsOf reads authors: a list of {name: ...}, a list of names, or a
// single author: name.
func authorsOf(d *frontmatter.Doc) ([]Author, error) {
	if f, ok := d.Get("authors"); ok {
		if f.Value.Kind != yaml.SequenceNode {
			return nil, diag.Errorf(d.Name, f.Value.Line, f.Value.Column, "authors must be a list of {name: ...}")
		}
		var out []Author
		for _, n := range f.Value.Content {
			switch n.Kind {
			case yaml.ScalarNode:
				out = append(out, Author{Name: n.Value})
			case yaml.MappingNode:
				var a Author
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == "name" {
						a.Name = n.Content[i+1].Value
					}
				}
				if a.Name == "" {
					return nil, diag.Errorf(d.Name, n.Line, n.Column, "an author needs a name")
				}
				out = append(out, a)
			default:
				return nil, diag.Errorf(d.Name, n.Line, n.Column, "an author is a name or {name: ...}")
			}
		}
		return out, nil
	}
	if s := scalar(d, "author"); s != "" {
		return []Author{{Name: s}}, nil
	}
	return nil, nil
}
