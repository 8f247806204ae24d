package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/tm"
)

// TestMemoryCache: the memory built through its cache is the one built
// without, and a second build aligns only the translations whose files
// changed.
func TestMemoryCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if _, err := corpusgen.Generate(corpusgen.Options{Dir: dir, Articles: 30, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	build := func(cached bool) (*tm.Memory, int) {
		t.Helper()
		var out, errb bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errb, Now: time.Now, Wd: dir, CacheGranularity: time.Nanosecond, Getenv: func(k string) string {
			if k == NoCacheEnv && !cached {
				return "1"
			}
			return ""
		}}
		m, err := env.memory(nil, false)
		if err != nil {
			t.Fatal(err)
		}
		return m, lastMemoryMisses
	}
	dump := func(m *tm.Memory) string {
		var b bytes.Buffer
		for _, p := range m.Pairs() {
			for _, e := range m.Entries(p) {
				fmt.Fprintf(&b, "%v %q %q %s %s\n", p, e.Source, e.Target, e.Article, e.Date.Format(time.DateOnly))
			}
		}
		return b.String()
	}
	want, current := build(false)
	if current == 0 || want.Len(tm.Pair{Source: "tr", Target: "en"}) == 0 {
		t.Fatalf("no current translation in the corpus (%d)", current)
	}
	time.Sleep(30 * time.Millisecond)
	m, misses := build(true)
	if misses != current || dump(m) != dump(want) {
		t.Fatalf("cold: %d aligned, want %d; same memory: %v", misses, current, dump(m) == dump(want))
	}
	m, misses = build(true)
	if misses != 0 || dump(m) != dump(want) {
		t.Fatalf("warm: %d aligned, want 0; same memory: %v", misses, dump(m) == dump(want))
	}
	// One current translation changes (still current: its source did not).
	var changed string
	for _, p := range want.Pairs() {
		if es := want.Entries(p); len(es) > 0 && changed == "" {
			changed = filepath.Join(dir, "articles", es[0].Article, p.Target+".md")
		}
	}
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, append(data, "\nA sentence added by the translator.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(30 * time.Millisecond)
	want, _ = build(false)
	m, misses = build(true)
	if misses != 1 || dump(m) != dump(want) {
		t.Fatalf("after one edit: %d aligned, want 1; same memory: %v", misses, dump(m) == dump(want))
	}
}
