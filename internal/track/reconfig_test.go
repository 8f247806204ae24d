package track

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/project"
)

// openCounter is a MapFS that counts the files opened under a prefix.
type openCounter struct {
	fstest.MapFS
	prefix string
	mu     sync.Mutex
	n      int
}

func (o *openCounter) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, o.prefix) {
		o.mu.Lock()
		o.n++
		o.mu.Unlock()
	}
	return o.MapFS.Open(name)
}

func (o *openCounter) opened() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.n
}

// analyze loads every article of fsys under the configuration cfg.
func analyze(t *testing.T, fsys fs.FS, cfg string, statesOnly bool) map[string]*VersionStatus {
	t.Helper()
	p, err := project.New("/p", fsys, []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	p.StatesOnly = statesOnly
	files, errs := p.Scan()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	vs := p.Load(files)
	for _, v := range vs {
		if v.Err != nil {
			t.Fatal(v.Err)
		}
	}
	out := map[string]*VersionStatus{}
	for _, a := range Analyze(p, project.Group(vs)) {
		out[a.ID] = a.Versions["en"]
	}
	return out
}

// fingerprintUnder is the fingerprint of a source version under cfg.
func fingerprintUnder(t *testing.T, cfg, doc string) string {
	t.Helper()
	p, err := project.New("/p", fstest.MapFS{}, []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	v := project.Parse(project.File{Path: "x.md"}, []byte(doc), p.Config)
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	return v.Fingerprint
}

func describeVersion(v *VersionStatus) string {
	s := string(v.State)
	if v.PendingWords != nil {
		s += fmt.Sprintf(" pending=%d", *v.PendingWords)
	}
	if v.ChangedSegments != nil {
		s += fmt.Sprintf(" changed=%d/%d", *v.ChangedSegments, *v.TotalSegments)
	}
	if v.Reconfigured {
		s += " reconfigured"
	}
	if v.Missing != nil {
		s += " missing-copy"
	}
	return s
}

// TestReconfigured: records made under one configuration, read under
// another (a field made translatable). Staleness compares the stored copy
// and the current source segmented under the current configuration.
func TestReconfigured(t *testing.T) {
	const (
		before = "languages: [tr, en]\ntranslatable: [title]\n"
		after  = "languages: [tr, en]\ntranslatable: [title, author_role]\n"
	)
	src := "---\ntitle: Başlık\ndate: 2025-12-01\nauthor_role: Muhabir\n---\n\nBir iki üç.\n\n- bir\n"
	fp := fingerprintUnder(t, before, src)
	if fp == fingerprintUnder(t, after, src) {
		t.Fatal("the two configurations give the same fingerprint: the test tests nothing")
	}
	rec := func(draft bool) string {
		s := "translation:\n  from: tr\n  source_hash: " + fp + "\n"
		if draft {
			s += "  draft: true\n"
		}
		return s
	}
	tr := "---\ntitle: Title\nauthor_role: Reporter\n" + rec(false) + "---\n\nOne two three.\n\n- one\n"
	draft := "---\ntitle: Title\n" + rec(true) + "---\n\nOne two three.\n\n- bir\n"
	tests := []struct {
		name, current, translation, want string
		copy                             bool // the stored copy (src) is there
	}{
		{"unchanged source", src, tr, "current reconfigured", true},
		{"only a shared field changed", strings.Replace(src, "2025-12-01", "2025-12-05", 1), tr, "current reconfigured", true},
		{"a paragraph changed", strings.Replace(src, "Bir iki üç.", "Bir iki üç dört.", 1), tr, "stale pending=4 changed=1/4", true},
		{"the newly translatable field changed", strings.Replace(src, "Muhabir", "Kıdemli muhabir", 1), tr, "stale pending=2 changed=1/4", true},
		{"draft of the unchanged source", src, draft, "draft pending=1 reconfigured", true},
		{"draft, a list item added", src + "- iki üç\n", draft, "draft pending=3", true},
		{"no stored copy", src, tr, "stale pending=6 changed=4/4 missing-copy", false},
	}
	for _, tt := range tests {
		for _, statesOnly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/statesOnly=%v", tt.name, statesOnly), func(t *testing.T) {
				files := fstest.MapFS{
					"articles/a/tr.md": {Data: []byte(tt.current)},
					"articles/a/en.md": {Data: []byte(tt.translation)},
				}
				if tt.copy {
					files[SnapshotPath(fp)] = &fstest.MapFile{Data: []byte(src)}
				}
				// Under the configuration of the record, nothing is new.
				if tt.current == src && tt.copy {
					if got := describeVersion(analyze(t, files, before, statesOnly)["a"]); got != strings.Replace(tt.want, " reconfigured", "", 1) {
						t.Errorf("under the old configuration: %s", got)
					}
				}
				v := analyze(t, files, after, statesOnly)["a"]
				if got := describeVersion(v); got != tt.want {
					t.Errorf("got %q, want %q", got, tt.want)
				}
				if v.State == Current && (v.Recorded == nil || len(v.Changes) != 0) {
					t.Errorf("a reconfigured current translation has Recorded %v and changes %v", v.Recorded, v.Changes)
				}
			})
		}
	}
}

// TestMissingCopy: the error of a record whose stored copy is not there
// names the record, the file looked for, and how to recover.
func TestMissingCopy(t *testing.T) {
	files := fstest.MapFS{
		"articles/a/tr.md": {Data: []byte("---\ntitle: Başlık\n---\n\nBir.\n")},
		"articles/a/en.md": {Data: []byte("---\ntitle: Title\ntranslation:\n  from: tr\n  source_hash: " + h0 + "\n---\n\nOne.\n")},
	}
	v := analyze(t, files, "languages: [tr, en]\n", true)["a"]
	m := v.Missing
	if m == nil {
		t.Fatalf("no MissingCopyError: %+v", v)
	}
	if m.Path != "articles/a/en.md" || m.Line != 3 || m.Copy() != ".ceviri/sources/00/"+strings.Repeat("0", 62)+".md" || m.SourcePath != "articles/a/tr.md" {
		t.Errorf("MissingCopyError = %+v (copy %s)", *m, m.Copy())
	}
	if !errors.Is(m, ErrNoSnapshot) {
		t.Error("a MissingCopyError is not ErrNoSnapshot")
	}
	for _, want := range []string{
		"articles/a/en.md:3: ",
		"looked for .ceviri/sources/00/000",
		"`ceviri diff a --lang en` recovers it from history",
		"check the translation against articles/a/tr.md and run `ceviri done a --lang en`",
	} {
		if !strings.Contains(v.Note, want) {
			t.Errorf("note %q does not say %q", v.Note, want)
		}
	}
}

// TestStoredCopyReadOnlyWhenNeeded: a translation whose record names the
// source's fingerprint reads no stored copy; one that names another reads
// it, and a copy byte for byte the source is taken as the source, not
// segmented again.
func TestStoredCopyReadOnlyWhenNeeded(t *testing.T) {
	const cfg = "languages: [tr, en]\n"
	src := "---\ntitle: Başlık\n---\n\nBir iki üç.\n"
	fp := fingerprintUnder(t, cfg, src)
	record := func(hash string) string {
		return "---\ntitle: Title\ntranslation:\n  from: tr\n  source_hash: " + hash + "\n---\n\nOne two three.\n"
	}
	fsys := &openCounter{prefix: StoreDir, MapFS: fstest.MapFS{
		"articles/a/tr.md":  {Data: []byte(src)},
		"articles/a/en.md":  {Data: []byte(record(fp))},
		SnapshotPath(fp):    {Data: []byte(src)},
		SnapshotPath(h0):    {Data: []byte(src)}, // a copy named by another fingerprint
		"articles/b/tr.md":  {Data: []byte(src)},
		"articles/b/en.md":  {Data: []byte(record(fp))},
		"articles/c/tr.md":  {Data: []byte(src)},
		"articles/c/en.md":  {Data: []byte(record(fp))},
		"articles/c/de.txt": {Data: []byte("not a version")},
	}}
	if got := analyze(t, fsys, cfg, true); got["a"].State != Current || got["b"].State != Current || got["c"].State != Current {
		t.Fatalf("states %s %s %s", got["a"].State, got["b"].State, got["c"].State)
	}
	if n := fsys.opened(); n != 0 {
		t.Errorf("current translations opened %d stored copies", n)
	}

	fsys.MapFS["articles/b/en.md"] = &fstest.MapFile{Data: []byte(record(h0))}
	p, err := project.New("/p", fsys, []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := p.Scan()
	arts := Analyze(p, project.Group(p.Load(files)))
	b := arts[1].Versions["en"]
	if b.State != Current || !b.Reconfigured {
		t.Fatalf("b = %s", describeVersion(b))
	}
	if n := fsys.opened(); n != 1 {
		t.Errorf("opened %d stored copies, want 1 (b's)", n)
	}
	// Taken as the source: the same parse, not a new one.
	if b.Recorded.Doc == nil || b.Recorded.Doc != arts[1].SourceFile.Doc {
		t.Error("a copy byte for byte the source was parsed again")
	}
	if b.Recorded.Path != SnapshotPath(h0) || b.Recorded.Record != nil {
		t.Errorf("the copy stands as %s (record %v)", b.Recorded.Path, b.Recorded.Record)
	}
}
