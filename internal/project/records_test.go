package project

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/lockfile"
)

const (
	hashFile = "sha256:1111111111111111111111111111111111111111111111111111111111111111"
	hashLock = "sha256:2222222222222222222222222222222222222222222222222222222222222222"
)

// TestRecordPlaces pins which record counts (ApplyLock, parse): the lock
// file's for records: lockfile and for files without front matter, the
// file's otherwise, and either one when the other place has none; stored
// source copies never take one.
func TestRecordPlaces(t *testing.T) {
	withFM := "---\ntitle: T\ntranslation:\n  from: en\n  source_hash: " + hashFile + "\n---\nMetin.\n"
	noRecord := "---\ntitle: T\n---\nMetin.\n"
	noFM := "Metin.\n"
	lock := "\"a\":\n  tr: {from: en, source_hash: \"" + hashLock + "\"}\n"
	tests := []struct {
		name, records, file, lock string
		want                      string // the hash that counts, "" for none
	}{
		{"front matter, no lock", "", withFM, "", hashFile},
		{"front matter wins in front-matter mode", "", withFM, lock, hashFile},
		{"no record in the file: the lock's", "", noRecord, lock, hashLock},
		{"no front matter: the lock's", "", noFM, lock, hashLock},
		{"no front matter, no lock: none", "", noFM, "", ""},
		{"lockfile mode: the lock's", "records: lockfile\n", withFM, lock, hashLock},
		{"lockfile mode, lock without it: the file's", "records: lockfile\n", withFM, "", hashFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := "languages: [en, tr]\n" + tt.records
			fsys := fstest.MapFS{
				"ceviri.yaml":      {Data: []byte(cfg)},
				"articles/a/tr.md": {Data: []byte(tt.file)},
			}
			if tt.lock != "" {
				fsys[config.LockFileName] = &fstest.MapFile{Data: []byte(tt.lock)}
			}
			p, err := New("/p", fsys, []byte(cfg))
			if err != nil {
				t.Fatal(err)
			}
			for _, statesOnly := range []bool{false, true} {
				p.StatesOnly = statesOnly
				v := p.ParseVersion(File{ID: "a", Lang: "tr", Path: "articles/a/tr.md"}, []byte(tt.file))
				got := ""
				if v.Record != nil {
					got = v.Record.SourceHash
				}
				if got != tt.want {
					t.Errorf("statesOnly %v: record %q, want %q", statesOnly, got, tt.want)
				}
				// ApplyLock on what a cache keeps gives the same.
				c := *v
				c.Record = c.FileRecord
				p.ApplyLock(&c)
				if (c.Record == nil) != (v.Record == nil) || (c.Record != nil && c.Record.SourceHash != got) {
					t.Errorf("ApplyLock gives %+v, parse %+v", c.Record, v.Record)
				}
			}
			copyV := p.ParseVersion(File{ID: "a", Lang: "tr", Path: ".ceviri/sources/ab/cd.md"}, []byte(noFM))
			if copyV.Record != nil {
				t.Errorf("a stored copy took record %+v", copyV.Record)
			}
		})
	}
}

func TestBrokenLockStopsOpen(t *testing.T) {
	cfg := "languages: [en, tr]\n"
	fsys := fstest.MapFS{config.LockFileName: {Data: []byte("\"a\":\n  tr: {from: en}\n")}}
	_, err := New("/p", fsys, []byte(cfg))
	if err == nil || !strings.HasPrefix(err.Error(), "ceviri.lock:2:3: bad record") {
		t.Errorf("got %v", err)
	}
}

func TestEmptyBodyAndMarker(t *testing.T) {
	tests := []struct {
		name, cfg, data string
		empty           bool
		marker          string
		line            int
	}{
		{"empty body", "", "---\ntitle: T\n---\n  \n\n", true, "", 0},
		{"empty file", "", "", true, "", 0},
		{"body", "", "---\ntitle: T\n---\nx\n", false, "", 0},
		{"marker set", "placeholder: {field: untranslated}\n", "---\ntitle: T\nuntranslated: 1\n---\nx\n", false, "untranslated: 1", 3},
		{"marker case-insensitive, TOML", "placeholder: {field: untranslated}\n", "+++\nUntranslated = true\n+++\nx\n", false, "Untranslated: true", 2},
		{"marker off", "placeholder: {field: untranslated}\n", "---\nuntranslated: 0\n---\nx\n", false, "", 0},
		{"marker false", "placeholder: {field: untranslated}\n", "---\nuntranslated: false\n---\nx\n", false, "", 0},
		{"no marker configured", "", "---\nuntranslated: 1\n---\nx\n", false, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Parse("ceviri.yaml", []byte("languages: [en, tr]\n"+tt.cfg))
			if err != nil {
				t.Fatal(err)
			}
			v := Parse(File{ID: "a", Lang: "tr", Path: "a.md"}, []byte(tt.data), c)
			if v.Err != nil {
				t.Fatal(v.Err)
			}
			if v.EmptyBody != tt.empty || v.Marker != tt.marker || v.MarkerLine != tt.line {
				t.Errorf("EmptyBody %v Marker %q line %d", v.EmptyBody, v.Marker, v.MarkerLine)
			}
		})
	}
}

// TestLargeLock: a lock file of 40,000 records (past the 4 MiB a page may
// have) is read; one past lockfile.MaxSize is refused, positioned.
func TestLargeLock(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 40000; i++ {
		fmt.Fprintf(&b, "\"a%05d\":\n  tr: {from: en, source_hash: \"%s\"}\n\n", i, hashLock)
	}
	if b.Len() <= 4<<20 {
		t.Fatalf("only %d bytes", b.Len())
	}
	cfg := "languages: [en, tr]\n"
	p, err := New("/p", fstest.MapFS{config.LockFileName: {Data: []byte(b.String())}}, []byte(cfg))
	if err != nil || p.Lock.Len() != 40000 {
		t.Fatalf("%v", err)
	}
	big := make([]byte, lockfile.MaxSize+1)
	_, err = New("/p", fstest.MapFS{config.LockFileName: {Data: big}}, []byte(cfg))
	if err == nil || !strings.HasPrefix(err.Error(), "ceviri.lock:1:1: lock file is larger than 64 MiB") {
		t.Errorf("got %v", err)
	}
}
