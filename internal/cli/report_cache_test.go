package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/cache"
	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/report"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
)

// The report is byte for byte the same with its cache (cold, warm, and
// after each kind of edit) as without it, and a warm report reads again
// only the articles whose files changed.
func TestReportSameWithAndWithoutCache(t *testing.T) {

	const n = 40
	dir := filepath.Join(t.TempDir(), "p")
	if _, err := corpusgen.Generate(corpusgen.Options{Dir: dir, Articles: n, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	blob := filepath.Join(dir, cache.Dir, reportBlob)
	args := []string{"--root", dir, "report", "-o", "-"}
	// compare checks the report with the cache against the one without,
	// twice; misses is how many articles the first run with the cache
	// should read again (-1: any number), the second reads none.
	compare := func(step string, misses int) {
		t.Helper()
		time.Sleep(30 * time.Millisecond) // let the clock tick past the edit
		want, wantErr, wantCode := runCeviri(t, false, args...)
		if wantCode != 0 || !strings.Contains(want, "<html") {
			t.Fatalf("%s: report without the cache failed (exit %d): %s", step, wantCode, wantErr)
		}
		for run := 0; run < 2; run++ {
			lastReportMisses = -1
			got, gotErr, gotCode := runCeviri(t, true, args...)
			if got != want || gotErr != wantErr || gotCode != wantCode {
				t.Fatalf("%s: the report differs with the cache (run %d, exit %d, %d bytes against %d): %s",
					step, run, gotCode, len(got), len(want), firstDiff(want, got))
			}
			switch {
			case run == 0 && misses >= 0 && lastReportMisses != misses:
				t.Errorf("%s: the first report with the cache read %d articles again, want %d", step, lastReportMisses, misses)
			case run == 1 && lastReportMisses != 0:
				t.Errorf("%s: a warm report read %d articles again, want none", step, lastReportMisses)
			}
			time.Sleep(30 * time.Millisecond)
		}
		if _, err := os.Stat(blob); err != nil {
			t.Fatalf("%s: no report cache written: %v", step, err)
		}
	}
	article := func(i int, lang string) string {
		return filepath.Join(dir, "articles", corpusgen.ID(i), lang+".md")
	}
	edit := func(name string, re, repl string) {
		t.Helper()
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rx := regexp.MustCompile(re)
		if !rx.Match(data) {
			t.Fatalf("%s has no %q", name, re)
		}
		if err := os.WriteFile(name, rx.ReplaceAll(data, []byte(repl)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Without the cache nothing is written.
	if _, _, code := runCeviri(t, false, args...); code != 0 {
		t.Fatal("report failed")
	}
	if _, err := os.Stat(blob); err == nil {
		t.Fatal("CEVIRI_NO_CACHE=1: the report cache was written")
	}
	compare("fresh corpus", n)

	// A source edited: its translation becomes (or stays) stale, with
	// another diff.
	edit(article(0, "tr"), "(?m)^([^-\\n][^\\n]*?)Toplam", "${1}Toplamda")
	compare("source edited", 1)

	// That stale translation edited.
	edit(article(0, "en"), "\\n*$", "\n\nAn added paragraph.\n")
	compare("translation edited", 1)

	// A title changed (of an article with and of one without a stale
	// translation).
	edit(article(3, "tr"), `(?m)^title: .*$`, `title: "Değişen <b>başlık</b>"`)
	edit(article(4, "tr"), `(?m)^title: .*$`, `title: "Çağlayan"`)
	compare("titles edited", 2)

	// Same size and the old times put back: the change time still tells.
	name := article(5, "tr")
	fi, _ := os.Stat(name)
	edit(name, `(?m)^title: "(.)`, `title: "X`)
	_ = os.Chtimes(name, fi.ModTime(), fi.ModTime())
	compare("same-size edit, mtime restored", 1)

	// The stored source copies the diffs come from removed: every stale
	// translation is told again.
	if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(track.StoreDir))); err != nil {
		t.Fatal(err)
	}
	compare("stored copies removed", -1)

	// A corrupt cache is rebuilt, not trusted.
	data, _ := os.ReadFile(blob)
	data[len(data)/2] ^= 0xff
	_ = os.WriteFile(blob, data, 0o644)
	compare("corrupt cache", n)

	// Another configuration: nothing cached is trusted.
	edit(filepath.Join(dir, "ceviri.yaml"), `translatable: \[title, summary\]`, "translatable: [title]")
	compare("config changed", n)
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "at byte " + strconv.Itoa(i) + ":\n--- without\n" + clip(a[from:]) + "\n--- with\n" + clip(b[from:])
}

func clip(s string) string {
	if len(s) > 240 {
		return s[:240]
	}
	return s
}

// sampleRows has every field of a cached row set.
func sampleRows() []*reportRow {
	return []*reportRow{
		{ID: "a", Stamp: "title\n\"a\" 1 2 3 4 5 \"sha256:x\"\n", Title: "<script>İ</script>"},
		{ID: "b/c", Stamp: "stale\n", Title: "B", Cells: map[string]*report.Cell{
			"tr": {State: track.Source, Path: "b/c/tr.md"},
			"en": {State: track.Stale, Path: "b/c/en.md", Owed: 12, Changed: 2, Total: 9, Note: "n", Diff: []*track.DiffEntry{
				{Op: "changed", Kind: "paragraph", Segment: "body.2", Old: "eski", New: "yeni", Translation: "old",
					OldLine: 7, NewLine: 8, TranslationLine: 9, InsertAfterLine: 0, Words: 3,
					Diff: []wordiff.Span{{Op: wordiff.Delete, Text: "eski"}, {Op: wordiff.Insert, Text: "yeni"}, {Text: " "}}},
				{Op: "added", Kind: "heading", Segment: "body.3", New: "x", InsertAfterLine: -1, Words: 1},
			}},
			"de": {State: track.Missing, Path: "b/c/de.md", Placeholder: true, Command: "ceviri translate b/c --lang de"},
		}},
	}
}

// The codec keeps every field of a row; a field added to report.Cell,
// track.DiffEntry or wordiff.Span must be added to it (and here).
func TestReportRowsCodec(t *testing.T) {
	for typ, n := range map[reflect.Type]int{
		reflect.TypeFor[report.Cell](): 9, reflect.TypeFor[track.DiffEntry](): 12, reflect.TypeFor[wordiff.Span](): 2,
	} {
		if typ.NumField() != n {
			t.Errorf("%v has %d fields, the report cache's codec knows %d: encode the new ones", typ, typ.NumField(), n)
		}
	}
	rows := sampleRows()
	got, err := decodeReportRows(encodeReportRows(rows))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("decoded rows differ:\n%#v\nwant\n%#v", got, rows)
	}
	if got, err := decodeReportRows(encodeReportRows(nil)); err != nil || len(got) != 0 {
		t.Errorf("no rows: %v, %v", got, err)
	}
	data := encodeReportRows(rows)
	for i := range len(data) {
		if _, err := decodeReportRows(data[:i]); err == nil {
			t.Errorf("truncated at %d of %d: no error", i, len(data))
		}
	}
	if _, err := decodeReportRows(append(data, 0)); err == nil {
		t.Error("trailing byte: no error")
	}
}

// A hostile cache file is refused, never trusted, and decoding it
// allocates in proportion to its size.
func FuzzDecodeReportRows(f *testing.F) {
	f.Add(encodeReportRows(sampleRows()))
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})          // a huge count
	f.Add([]byte{1, 1, 'a', 0, 0, 1, 0xff, 0xff, 0xff, 0x7f})                          // a huge cell count
	f.Add([]byte{1, 1, 'a', 0, 0, 2})                                                  // a bad flag
	f.Add([]byte{1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}) // a bad varint
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := decodeReportRows(data)
		if err != nil {
			return
		}
		// What decodes encodes to the same bytes but for map order and
		// nil cells, and decodes the same again.
		again, err := decodeReportRows(encodeReportRows(rows))
		if err != nil || !reflect.DeepEqual(again, rows) {
			t.Fatalf("re-encoded rows differ: %v", err)
		}
	})
}

// A report in one page language never takes its notes from the cache of a
// report in another: the same with the cache as without it, after a warm
// report in the other language.
func TestReportCacheByUILang(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if _, err := corpusgen.Generate(corpusgen.Options{Dir: dir, Articles: 20, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	// Stale translations whose stored copies are gone have notes.
	if err := os.RemoveAll(filepath.Join(dir, ".ceviri", "sources")); err != nil {
		t.Fatal(err)
	}
	run := func(cached bool, lang string) string {
		t.Helper()
		out, errOut, code := runCeviri(t, cached, "--root", dir, "report", "--ui-lang", lang, "-o", "-")
		if code != 0 {
			t.Fatalf("report --ui-lang %s: exit %d: %s", lang, code, errOut)
		}
		return out
	}
	want := map[string]string{"tr": run(false, "tr"), "en": run(false, "en")}
	if !strings.Contains(want["tr"], "saklanmamış") || !strings.Contains(want["en"], "is not stored") {
		t.Fatal("the corpus has no translation whose stored copy is missing")
	}
	for _, lang := range []string{"tr", "tr", "en", "en", "tr"} {
		time.Sleep(30 * time.Millisecond)
		if got := run(true, lang); got != want[lang] {
			t.Fatalf("--ui-lang %s with the cache differs: %s", lang, firstDiff(want[lang], got))
		}
	}
}
