package cli

import (
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/ceviri/ceviri/internal/fastpath"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
)

// NoCacheEnv names the environment variable that turns the status cache
// off (any value but "" and "0"): nothing is read from or written to
// .ceviri/cache/.
const NoCacheEnv = "CEVIRI_NO_CACHE"

// openCache returns the status cache of p, or nil when it is turned off.
func (e *Env) openCache(p *project.Project) *cache.Cache {
	if v := e.Getenv(NoCacheEnv); (v != "" && v != "0") || !fastpath.On() {
		return nil
	}
	cfg, err := fs.ReadFile(p.FS, config.FileName)
	if err != nil {
		return nil
	}
	c := cache.Open(p.Root, cache.Key(buildIdentity(), cfg))
	c.Granularity = e.CacheGranularity
	return c
}

// buildIdentity is the ceviri version plus the size and time of the running
// executable, so a development build ("devel") never trusts entries that an
// earlier build of other code wrote.
var buildIdentity = sync.OnceValue(func() string {
	id := Version()
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf(" %d %d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return id
})
