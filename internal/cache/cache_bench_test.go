package cache

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/project"
)

// BenchmarkWarmLoad loads a generated project of 200 articles through a
// warm cache: one stat per file and the decoding of the cache file.
func BenchmarkWarmLoad(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "p")
	if _, err := corpusgen.Generate(corpusgen.Options{Dir: dir, Articles: 200, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	p, err := project.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := p.Scan()
	c := Open(dir, testKey)
	p.Cache = c
	p.Load(files)
	if err := c.Save(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c := Open(dir, testKey)
		c.written = time.Now().Add(time.Hour).UnixNano()
		p.Cache = c
		p.Load(files)
		if c.Hits() != len(files) {
			b.Fatalf("%d hits of %d", c.Hits(), len(files))
		}
	}
}
