package cache

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/project"
)

const testConfig = "languages: [tr, en]\ntranslatable: [title]\n"

// files of a small project: a source, a translation with a record, and a
// stored copy of an older source.
var testFiles = map[string]string{
	"ceviri.yaml":        testConfig,
	"articles/a/tr.md":   "---\ntitle: Çağ Üniversitesi\n---\n\nİlk paragraf ışık.\n\n- bir\n- iki\n",
	"articles/a/en.md":   "---\ntitle: Çağ University\ntranslation:\n  from: tr\n  source_hash: sha256:" + zeros + "\n---\n\nFirst paragraph.\n",
	"articles/b/tr.md":   "---\ntitle: İkinci\n---\n\nGövde.\n",
	"articles/c/tr.md":   "---\ntitle: Üçüncü\n---\n\n## Başlık\n\nMetin.\n",
	"articles/c/en.md":   "---\ntitle: Third\ntranslation:\n  from: tr\n  source_hash: sha256:" + zeros + "\n  draft: true\n---\n\nText.\n",
	"notes/unrelated.md": "not an article\n",
}

const zeros = "0000000000000000000000000000000000000000000000000000000000000000"

func writeProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range testFiles {
		write(t, filepath.Join(dir, name), data)
	}
	return dir
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// load opens the project at dir and loads every version through c (or
// without a cache when c is nil), returning them by path.
func load(t *testing.T, dir string, c *Cache) map[string]*project.Version {
	t.Helper()
	p, err := project.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c != nil {
		p.Cache = c
	}
	files, errs := p.Scan()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out := map[string]*project.Version{}
	for _, v := range p.Load(files) {
		if v.Err != nil {
			t.Fatalf("%s: %v", v.Path, v.Err)
		}
		out[v.Path] = v
	}
	return out
}

// same reports whether a cached version says what a fresh parse says, in
// everything the cache promises to keep.
func same(t *testing.T, got, want map[string]*project.Version) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d versions, want %d", len(got), len(want))
	}
	for p, w := range want {
		g := got[p]
		if g == nil {
			t.Fatalf("%s: missing", p)
		}
		// Segments may be left out where status does not need them
		// (TestSegmentsKeptWhereNeeded says where they must be kept).
		segs := g.Fields == nil && g.Body == nil ||
			reflect.DeepEqual(strip(g.Fields), strip(w.Fields)) && reflect.DeepEqual(strip(g.Body), strip(w.Body))
		if !reflect.DeepEqual(g.File, w.File) || g.Fingerprint != w.Fingerprint || g.Words != w.Words ||
			!reflect.DeepEqual(g.Record, w.Record) || !segs {
			t.Errorf("%s: cached version differs from a fresh parse:\n got %+v\nwant %+v", p, g, w)
		}
	}
}

const testKey = "v1\x00cfg"

// fill writes a cache of every version of the project at dir, and returns
// it reopened as if written long after the files last changed, so that only
// the stat key decides what is trusted.
func fill(t *testing.T, dir, key string) *Cache {
	t.Helper()
	c := Open(dir, key)
	load(t, dir, c)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	return reopen(t, dir, key)
}

func reopen(t *testing.T, dir, key string) *Cache {
	t.Helper()
	c := Open(dir, key)
	if c.written != 0 {
		c.written = time.Now().Add(time.Hour).UnixNano()
	}
	return c
}

func TestWarmCacheReadsNothing(t *testing.T) {
	dir := writeProject(t)
	want := load(t, dir, nil)
	c := fill(t, dir, testKey)
	got := load(t, dir, c)
	same(t, got, want)
	if c.Hits() != len(want) {
		t.Errorf("hits = %d, want %d", c.Hits(), len(want))
	}
	if got["articles/a/tr.md"].Doc != nil {
		t.Errorf("a cached version claims to have a Doc")
	}
}

// Segments are kept for the versions status compares: the source of an
// article with a stale (a) or draft (c) translation, and the draft; not for
// an article with no translation (b).
func TestSegmentsKeptWhereNeeded(t *testing.T) {
	dir := writeProject(t)
	c := fill(t, dir, testKey)
	check := func(round string, got map[string]*project.Version) {
		for path, want := range map[string]bool{
			"articles/a/tr.md": true, "articles/a/en.md": false, "articles/b/tr.md": false,
			"articles/c/tr.md": true, "articles/c/en.md": true,
		} {
			if has := got[path].Body != nil; has != want {
				t.Errorf("%s: %s: segments kept = %v, want %v", round, path, has, want)
			}
		}
	}
	check("from a saved cache", load(t, dir, c))
	// A first run gives the needed segments too, once completed.
	fresh := writeProject(t)
	cold := Open(fresh, testKey)
	p, err := project.Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	p.Cache = cold
	files, _ := p.Scan()
	versions := p.Load(files)
	cold.Complete(versions, func(project.File) *project.Version {
		t.Fatal("Complete read a file parsed in the same run again")
		return nil
	})
	byPath := map[string]*project.Version{}
	for _, v := range versions {
		byPath[v.Path] = v
	}
	check("a first run", byPath)
	// A cache saved mostly from hits decides the same.
	write(t, filepath.Join(dir, "articles/a/tr.md"), testFiles["articles/a/tr.md"]+"\nEk.\n")
	c = reopen(t, dir, testKey)
	load(t, dir, c)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	check("after a warm run", load(t, dir, reopen(t, dir, testKey)))
}

// A source cached without its segments is read again when a translation
// falls behind it, though the source itself did not change.
func TestCompleteReadsWhatBecameNeeded(t *testing.T) {
	dir := writeProject(t)
	fresh := load(t, dir, nil)
	// b gets a current translation: b/tr.md is cached without segments.
	write(t, filepath.Join(dir, "articles/b/en.md"), "---\ntitle: Second\ntranslation:\n  from: tr\n  source_hash: "+
		fresh["articles/b/tr.md"].Fingerprint+"\n---\n\nBody.\n")
	c := fill(t, dir, testKey)
	if v := load(t, dir, c)["articles/b/tr.md"]; v.Body != nil {
		t.Fatalf("b/tr.md kept its segments; the test needs it without")
	}
	// The translation becomes a draft; the source is unchanged.
	write(t, filepath.Join(dir, "articles/b/en.md"), "---\ntitle: Second\ntranslation:\n  from: tr\n  source_hash: "+
		fresh["articles/b/tr.md"].Fingerprint+"\n  draft: true\n---\n\nBody.\n")
	c = reopen(t, dir, testKey)
	p, err := project.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p.Cache = c
	files, _ := p.Scan()
	versions := p.Load(files)
	c.Complete(versions, func(f project.File) *project.Version {
		plain := *p
		plain.Cache = nil
		return plain.LoadFile(f)
	})
	for _, v := range versions {
		if v.Path == "articles/b/tr.md" && v.Body == nil {
			t.Errorf("Complete left b/tr.md without the segments the draft is compared with")
		}
	}
}

func TestEveryEditIsSeen(t *testing.T) {
	const a = "articles/a/tr.md"
	tests := []struct {
		name   string
		edit   func(t *testing.T, dir string)
		key    string // cache key of the second run (default testKey)
		misses int    // versions that must be read again
	}{
		{"content edit, new size", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, a), testFiles[a]+"\nYeni paragraf.\n")
		}, "", 1},
		{"same size, mtime put back", func(t *testing.T, dir string) {
			name := filepath.Join(dir, a)
			fi, _ := os.Stat(name)
			write(t, name, replaceSameSize(testFiles[a], "İlk", "Üst"))
			if err := os.Chtimes(name, fi.ModTime(), fi.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, "", 1},
		{"replaced by rename, same size and mtime", func(t *testing.T, dir string) {
			name := filepath.Join(dir, a)
			fi, _ := os.Stat(name)
			tmp := name + ".new"
			write(t, tmp, replaceSameSize(testFiles[a], "bir", "iki"))
			_ = os.Chtimes(tmp, fi.ModTime(), fi.ModTime())
			if err := os.Rename(tmp, name); err != nil {
				t.Fatal(err)
			}
		}, "", 1},
		{"new file", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "articles/b/en.md"), "---\ntitle: Second\n---\n\nBody.\n")
		}, "", 1},
		{"deleted file", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "articles/b/tr.md")); err != nil {
				t.Fatal(err)
			}
		}, "", 0},
		{"config changed", func(t *testing.T, dir string) {}, "v1\x00other", 5},
		{"ceviri version changed", func(t *testing.T, dir string) {}, "v2\x00cfg", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeProject(t)
			key := testKey
			if tt.key != "" {
				key = tt.key
			}
			c0 := fill(t, dir, testKey)
			_ = c0
			tt.edit(t, dir)
			want := load(t, dir, nil)
			c := reopen(t, dir, key)
			got := load(t, dir, c)
			same(t, got, want)
			if misses := len(want) - c.Hits(); misses != tt.misses {
				t.Errorf("%d versions read again, want %d", misses, tt.misses)
			}
			// The next cache holds exactly the files that exist now.
			if err := c.Save(); err != nil {
				t.Fatal(err)
			}
			if n := len(reopen(t, dir, key).old); n != len(want) {
				t.Errorf("rewritten cache has %d entries, want %d", n, len(want))
			}
		})
	}
}

// replaceSameSize replaces old by new, which must have the same length in
// bytes.
func replaceSameSize(s, old, new string) string {
	if len(old) != len(new) {
		panic("replaceSameSize: lengths differ")
	}
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + new + s[i+len(old):]
		}
	}
	panic("replaceSameSize: " + old + " not found")
}

// A file changed within DefaultGranularity of the cache write is racily clean: its
// stat may not have moved, so it must be read again, not trusted.
func TestRacyCleanIsReadAgain(t *testing.T) {
	dir := writeProject(t)
	c := Open(dir, testKey)
	load(t, dir, c)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	// Same size, mtime put back, within the same second as the write.
	const a = "articles/a/tr.md"
	name := filepath.Join(dir, a)
	fi, _ := os.Stat(name)
	write(t, name, replaceSameSize(testFiles[a], "İlk", "Üst"))
	_ = os.Chtimes(name, fi.ModTime(), fi.ModTime())
	c = Open(dir, testKey) // not pushed into the future: the real write time
	got := load(t, dir, c)
	same(t, got, load(t, dir, nil))
	if c.Hits() != 0 {
		t.Errorf("%d versions trusted although written within %v of the cache", c.Hits(), DefaultGranularity)
	}
}

func TestBadCacheIsIgnoredAndRebuilt(t *testing.T) {
	tests := []struct {
		name string
		mess func(data []byte) []byte
	}{
		{"empty", func([]byte) []byte { return nil }},
		{"truncated", func(d []byte) []byte { return d[:len(d)/2] }},
		{"one byte flipped", func(d []byte) []byte { d[len(d)/2] ^= 1; return d }},
		{"foreign file", func([]byte) []byte {
			return []byte("PK\x03\x04 not a cache at all, but long enough to have a checksum.....")
		}},
		{"other format version", func(d []byte) []byte { return append([]byte("ceviri status cache 9\n"), d[len(magic):]...) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeProject(t)
			fill(t, dir, testKey)
			file := filepath.Join(dir, Dir, FileName)
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, tt.mess(data), 0o644); err != nil {
				t.Fatal(err)
			}
			c := reopen(t, dir, testKey)
			same(t, load(t, dir, c), load(t, dir, nil))
			if c.Hits() != 0 {
				t.Errorf("trusted %d entries of a bad cache", c.Hits())
			}
			if err := c.Save(); err != nil {
				t.Fatal(err)
			}
			if n := len(reopen(t, dir, testKey).old); n != 5 {
				t.Errorf("rebuilt cache has %d entries, want 5", n)
			}
		})
	}
}

// When the cache cannot be written (read-only checkout), loading still
// works and Save only reports the error.
func TestUnwritableCache(t *testing.T) {
	dir := writeProject(t)
	write(t, filepath.Join(dir, ".ceviri", "cache"), "a file where the directory should be")
	c := Open(dir, testKey)
	same(t, load(t, dir, c), load(t, dir, nil))
	if err := c.Save(); err == nil {
		t.Errorf("Save into an unwritable place reported no error")
	}
}

func FuzzDecode(f *testing.F) {
	dir := f.TempDir()
	for name, data := range testFiles {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.WriteFile(p, []byte(data), 0o644)
	}
	p, err := project.Open(dir)
	if err != nil {
		f.Fatal(err)
	}
	files, _ := p.Scan()
	entries := map[string]entry{}
	for i, v := range p.Load(files) {
		entries[v.Path] = entry{stat: Stat{Size: int64(i)}, v: summary(v)}
	}
	good := encode(testKey, entries)
	f.Add(good)
	f.Add(good[:len(good)-40])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Fix the checksum so the fuzzer reaches the decoder proper.
		if len(data) > 32 {
			body := data[:len(data)-32]
			data = append(append([]byte{}, body...), sumOf(body)...)
		}
		_, _ = decode(data, testKey)
	})
}

func TestBlob(t *testing.T) {
	root := t.TempDir()
	if _, _, ok := ReadBlob(root, "memory.bin", "k"); ok {
		t.Fatal("a blob before any was written")
	}
	if err := WriteBlob(root, "memory.bin", "k", []byte("pairs")); err != nil {
		t.Fatal(err)
	}
	data, written, ok := ReadBlob(root, "memory.bin", "k")
	if !ok || string(data) != "pairs" || written == 0 {
		t.Fatalf("ReadBlob = %q, %d, %v", data, written, ok)
	}
	if _, _, ok := ReadBlob(root, "memory.bin", "other build"); ok {
		t.Error("a blob read under another key")
	}
	file := filepath.Join(root, Dir, "memory.bin")
	raw, _ := os.ReadFile(file)
	raw[len(raw)-40] ^= 1
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := ReadBlob(root, "memory.bin", "k"); ok {
		t.Error("a corrupt blob was trusted")
	}
}
