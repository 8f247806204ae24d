package track

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
)

func ops(changes []Change) string {
	var out []string
	for _, c := range changes {
		switch c.Op {
		case Added:
			out = append(out, fmt.Sprintf("+%d", c.NewIndex))
		case Removed:
			out = append(out, fmt.Sprintf("-%d", c.OldIndex))
		case Changed:
			out = append(out, fmt.Sprintf("~%d:%d", c.OldIndex, c.NewIndex))
		case Moved:
			out = append(out, fmt.Sprintf(">%d:%d", c.OldIndex, c.NewIndex))
		}
	}
	return strings.Join(out, " ")
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "a\n\nb\n", "a\n\nb\n", ""},
		{"one paragraph changed", "a one\n\nb two\n\nc three\n", "a one\n\nb two changed\n\nc three\n", "~1:1"},
		{"added at end", "a\n\nb\n", "a\n\nb\n\nc\n", "+2"},
		{"removed in middle", "a\n\nb\n\nc\n", "a\n\nc\n", "-1"},
		{"list item added and sentence extended", "p one two\n\n- x\n- y\n", "p one two three four\n\n- x\n- y\n- z\n", "~0:0 +3"},
		{"moved", "a\n\nb\n\nc\n", "b\n\nc\n\na\n", ">0:2"},
		{"changed pairs by similarity", "first words here\n\nsecond other text\n", "second other text edited\n", "~1:0 -0"},
		{"kind changes are add and remove", "# title\n", "title\n", "+0 -0"},
		{"all new", "", "a\n\nb\n", "+0 +1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ops(Compare(segment.Body([]byte(tt.old), 1), segment.Body([]byte(tt.new), 1)))
			if got != tt.want {
				t.Errorf("Compare = %q, want %q", got, tt.want)
			}
		})
	}
}

const h0 = "sha256:0000000000000000000000000000000000000000000000000000000000000000"

func newProject(t *testing.T, files fstest.MapFS) (*project.Project, []*ArticleStatus) {
	t.Helper()
	p, err := project.New("/p", files, []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs, errs := p.Scan()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	vs := p.Load(fs)
	for _, v := range vs {
		if v.Err != nil {
			t.Fatal(v.Err)
		}
	}
	return p, Analyze(p, project.Group(vs))
}

func fingerprintOf(t *testing.T, doc string) string {
	t.Helper()
	p, err := project.New("/p", fstest.MapFS{}, []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	return project.Parse(project.File{Path: "x.md"}, []byte(doc), p.Config).Fingerprint
}

func TestStates(t *testing.T) {
	oldSrc := "---\ntitle: Başlık\n---\n\nBir iki üç.\n\n- bir\n"
	newSrc := "---\ntitle: Başlık\n---\n\nBir iki üç dört beş.\n\n- bir\n- iki üç\n"
	fpOld := fingerprintOf(t, oldSrc)
	fpNew := fingerprintOf(t, newSrc)
	rec := func(hash string, draft bool) string {
		s := "translation:\n  from: tr\n  source_hash: " + hash + "\n"
		if draft {
			s += "  draft: true\n"
		}
		return s
	}
	files := fstest.MapFS{
		// current
		"articles/current/tr.md": {Data: []byte(newSrc)},
		"articles/current/en.md": {Data: []byte("---\ntitle: Title\n" + rec(fpNew, false) + "---\n\nOne two three four five.\n\n- one\n- two three\n")},
		// stale, with the stored copy of the old source
		"articles/stale/tr.md":                    {Data: []byte(newSrc)},
		"articles/stale/en.md":                    {Data: []byte("---\ntitle: Title\n" + rec(fpOld, false) + "---\n\nOne two three.\n\n- one\n")},
		SnapshotPath(fpOld):                       {Data: []byte(oldSrc)},
		"articles/nosnap/tr.md":                   {Data: []byte(newSrc)},
		"articles/nosnap/en.md":                   {Data: []byte("---\ntitle: T\n" + rec(h0, false) + "---\n\nText.\n")},
		"articles/draft/tr.md":                    {Data: []byte(newSrc)},
		"articles/draft/en.md":                    {Data: []byte("---\ntitle: Title\n" + rec(fpNew, true) + "---\n\nOne two three four five.\n\n- bir\n- iki üç\n")},
		"articles/untracked/tr.md":                {Data: []byte(newSrc)},
		"articles/untracked/en.md":                {Data: []byte("---\ntitle: T\n---\n\nText.\n")},
		"articles/missing/tr.md":                  {Data: []byte(newSrc)},
		"articles/orphan/en.md":                   {Data: []byte("---\ntitle: T\n" + rec(fpNew, false) + "---\n")},
		"articles/ensource/en.md":                 {Data: []byte("---\ntitle: T\n---\nHello.\n")},
		"articles/ensource/tr.md":                 {Data: []byte("---\ntitle: T\ntranslation:\n  from: en\n  source_hash: " + h0 + "\n---\nMerhaba.\n")},
		"articles/both-untracked/tr.md":           {Data: []byte("---\ntitle: T\n---\nMerhaba.\n")},
		"articles/both-untracked/en.md":           {Data: []byte("---\ntitle: T\n---\nHello.\n")},
		"articles/stale/notes/unrelated.markdown": {Data: []byte("x")},
	}
	_, arts := newProject(t, files)
	got := map[string]string{}
	for _, a := range arts {
		for _, l := range []string{"tr", "en"} {
			v := a.Versions[l]
			if v == nil {
				continue
			}
			s := string(v.State)
			if v.PendingWords != nil {
				s += fmt.Sprintf(" pending=%d", *v.PendingWords)
			}
			if v.ChangedSegments != nil {
				s += fmt.Sprintf(" changed=%d/%d", *v.ChangedSegments, *v.TotalSegments)
			}
			got[a.ID+"/"+l] = s
		}
	}
	// newSrc has 1 (title) + 5 + 1 + 2 = 9 words in 4 segments.
	want := map[string]string{
		"current/tr":        "source",
		"current/en":        "current",
		"stale/en":          "stale pending=7 changed=2/4", // the extended sentence (5) and the new item (2)
		"nosnap/en":         "stale pending=9 changed=4/4", // no stored copy: everything may have changed
		"draft/en":          "draft pending=3",             // "bir" (1) and "iki üç" (2) are still Turkish
		"untracked/en":      "untracked pending=9",
		"missing/en":        "missing pending=9",
		"orphan/en":         "orphan",
		"ensource/en":       "source",
		"ensource/tr":       "stale pending=2 changed=2/2",
		"both-untracked/tr": "source",
		"both-untracked/en": "untracked pending=2",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	for _, a := range arts {
		if a.ID == "missing" && a.Versions["en"].Path != "articles/missing/en.md" {
			t.Errorf("missing path = %q", a.Versions["en"].Path)
		}
		if a.ID == "orphan" && (a.Source != "" || len(a.Versions) != 1) {
			t.Errorf("orphan = %+v", a)
		}
	}
	sum := Summarize([]string{"tr", "en"}, arts)
	if s := sum["en"]; s.Current != 1 || s.Stale != 2 || s.Draft != 1 || s.Untracked != 2 || s.Missing != 1 || s.Orphan != 1 || s.Source != 1 {
		t.Errorf("summary en = %+v", *s)
	}
}

func segs(texts ...string) []segment.Segment {
	out := make([]segment.Segment, len(texts))
	for i, t := range texts {
		out[i] = segment.Segment{Kind: segment.Paragraph, Text: t, Hash: t}
	}
	return out
}

// TestCompareWholeRewrite: a source of 30,000 paragraphs rewritten whole
// (past the pairing bound) is compared in bounded work: every new
// paragraph is paired, in order, with an old one (issue 11: 50,000 took 255 s and 9.9 GB).
func TestCompareWholeRewrite(t *testing.T) {
	const n = 30000
	old, nw := make([]string, n), make([]string, n)
	for i := range old {
		old[i] = fmt.Sprintf("old paragraph %d", i)
		nw[i] = fmt.Sprintf("new paragraph %d", i)
	}
	changes := Compare(segs(old...), segs(nw...))
	counts := map[string]int{}
	for _, c := range changes {
		counts[c.Op]++
		if c.Op == Changed && c.OldIndex > c.NewIndex+1 {
			t.Fatalf("changed pairs new %d with old %d: not in order", c.NewIndex, c.OldIndex)
		}
	}
	if counts[Changed] != n || len(changes) != n {
		t.Errorf("changes = %v, want %d changed", counts, n)
	}
}
