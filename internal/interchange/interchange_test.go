package interchange

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/xliff"
)

// open makes a project from files and analyses it.
func open(t testing.TB, files map[string]string) (*project.Project, []*track.ArticleStatus) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg := files["ceviri.yaml"]
	if cfg == "" {
		cfg = "languages: [tr, en]\n"
	}
	p, err := project.New("/p", fsys, []byte(cfg))
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
	return p, track.Analyze(p, project.Group(vs))
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string // pieces, markup in {braces}
	}{
		{"Düz metin.", []string{"Düz metin."}},
		{"Bkz. [rapor](https://x.org/a_b) ve **kalın**.", []string{"Bkz. ", "{[}", "rapor", "{](https://x.org/a_b)}", " ve ", "{**}", "kalın", "{**}", "."}},
		{"`kod` ile <b>html</b>", []string{"{`kod`}", " ile ", "{<b>}", "html", "{</b>}"}},
		{"# başlık değil", []string{"# başlık değil"}},
		{"1986. yılında", []string{"1986. yılında"}},
		{"Not[^1] ve {{< fig >}}", []string{"Not", "{[^1]}", " ve ", "{{{< fig >}}}"}},
		{"![resim](a.png)", []string{"{![}", "resim", "{](a.png)}"}},
		{"x_y_z", []string{"x_y_z"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ps := Split(tt.in, nil)
			var got []string
			for _, p := range ps {
				if p.Code {
					got = append(got, "{"+p.Text+"}")
				} else {
					got = append(got, p.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split = %q, want %q", got, tt.want)
			}
			if Join(ps) != tt.in {
				t.Errorf("Join(Split) = %q", Join(ps))
			}
		})
	}
	// A reference link is markup once the reference is known.
	refs := References([]byte("[r]: https://x.org\n"))
	if ps := Split("bkz. [metin][r]", refs); len(ps) != 4 || ps[3].Text != "][r]" {
		t.Errorf("reference link: %+v", ps)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"a [b](c) *d* `e`", "<a href='x'>y</a>", "[^n] {{% x %}}", "\\*x\\*", "**a _b_ c**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps := Split(s, nil)
		if Join(ps) != s {
			t.Fatalf("Join(Split(%q)) = %q", s, Join(ps))
		}
		id := 0
		for _, p := range ps {
			if p.Code {
				id++
				if p.ID != id {
					t.Fatalf("ids not sequential: %+v", ps)
				}
			}
		}
	})
}

func TestParseID(t *testing.T) {
	tests := []struct {
		id, article, slot, hash string
		ok                      bool
	}{
		{"a#b0-01234567", "a", "b0", "01234567", true},
		{"2025/x#tags.1-89abcdef", "2025/x", "tags.1", "89abcdef", true},
		{"a#meta-description-89abcdef", "a", "meta-description", "89abcdef", true},
		{"nonsense", "", "", "", false},
		{"a#b0-123", "", "", "", false},
		{"#b0-01234567", "", "", "", false},
	}
	for _, tt := range tests {
		a, s, h, err := ParseID(tt.id)
		if (err == nil) != tt.ok || a != tt.article || s != tt.slot || h != tt.hash {
			t.Errorf("ParseID(%q) = %q %q %q %v", tt.id, a, s, h, err)
		}
	}
}

const srcA = `---
title: Başlık
tags: [bir, iki]
---

Birinci paragraf
iki satır.

- Madde bir
- Madde iki

| A | B |
|---|---|
| x | y |
`

// importUnits runs units through Check and Rebuild for the article a in en.
func importUnits(t *testing.T, p *project.Project, arts []*track.ArticleStatus, subs []Submitted) (string, *Result, error) {
	t.Helper()
	acc, err := Check(arts, p.Config.Languages, subs)
	if err != nil {
		return "", nil, err
	}
	if len(acc) != 1 {
		t.Fatalf("accepted %d articles", len(acc))
	}
	res, err := Rebuild(p.Config, acc[0], version(t, p, acc[0]))
	if err != nil {
		return "", nil, err
	}
	return string(res.Data), res, nil
}

// version returns the translation to import into; a missing one starts as
// a draft copy of the source's body, as the import command makes it.
func version(t testing.TB, p *project.Project, a *Accepted) *track.VersionStatus {
	v := a.Article.Versions[a.Lang]
	if v.State != track.Missing {
		return v
	}
	src := a.Article.SourceFile
	data := "---\ntranslation:\n  from: " + src.Lang + "\n  source_hash: " + src.Fingerprint + "\n  draft: true\n---\n" + string(src.Doc.Body)
	f := project.Parse(project.File{ID: a.Article.ID, Lang: a.Lang, Path: v.Path}, []byte(data), p.Config)
	if f.Err != nil {
		t.Fatal(f.Err)
	}
	return &track.VersionStatus{State: track.Missing, Path: v.Path, Parsed: f}
}

func unitsOf(t *testing.T, arts []*track.ArticleStatus, all bool, fill func(Unit) string) []Submitted {
	t.Helper()
	var subs []Submitted
	for _, a := range arts {
		ia := Collect(a, "en", all)
		if ia == nil {
			continue
		}
		for _, u := range ia.Units {
			subs = append(subs, Submitted{File: "x.po", Line: 1, Col: 1, ID: u.ID, Lang: "en", Source: u.Source, Target: []TargetPiece{{Text: fill(u)}}})
		}
	}
	return subs
}

func TestRebuildDraftInPlace(t *testing.T) {
	tr := "---\ntitle: Title\ntags: [one, iki]\ntranslation:\n  from: tr\n  source_hash: HASH\n  draft: true\n---\n\nFirst paragraph\non two lines.\n\n- Madde bir\n- Item two\n\n| A | B |\n|---|---|\n| x | y |\n"
	cfg := "languages: [tr, en]\ntranslatable: [title, tags]\n"
	_, arts := open(t, map[string]string{"articles/a/tr.md": srcA, "ceviri.yaml": cfg})
	tr = strings.Replace(tr, "HASH", arts[0].SourceFile.Fingerprint, 1)
	p, arts := open(t, map[string]string{"articles/a/tr.md": srcA, "articles/a/en.md": tr, "ceviri.yaml": cfg})
	if st := arts[0].Versions["en"].State; st != track.Draft {
		t.Fatalf("state %s", st)
	}
	ia := Collect(arts[0], "en", false)
	var slots []string
	for _, u := range ia.Units {
		slots = append(slots, u.Slot)
	}
	// Still the source's text: tags.1, the first list item, the table cells
	// A, B, x, y.
	if got := strings.Join(slots, " "); got != "tags.1 b1 b3 b4 b5 b6" {
		t.Fatalf("pending slots = %q", got)
	}
	subs := unitsOf(t, arts, false, func(u Unit) string {
		if u.Slot == "b5" {
			return "x | z" // a pipe in a cell is escaped
		}
		return "EN " + u.Source
	})
	got, res, err := importUnits(t, p, arts, subs)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Complete || res.Applied != 6 {
		t.Errorf("complete %v applied %d", res.Complete, res.Applied)
	}
	for _, want := range []string{"tags: [one, EN iki]\n", "First paragraph\non two lines.\n", "- EN Madde bir\n- Item two\n", "| EN A | EN B |\n", "| x \\| z | EN y |\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("rebuilt file lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "draft") {
		t.Errorf("still a draft:\n%s", got)
	}
}

func TestRebuildStaleRemovesItem(t *testing.T) {
	old := "---\ntitle: Başlık\n---\n\nGiriş.\n\n- Bir\n- İki\n- Üç\n\nSon.\n"
	now := "---\ntitle: Başlık\n---\n\nGiriş değişti.\n\n- Bir\n- Üç\n\nSon.\n"
	trText := "---\ntitle: Title\ntranslation:\n  from: tr\n  source_hash: HASH\n---\n\nIntro.\n\n- One\n- Two\n- Three\n\nEnd.\n"
	_, arts := open(t, map[string]string{"articles/a/tr.md": old})
	oldHash := arts[0].SourceFile.Fingerprint
	files := map[string]string{
		"articles/a/tr.md":          now,
		"articles/a/en.md":          strings.Replace(trText, "HASH", oldHash, 1),
		track.SnapshotPath(oldHash): old,
	}
	p, arts := open(t, files)
	if st := arts[0].Versions["en"].State; st != track.Stale {
		t.Fatalf("state %s", st)
	}
	subs := unitsOf(t, arts, false, func(u Unit) string { return "Intro changed." })
	if len(subs) != 1 {
		t.Fatalf("units %+v", subs)
	}
	got, res, err := importUnits(t, p, arts, subs)
	if err != nil {
		t.Fatal(err)
	}
	want := "\nIntro changed.\n\n- One\n- Three\n\nEnd.\n"
	if !strings.HasSuffix(got, want) || !res.Complete {
		t.Errorf("rebuilt:\n%s\nwant body %q", got, want)
	}
}

func TestRebuildRefusesStructureChange(t *testing.T) {
	p, arts := open(t, map[string]string{"articles/a/tr.md": "Bir paragraf.\n"})
	subs := unitsOf(t, arts, false, func(u Unit) string { return "# A heading" })
	_, _, err := importUnits(t, p, arts, subs)
	if err == nil || !strings.Contains(err.Error(), "x.po:1:1: unit") || !strings.Contains(err.Error(), "does not stay one paragraph") {
		t.Errorf("err = %v", err)
	}
}

func TestCheckPlaceholders(t *testing.T) {
	p, arts := open(t, map[string]string{"articles/a/tr.md": "Bkz. [site](https://x.org) ve `kod`.\n"})
	u := Collect(arts[0], "en", false).Units[0]
	mk := func(ps ...TargetPiece) []Submitted {
		return []Submitted{{File: "x.xlf", Line: 3, Col: 5, ID: u.ID, Lang: "en", Source: u.Source, Markup: true, Target: ps}}
	}
	ph := func(id string) TargetPiece { return TargetPiece{Ph: true, ID: id, Line: 4, Col: 9} }
	txt := func(s string) TargetPiece { return TargetPiece{Text: s} }
	tests := []struct {
		name string
		subs []Submitted
		want string // error substring, or the rebuilt body
	}{
		{"all kept", mk(txt("See "), ph("1"), txt("site"), ph("2"), txt(" and "), ph("3"), txt(".")), "See [site](https://x.org) and `kod`.\n"},
		{"reordered", mk(ph("3"), txt(" and "), ph("1"), txt("site"), ph("2")), "`kod` and [site](https://x.org)\n"},
		{"link dropped", mk(txt("See site and "), ph("3")), `x.xlf:3:5: unit "` + u.ID + `": the target lacks placeholder(s) 1 ([), 2 (](https://x.org))`},
		{"markup typed", mk(txt("See [site](https://x.org) and `kod`.")), "See [site](https://x.org) and `kod`.\n"},
		{"unknown id", mk(txt("x"), ph("1"), ph("2"), ph("3"), ph("7")), `x.xlf:4:9: unit "` + u.ID + `": placeholder id "7" is not in the source`},
		{"twice", mk(txt("x"), ph("1"), ph("2"), ph("3"), ph("3")), `placeholder id "3" appears twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := importUnits(t, p, arts, tt.subs)
			if err != nil {
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("err = %v, want %q", err, tt.want)
				}
				return
			}
			if !strings.HasSuffix(got, "---\n"+tt.want) {
				t.Errorf("got\n%s\nwant body %q", got, tt.want)
			}
		})
	}
}

// FuzzImport runs whatever comes back (XLIFF or PO) through the whole
// import: reading, checking against a project and rebuilding. It must not
// panic, and an accepted import must rebuild to a file that parses.
func FuzzImport(f *testing.F) {
	// Article a has no translation; b has a stale one with its own
	// structure.
	oldB := "---\ntitle: Eski\n---\n\nBir.\n\n- İki\n- Üç\n"
	_, pre := open(f, map[string]string{"articles/b/tr.md": oldB})
	oldHash := pre[0].SourceFile.Fingerprint
	p, arts := open(f, map[string]string{
		"articles/a/tr.md":          srcA,
		"articles/b/tr.md":          "---\ntitle: Yeni\n---\n\nBir.\n\nDört.\n\n- Üç\n- Beş\n",
		"articles/b/en.md":          "---\ntitle: Old\ntranslation:\n  from: tr\n  source_hash: " + oldHash + "\n---\n\nOne.\n\nNote.\n\n- Two\n- Three\n",
		track.SnapshotPath(oldHash): oldB,
	})
	var ias []*ArticleUnits
	for _, a := range arts {
		ias = append(ias, Collect(a, "en", false))
	}
	var xb, pb bytes.Buffer
	_ = xliff.Write(&xb, ToXLIFF(ias))
	_ = po.Write(&pb, ToPO(ias, "en", "tr", []po.Field{{Key: "Language", Value: "en"}}))
	f.Add(xb.Bytes(), false)
	f.Add(pb.Bytes(), true)
	f.Add([]byte(strings.Replace(xb.String(), `<target state="needs-translation"></target>`, `<target>EN <ph id="1">x</ph></target>`, 1)), false)
	f.Add([]byte(strings.Replace(pb.String(), `msgstr ""`+"\n\n", `msgstr "# EN | x"`+"\n\n", 2)), true)
	// Hostile cases of issue 11: placeholders dropped, repeated, swapped or
	// unknown; PO markup broken; control characters; many units.
	for _, target := range []string{
		`<target><ph id="1"/>x<ph id="1"/></target>`,
		`<target><ph id="2"/>x<ph id="1"/> y</target>`,
		`<target><ph id="9">[</ph>x</target>`,
		"<target>[x <ph id=\"2\"/> \x1b[2J &#x7;</target>",
		`<target><g id="1"><mrk mtype="seg"><ph id="1"/>x</mrk></g></target>`,
	} {
		f.Add([]byte(strings.Replace(xb.String(), `<target state="needs-translation"></target>`, target, -1)), false)
	}
	f.Add([]byte(strings.Replace(pb.String(), `msgstr ""`+"\n\n", `msgstr "[EN](x) ve] `+"`k`"+` **b"`+"\n\n", -1)), true)
	f.Add([]byte(strings.Replace(pb.String(), `msgstr ""`+"\n\n", `msgstr "\033[2J\a\r"`+"\n\n", -1)), true)
	f.Add([]byte(pb.String()+strings.Repeat("msgctxt \"a#b0-00000000\"\nmsgid \"x\"\nmsgstr \"y\"\n\n", 200)), true)
	f.Fuzz(func(t *testing.T, data []byte, isPO bool) {
		var subs []Submitted
		var err error
		if isPO {
			var pf *po.File
			if pf, err = po.Read("f.po", bytes.NewReader(data)); err == nil {
				subs, err = FromPO("f.po", pf)
			}
		} else {
			var d *xliff.Document
			if d, err = xliff.Read("f.xlf", bytes.NewReader(data)); err == nil {
				subs, err = FromXLIFF("f.xlf", d)
			}
		}
		if err != nil {
			sameWords(t, err)
			return
		}
		acc, err := Check(arts, p.Config.Languages, subs)
		if err != nil {
			sameWords(t, err)
			return
		}
		for _, a := range acc {
			res, err := Rebuild(p.Config, a, version(t, p, a))
			if err != nil {
				sameWords(t, err)
				continue
			}
			if v := project.Parse(project.File{ID: "a", Lang: a.Lang, Path: res.Path}, res.Data, p.Config); v.Err != nil {
				t.Fatalf("rebuilt file does not parse: %v\n%s", v.Err, res.Data)
			}
		}
	})
}

func TestRebuildInsertsAddedSegments(t *testing.T) {
	old := "---\ntitle: Başlık\n---\n\nGiriş.\n\n- Bir\n- İki\n\nSon.\n"
	now := "---\ntitle: Başlık\n---\n\nGiriş.\n\n## Yeni başlık\n\nYeni paragraf.\n\n- Bir\n- İki\n- Üç\n\nSon.\n\n```sh\nmake\n```\n\nEk.\n"
	// The translator wrapped a line and added a paragraph of their own.
	trText := "---\ntitle: Title\ntranslation:\n  from: tr\n  source_hash: HASH\n---\n\nIntro,\nwrapped.\n\nA translator's note.\n\n- One\n- Two\n\nEnd.\n"
	_, arts := open(t, map[string]string{"articles/a/tr.md": old})
	oldHash := arts[0].SourceFile.Fingerprint
	p, arts := open(t, map[string]string{
		"articles/a/tr.md":          now,
		"articles/a/en.md":          strings.Replace(trText, "HASH", oldHash, 1),
		track.SnapshotPath(oldHash): old,
	})
	subs := unitsOf(t, arts, false, func(u Unit) string { return "EN " + u.Source })
	if len(subs) != 4 {
		t.Fatalf("units: %+v", subs)
	}
	got, res, err := importUnits(t, p, arts, subs)
	if err != nil {
		t.Fatal(err)
	}
	want := "\nIntro,\nwrapped.\n\nA translator's note.\n\n## EN Yeni başlık\n\nEN Yeni paragraf.\n\n- One\n- Two\n- EN Üç\n\nEnd.\n\n```sh\nmake\n```\n\nEN Ek.\n"
	if !strings.HasSuffix(got, want) || !res.Complete {
		t.Errorf("rebuilt (complete %v):\n%s\nwant body:\n%s", res.Complete, got, want)
	}
	// Only some units: the others keep the source's text and the file is a
	// draft of the current source.
	got, res, err = importUnits(t, p, arts, subs[:1])
	if err != nil {
		t.Fatal(err)
	}
	if res.Complete || !strings.Contains(got, "draft: true") || !strings.Contains(got, "- Two\n- Üç\n") {
		t.Errorf("partial import (complete %v):\n%s", res.Complete, got)
	}
}

func TestCheckSourceWithEmptyPlaceholders(t *testing.T) {
	// A tool that writes the source's placeholders back as <x id="N"/>,
	// without their content, still matches the current source.
	_, arts := open(t, map[string]string{"articles/a/tr.md": "Bkz. [site](https://x.org).\n"})
	u := Collect(arts[0], "en", false).Units[0]
	s := Submitted{File: "x.xlf", Line: 1, Col: 1, ID: u.ID, Lang: "en", Markup: true,
		Source:      "Bkz. site.",
		SourceParts: []TargetPiece{{Text: "Bkz. "}, {Ph: true, ID: "1"}, {Text: "site"}, {Ph: true, ID: "2"}, {Text: "."}},
		Target:      []TargetPiece{{Text: "See "}, {Ph: true, ID: "1"}, {Text: "the site"}, {Ph: true, ID: "2"}, {Text: "."}}}
	acc, err := Check(arts, []string{"tr", "en"}, []Submitted{s})
	if err != nil || len(acc) != 1 || acc[0].Targets[0] != "See [the site](https://x.org)." {
		t.Fatalf("Check = %+v, %v", acc, err)
	}
	s.SourceParts[1].ID = "9"
	if _, err := Check(arts, []string{"tr", "en"}, []Submitted{s}); err == nil || !strings.Contains(err.Error(), "not the current source") {
		t.Errorf("unknown placeholder in the source: err = %v", err)
	}
}
