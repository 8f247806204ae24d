package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"github.com/ceviri/ceviri/internal/fastpath"
	"io/fs"
	"os"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/safefile"
)

// metaCacheFile keeps what the first pass learned about each article, by
// the hash of the article's files, so that a rebuild reads an unchanged
// article's files (to hash them) but does not parse them again. It lives
// in the project's git-ignored cache directory.
const metaCacheFile = ".ceviri/cache/bundle-articles.gob"

// metaCache is the decoded cache: articles by Key.
type metaCache struct {
	Header   string // ceviri's version and the hash of ceviri.yaml: another one makes the cache foreign
	Articles map[string]*article

	written int64               // the cache file's mtime (ns), for cache.Clean
	ids     map[string]*article // Articles by id
}

// byKey returns the cached article whose files hash to key, or nil.
func (mc *metaCache) byKey(key string) *article {
	if mc == nil {
		return nil
	}
	return mc.Articles[key]
}

// byStat returns the cached article id when its files are exactly files
// (paths in order) with the same stats, each changed safely before the
// cache was written (cache.Clean: not racily clean); else nil.
func (mc *metaCache) byStat(id string, files []fileStat) *article {
	if mc == nil {
		return nil
	}
	a := mc.ids[id]
	if a == nil || len(a.Files) != len(files) {
		return nil
	}
	for i, f := range files {
		if a.Files[i] != f || !cache.Clean(f.Stat, mc.written) {
			return nil
		}
	}
	return a
}

// byDirs returns the cached article id when its own directories are
// exactly dirs with the same stats, each changed safely before the cache
// was written; else nil.
func (mc *metaCache) byDirs(id string, dirs []fileStat) *article {
	if mc == nil {
		return nil
	}
	a := mc.ids[id]
	if a == nil || len(a.Dirs) != len(dirs) {
		return nil
	}
	for i, d := range dirs {
		if a.Dirs[i] != d || !cache.Clean(d.Stat, mc.written) {
			return nil
		}
	}
	return a
}

// cacheHeader identifies the builds whose first pass may share a cache:
// the same ceviri and the same ceviri.yaml (which decides sources, states
// and fingerprints).
func cacheHeader(p *project.Project, version string) string {
	data, _ := fs.ReadFile(p.FS, "ceviri.yaml")
	h := sha256.New()
	writeField(h, "bundle meta 4")
	writeField(h, version)
	writeField(h, string(data))
	return string(h.Sum(nil))
}

// readMetaCache returns the cache, or nil when there is none or it is
// corrupt, truncated or foreign: a cache is never trusted beyond its
// checksum and header.
func readMetaCache(p *project.Project, header string) *metaCache {
	if !fastpath.On() {
		return nil // every article parsed again (CEVIRI_NO_FASTPATH)
	}
	// Through the project's root: a .ceviri that is a symlink out of the
	// project is neither read nor written.
	r, err := os.OpenRoot(p.Root)
	if err != nil {
		return nil
	}
	defer r.Close()
	fi, err := r.Stat(metaCacheFile)
	if err != nil {
		return nil
	}
	data, err := r.ReadFile(metaCacheFile)
	if err != nil || len(data) < sha256.Size {
		return nil
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil
	}
	var mc metaCache
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&mc); err != nil || mc.Header != header {
		return nil
	}
	mc.written = fi.ModTime().UnixNano()
	mc.ids = make(map[string]*article, len(mc.Articles))
	for _, a := range mc.Articles {
		mc.ids[a.ID] = a
	}
	return &mc
}

// writeMetaCache replaces the cache with arts. Writing is best effort: a
// read-only checkout builds without a cache.
func writeMetaCache(p *project.Project, header string, arts []*article) error {
	mc := metaCache{Header: header, Articles: make(map[string]*article, len(arts))}
	for _, a := range arts {
		mc.Articles[a.Key] = a
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&mc); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	d, err := safefile.OpenDir(p.Root)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.WriteFile(metaCacheFile, buf.Bytes(), 0o644); err != nil && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return nil
}
