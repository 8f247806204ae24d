package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/diag"
)

// runCeviri runs ceviri with the cache on or off and returns stdout,
// stderr and the exit code.
func runCeviri(t *testing.T, cached bool, args ...string) (string, string, int) {
	return runCeviriWith(t, cached, false, args...)
}

// runCeviriWith is runCeviri; with full every file is parsed in full
// (Env.FullLoad).
func runCeviriWith(t *testing.T, cached, full bool, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	wd, _ := os.Getwd()
	// No timestamp margin: the files of these tests are seconds old at most.
	env := &Env{Stdout: &out, Stderr: &errb, Now: time.Now, Wd: wd, FullLoad: full, CacheGranularity: time.Nanosecond, Getenv: func(k string) string {
		if k == NoCacheEnv && !cached {
			return "1"
		}
		return ""
	}}
	root := NewRootCmd(env)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		printErr(&errb, err)
	}
	return out.String(), errb.String(), diag.ExitCode(err)
}

// Status says the same with and without the cache and lean loading as
// with a full load of every file, after every kind of edit, and a warm run
// trusts the cache (it does not rewrite it).
func TestStatusSameWithAndWithoutCache(t *testing.T) {

	dir := filepath.Join(t.TempDir(), "p")
	if _, err := corpusgen.Generate(corpusgen.Options{Dir: dir, Articles: 30, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	cacheFile := filepath.Join(dir, cache.Dir, cache.FileName)
	compare := func(step string) {
		t.Helper()
		time.Sleep(30 * time.Millisecond) // let the clock tick past the edit
		for _, args := range [][]string{
			{"status", "--json"}, {"status"}, {"status", "--lang", "en"}, {"status", corpusgen.ID(3), corpusgen.ID(11)},
		} {
			args = append([]string{"--root", dir}, args...)
			// The reference: no cache, and every file fully parsed.
			want, wantErr, wantCode := runCeviriWith(t, false, true, args...)
			// Lean loading without the cache, then a cold (or updating)
			// and a warm run with it.
			for run := 0; run < 3; run++ {
				got, gotErr, gotCode := runCeviri(t, run > 0, args...)
				if got != want || gotErr != wantErr || gotCode != wantCode {
					t.Fatalf("%s: ceviri %s differs with the cache (run %d):\n--- without\n%s%s(exit %d)\n--- with\n%s%s(exit %d)",
						step, strings.Join(args, " "), run, want, wantErr, wantCode, got, gotErr, gotCode)
				}
			}
		}
		// A warm status finds everything unchanged and writes nothing.
		before, err := os.Stat(cacheFile)
		if err != nil {
			t.Fatalf("%s: no cache written: %v", step, err)
		}
		time.Sleep(30 * time.Millisecond)
		runCeviri(t, true, "--root", dir, "status")
		after, _ := os.Stat(cacheFile)
		if !after.ModTime().Equal(before.ModTime()) {
			t.Errorf("%s: a warm status rewrote the cache (something was read again)", step)
		}
	}
	article := func(i int, lang string) string {
		return filepath.Join(dir, "articles", corpusgen.ID(i), lang+".md")
	}
	edit := func(name, old, new string) {
		t.Helper()
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		if err := os.WriteFile(name, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	compare("fresh corpus")

	// A visible edit of a source makes its current translation stale.
	edit(article(0, "tr"), "Toplam", "Toplamda")
	compare("source edited")

	// Same size and the old mtime put back.
	fi, _ := os.Stat(article(1, "tr"))
	edit(article(1, "tr"), "Toplam", "TOPLAM")
	_ = os.Chtimes(article(1, "tr"), fi.ModTime(), fi.ModTime())
	compare("same-size edit, mtime restored")

	// Only a translation's record changes: it falls behind a source that
	// the cache kept without segments, then another becomes a draft.
	var tracked []string
	for i := 0; i < 30 && len(tracked) < 2; i++ {
		if data, err := os.ReadFile(article(i, "en")); err == nil && bytes.Contains(data, []byte("source_hash:")) && !bytes.Contains(data, []byte("draft:")) {
			tracked = append(tracked, article(i, "en"))
		}
	}
	if len(tracked) < 2 {
		t.Fatal("the corpus has too few tracked translations")
	}
	data, _ := os.ReadFile(tracked[0])
	data = regexp.MustCompile(`sha256:[0-9a-f]{64}`).ReplaceAll(data, []byte("sha256:"+strings.Repeat("0", 64)))
	_ = os.WriteFile(tracked[0], data, 0o644)
	compare("translation record changed")
	edit(tracked[1], "translation:\n", "translation:\n  draft: true\n")
	compare("translation became a draft")

	// A translation deleted (missing) and a new article.
	_ = os.Remove(article(2, "en"))
	if err := os.MkdirAll(filepath.Dir(article(999, "tr")), 0o755); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(article(999, "tr"), []byte("---\ntitle: Yeni haber\n---\n\nYeni bir gövde.\n"), 0o644)
	compare("deleted and new files")

	// A broken file is reported the same way, and is never cached.
	_ = os.WriteFile(article(5, "tr"), []byte("---\ntitle: [unclosed\n---\n"), 0o644)
	compare("malformed file")
	_ = os.WriteFile(article(5, "tr"), []byte("---\ntitle: Onarıldı\n---\n\nGövde.\n"), 0o644)
	compare("malformed file repaired")

	// Another configuration: summary no longer translatable changes every
	// fingerprint.
	edit(filepath.Join(dir, "ceviri.yaml"), "translatable: [title, summary]", "translatable: [title]")
	compare("config changed")

	// A corrupt cache is rebuilt, not trusted.
	data, _ = os.ReadFile(cacheFile)
	data[len(data)/2] ^= 0xff
	_ = os.WriteFile(cacheFile, data, 0o644)
	compare("corrupt cache")
}
