// Package project is the model of a ceviri project: its configuration, the
// layout of its files, and its articles, each with one language version per
// file. Loading reads every version once, in parallel, and parses it into
// front matter, translation record and segments.
package project

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/lockfile"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/workers"
)

// Project is an opened ceviri project.
type Project struct {
	Root   string         // absolute path of the directory holding ceviri.yaml
	FS     fs.FS          // the project's files; symlinks cannot leave Root
	Config *config.Config // the parsed ceviri.yaml
	Layout *Layout        // where language versions live
	// Lock holds the records kept outside the translations
	// (config.LockFileName); empty when the project has none.
	Lock  *lockfile.File
	Cache Cache // optional: parsed versions kept between runs (see Cache)
	// StatesOnly makes loading skip the segmentation of translations that
	// have a record and are not drafts: their Fields, Body, Fingerprint and
	// Words stay empty; and it drops every version's Doc and segment texts
	// once parsed. Deciding states and counting changed segments and
	// pending words never uses them (only the hashes, kinds and words of
	// the source's segments and a draft's), segmentation is most of the
	// cost of loading, and the Docs and texts most of its memory. Set it
	// only for that.
	StatesOnly bool

	// Skipped lists, after Scan, the files the content templates would
	// match but that ceviri cannot read (Layout.Skipped), in path order.
	Skipped []Skip

	infos map[string]fs.FileInfo // what Scan learnt of each file, kept for Cache
	dirFD int                    // the project's directory, for ReadFile; 0: none
}

// Skip is a file Scan left out, and why.
type Skip struct {
	Path string `json:"path"`
	Why  string `json:"why"` // in English
	// Reason is Why in ceviri's words, to be written in the reader's
	// language.
	Reason clitext.Text `json:"-"`
}

// ErrNotFound is returned by Find when no ceviri.yaml is found.
var ErrNotFound = clitext.NewError("project_not_found")

// Find returns the directory holding ceviri.yaml, walking up from start.
func Find(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNotFound
		}
		dir = parent
	}
}

// Open reads the project rooted at root.
func Open(root string) (*Project, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(abs)
	if err != nil {
		return nil, clitext.Wrap(err, "project_open")
	}
	fsys := r.FS()
	data, err := readLimited(fsys, config.FileName)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, clitext.NewError("project_no_config", "Path", abs, "File", config.FileName)
		}
		if err == segment.ErrTooLarge {
			return nil, &diag.PosError{File: config.FileName, Line: 1, Col: 1, Err: err}
		}
		return nil, err
	}
	p, err := New(abs, fsys, data)
	if err != nil {
		return nil, err
	}
	if p.dirFD = openDir(abs); p.dirFD > 0 {
		// Closed when the project is no longer used: a command opens one,
		// but tests open many in one process.
		runtime.AddCleanup(p, closeDir, p.dirFD)
	}
	return p, nil
}

// New makes a project from a file system and the bytes of its ceviri.yaml;
// tests use it with fstest.MapFS.
func New(root string, fsys fs.FS, configData []byte) (*Project, error) {
	cfg, err := config.Parse(config.FileName, configData)
	if err != nil {
		return nil, err
	}
	layout, err := LayoutOf(cfg)
	if err != nil {
		return nil, err
	}
	lock := lockfile.New(config.LockFileName)
	if data, err := readUpTo(fsys, config.LockFileName, lockfile.MaxSize); err == nil {
		if lock, err = lockfile.Parse(config.LockFileName, data); err != nil {
			return nil, err
		}
	} else if err == errTooLarge {
		return nil, diag.Text(config.LockFileName, 1, 1, "project_lock_too_large", "MiB", lockfile.MaxSize>>20)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, &diag.PosError{File: config.LockFileName, Line: 1, Col: 1, Err: unwrapPath(err)}
	}
	return &Project{Root: root, FS: fsys, Config: cfg, Layout: layout, Lock: lock}, nil
}

// RecordInLock reports where the record of a translation is kept: in the
// lock file when ceviri.yaml says records: lockfile or when the file has
// no front matter (ceviri never adds front matter to a file), else in its
// front matter.
func RecordInLock(cfg *config.Config, hasFrontMatter bool) bool {
	return cfg.Records == config.RecordsLockfile || !hasFrontMatter
}

// ApplyLock sets v.Record to the record that counts for v: where
// RecordInLock says records live, else the other place (a record left
// there before a change of records: or before the file gained front
// matter). A stored source copy (under .ceviri) has no record.
func (p *Project) ApplyLock(v *Version) {
	if v == nil || v.Err != nil || strings.HasPrefix(v.Path, ".ceviri/") {
		return
	}
	v.Record = v.FileRecord
	lr, ok := p.Lock.Get(v.ID, v.Lang)
	switch {
	case !ok:
	case RecordInLock(p.Config, v.HasFrontMatter) || v.FileRecord == nil:
		v.Record = &lr
	}
}

// File is a language version found on disk, before it is read.
type File struct {
	ID, Lang, Path string
}

// Scan lists the language versions in the project, sorted by id and then
// by the order of languages in ceviri.yaml. Files that cannot be used
// (a symlink that leaves the project) are returned as errors beside them.
func (p *Project) Scan() ([]File, []error) {
	p.Skipped = nil
	var files []File
	var errs []error
	var mu sync.Mutex // the walk calls the function below from several goroutines
	for _, root := range p.Layout.Dirs() {
		err := walkDir(listFS{p.FS, p}, root, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if name == root && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				mu.Lock()
				// The system's error itself, so that its words can be
				// written in the reader's language (clitext).
				errs = append(errs, &diag.PosError{File: name, Line: 1, Col: 1, Err: unwrapPath(err)})
				mu.Unlock()
				return nil
			}
			base := path.Base(name)
			if name != root && len(base) > 0 && base[0] == '.' {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			id, lang, ok := p.Layout.Match(name)
			if !ok {
				if why, ok := p.Layout.SkippedText(name); ok {
					mu.Lock()
					p.Skipped = append(p.Skipped, Skip{Path: name, Why: why.String(), Reason: why})
					mu.Unlock()
				}
				return nil
			}
			if p.Config.Excluded(id, lang) {
				return nil
			}
			var info fs.FileInfo
			if d.Type()&fs.ModeSymlink != 0 {
				fi, err := fs.Stat(p.FS, name)
				switch {
				case err != nil:
					mu.Lock()
					errs = append(errs, diag.Text(name, 1, 1, "project_symlink_outside", "Root", p.Root))
					mu.Unlock()
					return nil
				case !fi.Mode().IsRegular():
					return nil
				}
				info = fi
			} else if !d.Type().IsRegular() {
				return nil
			} else if p.Cache != nil {
				info, _ = d.Info() // already known when listing through os.Root
			}
			mu.Lock()
			p.scanned(name, info)
			files = append(files, File{ID: id, Lang: lang, Path: name})
			mu.Unlock()
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	diag.Sort(errs) // in path order, whatever order the walk found them in
	sort.Slice(p.Skipped, func(i, j int) bool { return p.Skipped[i].Path < p.Skipped[j].Path })
	order := map[string]int{}
	for i, l := range p.Config.Languages {
		order[l] = i
	}
	sort.Slice(files, func(i, j int) bool {
		if files[i].ID != files[j].ID {
			return files[i].ID < files[j].ID
		}
		return order[files[i].Lang] < order[files[j].Lang]
	})
	return files, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Version is a parsed language version of an article.
type Version struct {
	File
	Doc *frontmatter.Doc
	// Record is the translation record that counts (see ApplyLock): the
	// file's own, or the lock file's.
	Record *frontmatter.Record // nil: no translation record
	// FileRecord is the record in the file's own front matter.
	FileRecord *frontmatter.Record
	// HasFrontMatter says whether the file has front matter.
	HasFrontMatter bool
	// EmptyBody says that there is nothing but white space after the
	// front matter.
	EmptyBody bool
	// Marker is the placeholder field (config.Placeholder) as written,
	// "untranslated: 1", when it is set to anything but false, 0, no or
	// nothing; MarkerLine is its line. A translation with an empty body
	// (where the source's is not) or a marker is a placeholder, not a
	// translation (track).
	Marker      string
	MarkerLine  int
	Fields      []segment.Segment // translatable front-matter fields
	Body        []segment.Segment // body segments
	Fingerprint string            // segment.Fingerprint of Segments()
	Words       int               // words in all segments
	Err         error             // why the file could not be read; the rest is then empty
}

// Segments returns the fields followed by the body segments.
func (v *Version) Segments() []segment.Segment {
	out := make([]segment.Segment, 0, len(v.Fields)+len(v.Body))
	return append(append(out, v.Fields...), v.Body...)
}

// Parse reads one language version from its bytes. cfg decides which
// front-matter fields are translatable.
// The record is the file's own; a project's ParseVersion also reads its
// lock file.
func Parse(f File, data []byte, cfg *config.Config) *Version {
	return parse(f, data, cfg, nil, full)
}

// marker returns the placeholder field as written and its line, when it is
// set to anything but false, 0, no, off or nothing.
func marker(doc *frontmatter.Doc, cfg *config.Config) (string, int) {
	if cfg.Placeholder.Field == "" {
		return "", 0
	}
	f, ok := doc.Get(cfg.Placeholder.Field)
	if !ok {
		return "", 0
	}
	if f.Value.Kind == frontmatter.Scalar {
		switch strings.ToLower(strings.TrimSpace(f.Value.Value)) {
		case "", "false", "0", "no", "off", "null", "~":
			return "", 0
		}
	} else if f.Value.Blank() {
		return "", 0
	}
	return f.Key.Value + ": " + f.Value.Inline(), f.Key.Line
}

// How much of a version parse keeps.
const (
	full       = iota // everything
	statesOnly        // see Project.StatesOnly
)

// parse is Parse or, with statesOnly, a parse that does not segment a
// translation that is not a draft (see Project.StatesOnly).
func parse(f File, data []byte, cfg *config.Config, lock *lockfile.File, mode int) *Version {
	v := &Version{File: f}
	if len(data) > segment.MaxFileSize {
		// ReadFile stops reading past the limit; bytes from elsewhere (git,
		// an import) are held to it here.
		v.Err = &diag.PosError{File: f.Path, Line: 1, Col: 1, Err: segment.ErrTooLarge}
		return v
	}
	doc, err := frontmatter.Parse(f.Path, data)
	if err != nil {
		v.Err = err
		return v
	}
	v.Doc = doc
	if v.FileRecord, err = doc.Record(); err != nil {
		v.Err = err
		return v
	}
	v.Record, v.HasFrontMatter = v.FileRecord, doc.HasFrontMatter
	v.EmptyBody = len(bytes.TrimSpace(doc.Body)) == 0
	v.Marker, v.MarkerLine = marker(doc, cfg)
	if lock != nil {
		if lr, ok := lock.Get(f.ID, f.Lang); ok && (RecordInLock(cfg, v.HasFrontMatter) || v.FileRecord == nil) {
			v.Record = &lr
		}
	}
	if mode == statesOnly && v.Record != nil && !v.Record.Draft {
		v.Doc = nil
		return v
	}
	var fields []segment.FieldValue
	for _, name := range cfg.Translatable {
		if fld, ok := doc.Get(name); ok {
			fields = append(fields, segment.FieldValue{Name: name, Value: fld.Value})
		}
	}
	v.Fields = segment.Fields(fields)
	if v.Body, err = segment.ReadAs(segment.Normalize(doc.Body), doc.BodyLine, mode == statesOnly, segment.FormatOf(f.Path)); err != nil {
		// A body past one of segment's limits (nesting, tables, inline
		// work): the same error for every command, which reads no further.
		if le, ok := segment.AsLimit(err); ok {
			err = &diag.PosError{File: f.Path, Line: doc.BodyLine + le.Line - 1, Col: le.Col, Err: le.Cause()}
		}
		return &Version{File: f, Err: err}
	}
	v.Fingerprint = segment.Fingerprint(v.Fields, v.Body)
	v.Words = segment.TotalWords(v.Fields) + segment.TotalWords(v.Body)
	if mode == statesOnly {
		// The file's bytes, YAML nodes and segment texts: states and counts
		// need none of them, and they are most of a version's memory.
		v.Doc = nil
		dropText(v.Fields)
		dropText(v.Body)
	}
	return v
}

func dropText(segs []segment.Segment) {
	for i := range segs {
		segs[i].Text, segs[i].Plain = "", ""
	}
}

// Load reads and parses files in parallel, one worker per CPU. The result is
// in the order of files; a version that could not be read carries its error.
func (p *Project) Load(files []File) []*Version {
	out := make([]*Version, len(files))
	workers.Each(len(files), 0, func(i int) { out[i] = p.LoadFile(files[i]) })
	return out
}

// LoadFile reads and parses one language version (through p.Cache when set).
func (p *Project) LoadFile(f File) *Version {
	return p.Cached(f, func() *Version { return p.readFile(f) })
}

func (p *Project) readFile(f File) *Version {
	data, err := p.ReadFile(f.Path)
	if err != nil {
		return &Version{File: f, Err: &diag.PosError{File: f.Path, Line: 1, Col: 1, Err: unwrapPath(err)}}
	}
	return p.ParseVersion(f, data)
}

// ParseVersion parses the bytes of a version of p: as Parse does, or, when
// p.StatesOnly is set, only as far as states and counts need.
func (p *Project) ParseVersion(f File, data []byte) *Version {
	lock := p.Lock
	if strings.HasPrefix(f.Path, ".ceviri/") {
		lock = nil // a stored source copy
	}
	if p.StatesOnly {
		return parse(f, data, p.Config, lock, statesOnly)
	}
	return parse(f, data, p.Config, lock, full)
}

// GroupFiles splits files as Scan returns them (sorted by id) into the
// files of each article, in id order.
func GroupFiles(files []File) [][]File {
	var groups [][]File
	for i := 0; i < len(files); {
		j := i + 1
		for j < len(files) && files[j].ID == files[i].ID {
			j++
		}
		groups = append(groups, files[i:j])
		i = j
	}
	return groups
}

// Article is one article with its language versions.
type Article struct {
	ID       string
	Versions map[string]*Version // by language; absent: missing
}

// Group collects loaded versions into articles, sorted by id.
func Group(versions []*Version) []*Article {
	byID := map[string]*Article{}
	var out []*Article
	for _, v := range versions {
		a := byID[v.ID]
		if a == nil {
			a = &Article{ID: v.ID, Versions: map[string]*Version{}}
			byID[v.ID] = a
			out = append(out, a)
		}
		a.Versions[v.Lang] = v
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
