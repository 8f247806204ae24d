package interchange

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/check"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/xliff"
)

// linkRule is what the command line wires into Options.Links.
func linkRule(t testing.TB, cfgYAML string) func(article, srcLang, trLang string, src, tr []Link) []clitext.Text {
	t.Helper()
	p, _ := open(t, map[string]string{"ceviri.yaml": cfgYAML, "articles/z/en.md": "x\n"})
	conv := func(ls []Link) []check.LinkDest {
		out := make([]check.LinkDest, len(ls))
		for i, l := range ls {
			out[i] = check.LinkDest{Image: l.Image, Dest: l.Dest}
		}
		return out
	}
	return func(article, srcLang, trLang string, src, tr []Link) []clitext.Text {
		return check.LinkDiffText(p.Config, article, srcLang, trLang, conv(src), conv(tr))
	}
}

const gateConfig = "languages: [en, tr]\n"

const gateSource = "---\ntitle: Thinking\n---\n\n" +
	"This follows the [single responsibility principle](https://en.wikipedia.org/wiki/Single_responsibility_principle).\n\n" +
	"Install the [.NET SDK](https://learn.microsoft.com/en-us/dotnet/) and run `npm install`, **carefully**.\n\n" +
	"When done, [share your project](#share-your-project) or read [the guide](https://react.dev/learn).\n\n" +
	"## Share your project\n"

func TestCheckWithContentRules(t *testing.T) {
	p, arts := open(t, map[string]string{"ceviri.yaml": gateConfig, "articles/a/en.md": gateSource})
	units := Collect(arts[0], "tr", false).Units
	byLine := map[int]Unit{}
	for _, u := range units {
		byLine[u.Line] = u
	}
	faithful := map[int]string{
		2:  "Düşünmek",
		5:  "Bu, [tek sorumluluk ilkesine](https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi) uyar.",
		7:  "[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/) kurun ve `npm install` çalıştırın, **dikkatle**.",
		9:  "Bitince [projenizi paylaşın](#projenizi-paylaşın) ya da [kılavuzu](https://react.dev/learn) okuyun.",
		11: "Projenizi paylaşın",
	}
	para := func(line int, target string) []Submitted {
		u := byLine[line]
		if u.ID == "" {
			t.Fatalf("no unit at line %d: %+v", line, units)
		}
		out := []Submitted{{File: "tr.po", Line: 40, Col: 1, ID: u.ID, Lang: "tr", Source: u.Source, Target: []TargetPiece{{Text: target}}}}
		for _, o := range units { // the rest of the export, translated faithfully
			if o.ID != u.ID {
				out = append(out, Submitted{File: "tr.po", Line: 50 + o.Line, Col: 1, ID: o.ID, Lang: "tr", Source: o.Source, Target: []TargetPiece{{Text: faithful[o.Line]}}})
			}
		}
		return out
	}
	links := linkRule(t, gateConfig)
	tests := []struct {
		name  string
		subs  []Submitted
		opts  Options
		want  string // error substring; "" accepted
		draft bool   // accepted as a draft, with a warning holding warn
		warn  string
	}{
		{name: "wikipedia localized", subs: para(5, "Bu, [tek sorumluluk ilkesine](https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi) uyar."), opts: Options{Links: links}},
		{name: "locale segment and code kept", subs: para(7, "[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/) kurun ve `npm install` çalıştırın, **dikkatle**."), opts: Options{Links: links}},
		{name: "anchor translated", subs: para(9, "Bitince [projenizi paylaşın](#projenizi-paylaşın) ya da [kılavuzu](https://react.dev/learn) okuyun."), opts: Options{Links: links}},
		{name: "another page", subs: para(9, "Bitince [projenizi paylaşın](#projenizi-paylaşın) ya da [kılavuzu](https://react.dev/reference) okuyun."), opts: Options{Links: links},
			want: `tr.po:40:1: unit "` + byLine[9].ID + `": link to https://react.dev/learn in the source is https://react.dev/reference in the translation (another page on react.dev)`},
		{name: "another page, links off", subs: para(9, "Bitince [projenizi paylaşın](#projenizi-paylaşın) ya da [kılavuzu](https://react.dev/reference) okuyun.")},
		{name: "another page, links a warning", subs: para(9, "Bitince [projenizi paylaşın](#x) ya da [kılavuzu](https://react.dev/reference) okuyun."), opts: Options{Links: links, LinkWarnings: true},
			warn: "https://react.dev/reference in the translation (another page on react.dev) (links)"},
		{name: "broken link", subs: para(5, "Bu, [tek sorumluluk ilkesine] (https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi) uyar."), opts: Options{Links: links},
			want: `tr.po:40:1: unit "` + byLine[5].ID + `": the translation does not keep the source's markup: link once in the source, 0 times in the translation`},
		{name: "dropped backticks", subs: para(7, "[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/) kurun ve npm install çalıştırın, **dikkatle**."), opts: Options{Links: links},
			want: `code "npm install" once in the source, 0 times in the translation`},
		{name: "unclosed strong", subs: para(7, "[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/) kurun ve `npm install` çalıştırın, **dikkatle."), opts: Options{Links: links},
			want: `strong once in the source, 0 times in the translation`},
		{name: "unclosed strong, draft on problems", subs: para(7, "[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/) kurun ve `npm install` çalıştırın, **dikkatle."), opts: Options{Links: links, DraftOnProblems: true},
			draft: true, warn: `tr.po:40:1: unit "` + byLine[7].ID + `": the translation does not keep the source's markup: strong once in the source, 0 times in the translation`},
		{name: "another page, draft on problems", subs: para(9, "[Paylaşın](#x) ya da [kılavuzu](https://example.org/learn) okuyun."), opts: Options{Links: links, DraftOnProblems: true},
			draft: true, warn: "(another site); link where the source links"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc, err := CheckWith(arts, p.Config.Languages, tt.subs, tt.opts)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(acc) != 1 || len(acc[0].Targets) != 5 {
				t.Fatalf("accepted %+v", acc)
			}
			var warns []string
			for _, w := range acc[0].Warnings {
				warns = append(warns, w.Error())
			}
			if acc[0].Draft != tt.draft || (tt.warn == "") != (len(warns) == 0) || !strings.Contains(strings.Join(warns, "\n"), tt.warn) {
				t.Errorf("draft %v, warnings %q; want draft %v, a warning with %q", acc[0].Draft, warns, tt.draft, tt.warn)
			}
			res, err := Rebuild(p.Config, acc[0], version(t, p, acc[0]))
			if err != nil {
				t.Fatal(err)
			}
			want := track.Current
			if tt.draft {
				want = track.Draft
			}
			if res.After != want || res.Record.Draft != tt.draft {
				t.Errorf("rebuilt %s, record %+v; want %s", res.After, res.Record, want)
			}
		})
	}
}

// An untouched export --all of a translation that localizes its links and
// anchors comes back through XLIFF: each localized destination is typed
// text where the source has a placeholder, and is accepted as check
// accepts it; the translation is recorded current, unchanged.
func TestCheckWithLocalizedRoundTrip(t *testing.T) {
	tr := "---\ntitle: Düşünmek\n---\n\n" +
		"Bu, [tek sorumluluk ilkesine](https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi) uyar.\n\n" +
		"[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/) kurun ve `npm install` çalıştırın, **dikkatle**.\n\n" +
		"Bitince [projenizi paylaşın](#projenizi-paylaşın) ya da [kılavuzu](https://react.dev/learn) okuyun.\n\n" +
		"## Projenizi paylaşın\n"
	p, arts := open(t, map[string]string{"ceviri.yaml": gateConfig, "articles/a/en.md": gateSource, "articles/a/tr.md": tr})
	ia := Collect(arts[0], "tr", true)
	var subs []Submitted
	for _, u := range ia.Units {
		s := Submitted{File: "tr.xlf", Line: 1, Col: 1, ID: u.ID, Lang: "tr", Source: u.Source, Markup: true}
		for _, sp := range targetSpans(u.Target, u.Pieces, u.Format) {
			s.Target = append(s.Target, TargetPiece{Text: sp.Text, Ph: sp.Ph, ID: sp.ID})
		}
		subs = append(subs, s)
	}
	if len(subs) != 5 {
		t.Fatalf("%d units", len(subs))
	}
	acc, err := CheckWith(arts, p.Config.Languages, subs, Options{Links: linkRule(t, gateConfig)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Rebuild(p.Config, acc[0], version(t, p, acc[0]))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Complete || !strings.HasSuffix(string(res.Data), "---\n"+tr[strings.Index(tr, "---\n\n")+4:]) {
		t.Errorf("complete %v:\n%s", res.Complete, res.Data)
	}
	// The same round trip with a link moved to another page is refused.
	for i := range subs {
		for j := range subs[i].Target {
			subs[i].Target[j].Text = strings.ReplaceAll(subs[i].Target[j].Text, "tr-tr/dotnet/", "tr-tr/azure/")
		}
	}
	if _, err := CheckWith(arts, p.Config.Languages, subs, Options{Links: linkRule(t, gateConfig)}); err == nil || !strings.Contains(err.Error(), "(another page on learn.microsoft.com)") {
		t.Errorf("a link to another page: err = %v", err)
	}
}

// FuzzImportGate runs XLIFF and PO files through the import with the
// content checks of the gate (links as check reads them, and
// --draft-on-problems or not). It must not panic; an accepted import must
// rebuild to a file that parses, and a unit taken with a problem must
// leave a draft.
func FuzzImportGate(f *testing.F) {
	p, arts := open(f, map[string]string{"ceviri.yaml": gateConfig, "articles/a/en.md": gateSource})
	links := linkRule(f, gateConfig)
	ia := Collect(arts[0], "tr", false)
	var xb, pb bytes.Buffer
	_ = xliff.Write(&xb, ToXLIFF([]*ArticleUnits{ia}))
	_ = po.Write(&pb, ToPO([]*ArticleUnits{ia}, "tr", "en", []po.Field{{Key: "Language", Value: "tr"}}))
	f.Add(xb.Bytes(), false, false)
	f.Add(pb.Bytes(), true, false)
	empty := `<target state="needs-translation"></target>`
	// Localized closers typed as text, too many or too few of them, a
	// bare "](", a hostile destination.
	for _, target := range []string{
		`<target><ph id="1"/>x](https://tr.wikipedia.org/wiki/B)</target>`,
		`<target><ph id="1"/>x](#projenizi-paylaşın) ](y) ](z)</target>`,
		`<target>](</target>`,
		"<target><ph id=\"1\"/>x](&lt;\x1b[2J&gt;)</target>",
		`<target>[x](https://en.wikipedia.org/wiki/Single_responsibility_principle)</target>`,
	} {
		f.Add([]byte(strings.Replace(xb.String(), empty, target, -1)), false, true)
		f.Add([]byte(strings.Replace(xb.String(), empty, target, -1)), false, false)
	}
	for _, target := range []string{
		`msgstr "[x] (https://example.org) ` + "`npm install`" + ` **a"`,
		`msgstr "[x](https://tr.wikipedia.org/wiki/B) [y](#z) [z](https://learn.microsoft.com/tr-tr/dotnet/)"`,
		`msgstr "[x](<\033[2J>)"`,
	} {
		f.Add([]byte(strings.Replace(pb.String(), `msgstr ""`+"\n\n", target+"\n\n", -1)), true, true)
	}
	f.Fuzz(func(t *testing.T, data []byte, isPO, draft bool) {
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
		acc, err := CheckWith(arts, p.Config.Languages, subs, Options{Links: links, DraftOnProblems: draft})
		if err != nil {
			sameWords(t, err)
			return
		}
		for _, a := range acc {
			for _, w := range a.Warnings {
				sameWords(t, w)
			}
		}
		for _, a := range acc {
			if a.Draft && !draft {
				t.Fatalf("a draft without --draft-on-problems: %v", a.Warnings)
			}
			res, err := Rebuild(p.Config, a, version(t, p, a))
			if err != nil || len(res.Owed) > 0 {
				continue
			}
			if a.Draft && res.Complete {
				t.Fatalf("a unit taken with a problem, recorded current: %v", a.Warnings)
			}
			if v := project.Parse(project.File{ID: "a", Lang: a.Lang, Path: res.Path}, res.Data, p.Config); v.Err != nil {
				t.Fatalf("rebuilt file does not parse: %v\n%s", v.Err, res.Data)
			}
		}
	})
}
