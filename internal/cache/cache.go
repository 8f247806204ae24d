// Package cache keeps what `ceviri status` needs of every parsed language
// version in .ceviri/cache/, so that a status over an unchanged archive
// reads one file instead of thousands.
//
// An entry is trusted only when the file's path, size, modification and
// change times (in nanoseconds), inode and device are all as recorded, the
// ceviri build and the bytes of ceviri.yaml are the ones the cache was
// written with, and the file was last changed more than DefaultGranularity before
// the cache was written: a file changed in the same timestamp tick as an
// earlier look at it could have changed again without its times moving
// (git's "racy clean" problem), so such a file is always read again. The
// change time (ctime) catches an edit whose author put the old mtime back.
//
// The cache file carries a SHA-256 checksum; a truncated, corrupt or foreign
// file, or one written by another version or for another configuration, is
// ignored and rebuilt, never trusted. Writing is best effort: a read-only
// checkout simply runs without it.
package cache

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/safefile"
	"github.com/ceviri/ceviri/internal/segment"
)

// Dir is the directory of rebuildable caches, relative to the project root
// (git-ignored).
const Dir = ".ceviri/cache"

// FileName is the status cache's file in Dir.
const FileName = "versions.bin"

// DefaultGranularity is the coarsest file timestamp resolution the caches
// allow for (FAT keeps 2 s): a file changed less than this before a cache
// was written is read again (see Clean). Tests pass a smaller one so that
// they need not wait (Cache.Granularity, the callers' options).
const DefaultGranularity = 2 * time.Second

// Stat is what identifies an unchanged file.
type Stat struct {
	Size, Mtime, Ctime int64 // bytes; nanoseconds since the epoch
	Ino, Dev           uint64
}

// StatFile returns the Stat of a regular file (following symlinks); ok is
// false when it cannot be had.
func StatFile(name string) (st Stat, ok bool) { return statFile(name, nil) }

// Clean reports whether a file with this stat was last changed safely
// before a cache file last written at written (nanoseconds since the
// epoch; 0: unknown) was, by more than granularity (0 means
// DefaultGranularity): not racily clean, so that the stat alone shows
// whether it changed since.
func Clean(st Stat, written int64, granularity time.Duration) bool {
	if granularity == 0 {
		granularity = DefaultGranularity
	}
	last := max(st.Mtime, st.Ctime)
	return written != 0 && last < written-int64(granularity)
}

// statFile returns the Stat of an OS path, from fi when the caller has it
// already.
func statFile(name string, fi fs.FileInfo) (Stat, bool) {
	if fi == nil {
		var err error
		if fi, err = os.Stat(name); err != nil {
			return Stat{}, false
		}
	}
	if !fi.Mode().IsRegular() {
		return Stat{}, false
	}
	st := Stat{Size: fi.Size(), Mtime: fi.ModTime().UnixNano()}
	identity(fi, &st)
	return st, true
}

// entry is one cached version.
type entry struct {
	stat Stat
	v    *project.Version // a summary: no Doc and no segments
	// segs holds the version's segments (without Text and Plain) encoded,
	// decoded only when a version is looked up; nil when they were left
	// out because status did not need them (see needsSegments).
	segs []byte
}

// Cache is the status cache of one project. Load may be called from several
// goroutines.
type Cache struct {
	// Granularity is the timestamp margin of Clean for this cache; 0
	// means DefaultGranularity. Set it before the first Lookup.
	Granularity time.Duration

	root    string // project root, an OS path
	file    string // the cache file, relative to root
	key     string // ceviri build and configuration the entries belong to
	written int64  // mtime of the cache file when read, ns; 0 when none
	old     map[string]entry

	mu      sync.Mutex
	seen    map[string]entry
	changed bool            // an entry was added, replaced or refused
	partial map[string]bool // paths returned without their segments: true when c.seen has them
	hits    int
}

// Open reads the cache of the project at root. key must change whenever a
// parse could give another result: pass the ceviri version (with a build
// identity for development builds) and a hash of ceviri.yaml (see Key). A
// missing, unreadable, corrupt or foreign cache gives an empty one.
func Open(root, key string) *Cache {
	c := &Cache{root: root, file: Dir + "/" + FileName, key: key,
		old: map[string]entry{}, seen: map[string]entry{}, partial: map[string]bool{}}
	// Read through the project's root: a .ceviri that is a symlink out of
	// the project is not read (nor written).
	r, err := os.OpenRoot(root)
	if err != nil {
		return c
	}
	defer r.Close()
	data, err := r.ReadFile(c.file)
	if err != nil {
		return c
	}
	fi, err := r.Stat(c.file)
	if err != nil {
		return c
	}
	entries, err := decode(data, key)
	if err != nil {
		c.changed = true // rewrite a bad cache
		return c
	}
	c.old = entries
	c.seen = make(map[string]entry, len(entries))
	c.written = fi.ModTime().UnixNano()
	return c
}

// Load implements project.Cache.
func (c *Cache) Load(f project.File, info fs.FileInfo, parse func() *project.Version) *project.Version {
	return c.load(f, info, parse, true)
}

// load is Load; with mayHit false it always parses (and keeps the result).
func (c *Cache) load(f project.File, info fs.FileInfo, parse func() *project.Version, mayHit bool) *project.Version {
	st, ok := statFile(filepath.Join(c.root, filepath.FromSlash(f.Path)), info)
	if ok && mayHit {
		if e, hit := c.old[f.Path]; hit && e.stat == st && c.clean(st) {
			if v, ok := e.version(f); ok {
				// The cache file does not keep ids and languages: take
				// them from f, for grouping by article when saving.
				sum := *e.v
				sum.File = f
				e.v = &sum
				c.mu.Lock()
				c.seen[f.Path] = e
				c.hits++
				if e.segs == nil {
					c.partial[f.Path] = false // to be read again if needed
				}
				c.mu.Unlock()
				return v
			}
		}
	}
	v := parse()
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.partial, f.Path)
	// Keep only what parsed, with the stat taken before reading: if the
	// file changed in between, the next run sees another stat and reads it.
	// A file that is missing or does not parse is not kept, and is not a
	// reason to rewrite the cache unless it replaces an entry.
	kept := ok && v.Err == nil
	if kept {
		c.seen[f.Path] = entry{stat: st, v: summary(v), segs: encodeSegs(v)}
		c.changed = true
	} else if _, had := c.old[f.Path]; had {
		c.changed = true
	}
	if v.Err != nil {
		return v
	}
	// Return what a hit would: no Doc and no segment text, so that a
	// first run is the same as later ones and holds a fraction of the
	// memory (the file's bytes, YAML nodes and texts are dropped). An
	// article's version gets its segments only if Complete finds them
	// needed, from the encoded copy just kept; a stored source copy is
	// looked up only to be compared, so it gets them now.
	lean := summary(v)
	if kept && mayHit && !strings.HasPrefix(f.Path, storeDir) {
		c.partial[f.Path] = true // decodable from c.seen
		return lean
	}
	lean.Fields, lean.Body = strip(v.Fields), strip(v.Body)
	return lean
}

// strip returns segments without Text and Plain.
func strip(segs []segment.Segment) []segment.Segment {
	if len(segs) == 0 {
		return nil
	}
	out := make([]segment.Segment, len(segs))
	for i, s := range segs {
		s.Text, s.Plain = "", ""
		out[i] = s
	}
	return out
}

// clean reports whether a file with this stat was last changed safely
// before the cache was written (not racily clean).
func (c *Cache) clean(st Stat) bool { return Clean(st, c.written, c.Granularity) }

// version returns a copy of the cached version as the file f (a stored
// source copy can stand for several articles), with its segments decoded
// when the entry has them.
func (e entry) version(f project.File) (*project.Version, bool) {
	cp := *e.v
	cp.File = f
	if e.segs != nil {
		var err error
		if cp.Fields, cp.Body, err = decodeSegs(e.segs); err != nil {
			return nil, false
		}
	}
	return &cp, true
}

// Hits returns how many versions came from the cache.
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// Save writes the cache when anything changed: the versions looked up in
// this run, whether they came from the cache or were parsed. Call it only
// after a run that loaded every file, or entries of the files it did not
// look at would be dropped. Errors (a read-only checkout) may be ignored.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.changed && len(c.seen) == len(c.old) {
		return nil
	}
	groups := byArticle(c.seen)
	copies := func(path string) (string, bool) {
		e, ok := c.seen[path]
		if !ok {
			return "", false
		}
		return e.v.Fingerprint, true
	}
	// Decide everything before changing c.seen, which copies reads.
	needCopy := neededCopies(groups, copies)
	keep := map[string]bool{}
	for _, group := range groups {
		for p := range needsSegments(group, copies) {
			keep[p] = true
		}
	}
	for _, group := range groups {
		for _, e := range group {
			isCopy := strings.HasPrefix(e.v.Path, storeDir)
			switch {
			case isCopy && needCopy[e.v.Path] && e.segs == nil:
				// Needed, but it came from the cache without them: read
				// it again next time, to keep them.
				delete(c.seen, e.v.Path)
			case isCopy && !needCopy[e.v.Path], !isCopy && !keep[e.v.Path]:
				e.segs = nil
				c.seen[e.v.Path] = *e
			}
		}
	}
	d, err := safefile.OpenDir(c.root)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.WriteFile(c.file, encode(c.key, c.seen), 0o644); err != nil {
		return err
	}
	c.changed = false
	return nil
}

// Remove deletes the cache file of the project at root.
func Remove(root string) error {
	d, err := safefile.OpenDir(root)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Remove(Dir + "/" + FileName); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
