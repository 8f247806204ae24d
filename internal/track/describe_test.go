package track

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
)

func parseVersion(t *testing.T, path, text string) *project.Version {
	t.Helper()
	cfg, err := config.Default([]string{"tr", "en"})
	if err != nil {
		t.Fatal(err)
	}
	v := project.Parse(project.File{ID: "a", Lang: path[:2], Path: path}, []byte(text), cfg)
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	return v
}

const recTR = `---
title: Bahar şenliği
---

Şenlik cuma günü
başlayacak.

- Konser
- Tiyatro

Son paragraf.
`

const trEN = `---
title: Spring festival
translation:
  from: tr
  source_hash: sha256:0000000000000000000000000000000000000000000000000000000000000000
---

The festival starts
on Friday.

- Concert
- Theatre

Last paragraph.
`

type entryRow struct {
	op, kind, segment, translation string
	trLine, after, words           int
}

func rows(got []*DiffEntry) []entryRow {
	var out []entryRow
	for _, g := range got {
		out = append(out, entryRow{g.Op, g.Kind, g.Segment, g.Translation, g.TranslationLine, g.InsertAfterLine, g.Words})
	}
	return out
}

// Describe pairs each change with the translation's segment to edit, and
// places an added segment after the translation of the segment before it.
func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		edit *strings.Replacer
		want []entryRow
	}{
		{"field, added item, removed paragraph", strings.NewReplacer(
			"Bahar şenliği", "Bahar şenliği ertelendi",
			"- Tiyatro\n", "- Tiyatro\n- Söyleşi\n",
			"Son paragraf.\n", "",
		), []entryRow{
			{"changed", "field", "title", "Spring festival", 2, 0, 3},
			{"added", "list_item", "body.4", "", 0, 12, 1},
			{"removed", "paragraph", "body.4", "Last paragraph.", 14, 0, 0},
		}},
		{"added first in the body goes after the front matter", strings.NewReplacer(
			"Şenlik cuma", "# Program\n\nŞenlik cuma",
		), []entryRow{
			{"added", "heading", "body.1", "", 0, 6, 1},
		}},
		{"changed paragraph spread over lines", strings.NewReplacer(
			"cuma", "cumartesi",
		), []entryRow{
			{"changed", "paragraph", "body.1", "The festival starts on Friday.", 8, 0, 4},
		}},
		{"nothing changed", strings.NewReplacer(), nil},
	}
	rec := parseVersion(t, "tr.md", recTR)
	tr := parseVersion(t, "en.md", trEN)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := parseVersion(t, "tr.md", tt.edit.Replace(recTR))
			got := Describe(Compare(rec.Segments(), src.Segments()), rec, src, tr)
			g := rows(got)
			if len(g) != len(tt.want) {
				t.Fatalf("%d changes, want %d: %+v", len(g), len(tt.want), g)
			}
			for i := range tt.want {
				if g[i] != tt.want[i] {
					t.Errorf("change %d = %+v, want %+v", i, g[i], tt.want[i])
				}
				if got[i].Op == Changed && got[i].Diff == nil {
					t.Errorf("change %d: a changed segment has no word diff", i)
				}
			}
		})
	}
}

func TestUnchangedOld(t *testing.T) {
	changes := []Change{
		{Op: Removed, OldIndex: 1, NewIndex: -1},
		{Op: Added, OldIndex: -1, NewIndex: 2},
		{Op: Changed, OldIndex: 3, NewIndex: 3},
	}
	got := UnchangedOld(changes, 4, 4)
	want := map[int]int{0: 0, 1: 2, 3: 3}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("new %d -> old %d, want %d", k, got[k], v)
		}
	}
}

// LastLine finds where a paragraph spread over lines ends.
func TestLastLine(t *testing.T) {
	tr := parseVersion(t, "en.md", trEN)
	tests := []struct {
		seg  int
		want int
	}{
		{0, 2},  // the title field
		{1, 9},  // "The festival starts" (8) "on Friday." (9)
		{2, 11}, // "- Concert"
		{4, 14}, // "Last paragraph."
	}
	segs := tr.Segments()
	for _, tt := range tests {
		if got := LastLine(tr, &segs[tt.seg]); got != tt.want {
			t.Errorf("LastLine(segment %d %q) = %d, want %d", tt.seg, segs[tt.seg].Text, got, tt.want)
		}
	}
}

// DescribeVersion describes a stale translation from its stored copy, and
// nothing for a current one or one whose copy is missing.
func TestDescribeVersion(t *testing.T) {
	oldSrc := "---\ntitle: Başlık\n---\n\nBir iki üç.\n"
	newSrc := "---\ntitle: Başlık\n---\n\nBir iki üç dört.\n"
	fpOld, fpNew := fingerprintOf(t, oldSrc), fingerprintOf(t, newSrc)
	rec := func(h string) string { return "translation:\n  from: tr\n  source_hash: " + h + "\n" }
	files := fstest.MapFS{
		"articles/stale/tr.md":        {Data: []byte(newSrc)},
		"articles/stale/en.md":        {Data: []byte("---\ntitle: Title\n" + rec(fpOld) + "---\n\nOne two three.\n")},
		"articles/current/tr.md":      {Data: []byte(newSrc)},
		"articles/current/en.md":      {Data: []byte("---\ntitle: Title\n" + rec(fpNew) + "---\n\nOne two three four.\n")},
		"articles/nocopy/tr.md":       {Data: []byte(newSrc)},
		"articles/nocopy/en.md":       {Data: []byte("---\ntitle: Title\n" + rec(h0) + "---\n\nOne.\n")},
		SnapshotPathOf(fpOld, "x.md"): {Data: []byte(oldSrc)},
	}
	_, arts := newProject(t, files)
	got := map[string]string{}
	for _, a := range arts {
		var ops []string
		for _, e := range DescribeVersion(a, a.Versions["en"]) {
			ops = append(ops, e.Op+" "+e.Segment+" -> "+e.Translation)
		}
		got[a.ID] = strings.Join(ops, "; ")
		if DescribeVersion(a, a.Versions["tr"]) != nil {
			t.Errorf("%s: the source has a description", a.ID)
		}
	}
	want := map[string]string{"stale": "changed body.1 -> One two three.", "current": "", "nocopy": ""}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
}
