package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"io/fs"
	"time"

	"github.com/ceviri/ceviri/internal/fastpath"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/project"
)

// metaCacheName keeps what the first pass learned about each article, by
// the hash of the article's files, so that a rebuild reads an unchanged
// article's files (to hash them) but does not parse them again. It is a
// blob of the status cache's directory and format (cache.WriteBlob: a
// checksum, and a key, here cacheHeader, that another ceviri version or
// ceviri.yaml does not match), holding the articles gob-encoded.
const metaCacheName = "bundle-articles.bin"

// metaCacheFile is the cache's path from the project's root.
const metaCacheFile = cache.Dir + "/" + metaCacheName

// metaCache is the decoded cache: articles by Key.
type metaCache struct {
	Articles map[string]*article

	written     int64               // the cache file's mtime (ns), for cache.Clean
	granularity time.Duration       // cache.Clean's margin (Options.Granularity)
	ids         map[string]*article // Articles by id
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
		if a.Files[i] != f || !cache.Clean(f.Stat, mc.written, mc.granularity) {
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
		if a.Dirs[i] != d || !cache.Clean(d.Stat, mc.written, mc.granularity) {
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
	// cache.ReadBlob reads through the project's root: a .ceviri that is a
	// symlink out of the project is neither read nor written.
	data, written, ok := cache.ReadBlob(p.Root, metaCacheName, header)
	if !ok {
		return nil
	}
	var mc metaCache
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&mc); err != nil {
		return nil
	}
	mc.written = written
	mc.ids = make(map[string]*article, len(mc.Articles))
	for _, a := range mc.Articles {
		mc.ids[a.ID] = a
	}
	return &mc
}

// writeMetaCache replaces the cache with arts. Writing is best effort: a
// read-only checkout builds without a cache.
func writeMetaCache(p *project.Project, header string, arts []*article) error {
	mc := metaCache{Articles: make(map[string]*article, len(arts))}
	for _, a := range arts {
		mc.Articles[a.Key] = a
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&mc); err != nil {
		return err
	}
	if err := cache.WriteBlob(p.Root, metaCacheName, header, buf.Bytes()); err != nil && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return nil
}
