package glossary

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
)

var trEN = []string{"tr", "en"}

func TestParseCSV(t *testing.T) {
	data := "\ufefftr,en,note\n" +
		"rektör,rector,\n" +
		"Kubernetes,,do not translate\n" +
		"\"yük dengeleyici\",\"load balancer\",\"bir not, virgüllü\"\n" +
		"pod,pod,\n" +
		"Go,Go,Case-sensitive: the language\n" +
		"kapsayıcı,,ÇEVRİLMEZ\n" +
		",,\n" +
		"a\u0308,ä,\n" + // NFD in the file
		"mikroservis | mikro servis,microservice,\n" +
		",Transport Layer Security|TLS,do not translate\n"
	g, err := ParseCSV("glossary.csv", []byte(data), trEN)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 9 || strings.Join(g.Languages, ",") != "tr,en" {
		t.Fatalf("%d entries, languages %v", len(g.Entries), g.Languages)
	}
	want := []struct {
		tr, en  string
		dnt, cs bool
		line    int
	}{
		{"rektör", "rector", false, false, 2},
		{"Kubernetes", "Kubernetes", true, false, 3},
		{"yük dengeleyici", "load balancer", false, false, 4},
		{"pod", "pod", true, false, 5},
		{"Go", "Go", true, true, 6},
		{"kapsayıcı", "kapsayıcı", true, false, 7},
		{"ä", "ä", true, false, 9},
		{"mikroservis", "microservice", false, false, 10},
		{"Transport Layer Security", "Transport Layer Security", true, false, 11},
	}
	for i, w := range want {
		e := g.Entries[i]
		if e.Term("tr") != w.tr || e.Term("en") != w.en || e.DoNotTranslate != w.dnt || e.CaseSensitive != w.cs || e.Line != w.line {
			t.Errorf("entry %d = %q/%q dnt %v cs %v line %d, want %+v", i, e.Term("tr"), e.Term("en"), e.DoNotTranslate, e.CaseSensitive, e.Line, w)
		}
	}
}

func TestCSVAlternatives(t *testing.T) {
	g, err := ParseCSV("glossary.csv", []byte("tr,en,note\nmikroservis | mikro servis,microservice,\n,Transport Layer Security|TLS,do not translate\n"), trEN)
	if err != nil {
		t.Fatal(err)
	}
	m, tls := g.Entries[0], g.Entries[1]
	for _, tt := range []struct {
		e          *Entry
		lang, text string
		want       bool
	}{
		{m, "tr", "mikro servislerin", true},
		{m, "tr", "mikroservisler", true},
		{m, "tr", "servis", false},
		{tls, "tr", "TLS'in", true},
		{tls, "tr", "Transport Layer Security protokolü", true},
		{tls, "tr", "Aktarım Katmanı Güvenliği", false},
	} {
		if got := g.Read(tt.lang, tt.text).Has(tt.e); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestParseCSVErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty", "", "glossary.csv:1:1: empty glossary"},
		{"unknown column", "tr,de,note\n", "glossary.csv:1:4: column \"de\" is neither one of the project's languages (tr, en) nor note"},
		{"unnamed column", "tr,,en\n", "glossary.csv:1:4: column 2 has no name"},
		{"two columns", "tr,en,tr\n", "glossary.csv:1:7: language \"tr\" has two columns"},
		{"two notes", "tr,en,note,Note\n", "glossary.csv:1:12: two note columns"},
		{"only a note", "note\nx\n", "glossary.csv:1:1: the first line names no language"},
		{"bad tag", "tr,e n\n", "glossary.csv:1:4: column \"e n\" is neither"},
		{"field count", "tr,en,note\nrektör,rector\n", "glossary.csv:2:8: this line has 2 fields, the first line 3"},
		{"bare quote", "tr,en\nrek\"tör,rector\n", "glossary.csv:2:4: malformed CSV: a \" inside a field"},
		{"unclosed quote", "tr,en\nğğ,\"rector\n", "glossary.csv:2:12: malformed CSV: a quoted field is not closed"},
		{"no term", "tr,en,note\n,,a note alone\n", "glossary.csv:2:1: the entry has no term"},
		{"no letter", "tr,en\n--,rector\n", "glossary.csv:2:1: the tr term \"--\" has no letter or digit"},
		{"not UTF-8", "tr,en\nrekt\xf6r,rector\n", "glossary.csv:2:5: not valid UTF-8"},
		{"long term", "tr,en\n" + strings.Repeat("a", MaxTermBytes+1) + ",b\n", "glossary.csv:2:1: the tr term is longer than 1024 bytes"},
		{"too large", strings.Repeat("a", MaxSize+1), "glossary.csv:1:1: larger than 8 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCSV("glossary.csv", []byte(tt.data), trEN)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			var pe *diag.PosError
			if !errors.As(err, &pe) {
				t.Errorf("not positioned: %v", err)
			}
		})
	}
}

func TestParseCSVReportsEveryLine(t *testing.T) {
	_, err := ParseCSV("g.csv", []byte("tr,en,note\n,,x\nok,ok,\n,,y\n"), trEN)
	if err == nil || !strings.Contains(err.Error(), "g.csv:2:1:") || !strings.Contains(err.Error(), "g.csv:4:1:") {
		t.Errorf("want lines 2 and 4 reported, got %v", err)
	}
}

const basicTBX = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="definition">A unit of software.</descrip>
      <langSet xml:lang="en-US"><tig><term>container</term></tig></langSet>
      <langSet xml:lang="tr"><ntig><termGrp><term>konteyner</term></termGrp></ntig><ntig><termGrp><term>kapsayıcı</term></termGrp></ntig></langSet>
      <langSet xml:lang="de"><tig><term>Container</term></tig></langSet>
    </termEntry>
    <termEntry id="c2">
      <note>do not translate</note>
      <langSet xml:lang="en"><tig><term>Kubernetes</term></tig></langSet>
    </termEntry>
    <termEntry id="c3">
      <langSet xml:lang="fr"><tig><term>seulement</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
`

const tbx2019 = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="tr" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="1">
      <langSec xml:lang="tr"><termSec><term>rektör</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>rector</term><note>Case-sensitive</note></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
`

func TestParseTBX(t *testing.T) {
	g, err := ParseTBX("terms.tbx", []byte(basicTBX), trEN)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 2 {
		t.Fatalf("%d entries, want 2 (the French-only one left out)", len(g.Entries))
	}
	c := g.Entries[0]
	if c.Term("en") != "container" || strings.Join(c.Terms["tr"], "|") != "konteyner|kapsayıcı" || c.DoNotTranslate || c.Line != 5 {
		t.Errorf("entry 1 = %+v", c)
	}
	if !g.Read("tr", "kapsayıcılar").Has(c) {
		t.Error("a synonym does not count")
	}
	k := g.Entries[1]
	if !k.DoNotTranslate || k.Term("tr") != "Kubernetes" {
		t.Errorf("entry 2 = %+v", k)
	}
	g, err = ParseTBX("terms.tbx", []byte(tbx2019), trEN)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 1 || g.Entries[0].Term("en") != "rector" || !g.Entries[0].CaseSensitive {
		t.Errorf("TBX 2019: %+v", g.Entries)
	}
}

func TestParseTBXErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"doctype", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">` + "\n<martif/>", "terms.tbx:2:1: a DTD (<!DOCTYPE ...>) is not allowed in a TBX glossary"},
		{"entity", `<!DOCTYPE martif [<!ENTITY x "xxxxxxxx">]><martif>&x;</martif>`, "terms.tbx:1:1: a DTD with entity declarations"},
		{"undeclared entity", "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>", "terms.tbx:1:"},
		{"external entity", `<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif>&x;</martif>`, "a DTD with entity declarations"},
		{"not tbx", "<xliff/>", "terms.tbx:1:1: not a TBX glossary: the root element is <xliff>"},
		{"empty", "", "terms.tbx:1:1: not a TBX glossary"},
		{"malformed", "<martif>\n<text>\n</martif>", "terms.tbx:3:"},
		{"no lang", "<martif><text><body><termEntry>\n<langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>", "terms.tbx:2:1: <langSet> has no xml:lang"},
		{"nested entry", "<tbx><termEntry><termEntry/></termEntry></tbx>", "inside another entry"},
		{"outside entry", "<tbx>\n  <langSec xml:lang=\"tr\"/></tbx>", "terms.tbx:2:3: <langSec> outside an entry"},
		{"empty term", "<tbx><conceptEntry>\n<langSec xml:lang=\"tr\"><termSec><term> </term></termSec></langSec></conceptEntry></tbx>", "terms.tbx:2:33: an empty <term>"},
		{"column in characters", "<tbx><conceptEntry>\n<langSec xml:lang=\"tr\"><termSec><term>ğüşiöç</term><term> </term></termSec></langSec></conceptEntry></tbx>", "terms.tbx:2:52: an empty <term>"},
		{"deep", "<tbx>" + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + "</tbx>", "nested more than 64 deep"},
		{"latin1", `<?xml version="1.0" encoding="ISO-8859-1"?><tbx/>`, "encoding \"ISO-8859-1\" is not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTBX("terms.tbx", []byte(tt.data), trEN)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			var pe *diag.PosError
			if !errors.As(err, &pe) {
				t.Errorf("not positioned: %v", err)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	cfg := func(yaml string) *config.Config {
		c, err := config.Parse("ceviri.yaml", []byte("languages: [tr, en]\n"+yaml))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// No glossary.csv and none named: no glossary.
	g, err := Load(fstest.MapFS{}, cfg(""))
	if g != nil || err != nil {
		t.Errorf("no glossary: %v, %v", g, err)
	}
	// The default glossary.csv when present.
	fsys := fstest.MapFS{"glossary.csv": {Data: []byte("tr,en\nrektör,rector\n")}, "terms/t.tbx": {Data: []byte(tbx2019)}}
	if g, err = Load(fsys, cfg("")); err != nil || g == nil || len(g.Entries) != 1 {
		t.Errorf("default: %v, %v", g, err)
	}
	// A named TBX.
	if g, err = Load(fsys, cfg("glossary: terms/t.tbx\n")); err != nil || g == nil || g.Path != "terms/t.tbx" {
		t.Errorf("named: %v, %v", g, err)
	}
	// A named file that is not there: an error at the key.
	if _, err = Load(fsys, cfg("glossary: terms/missing.csv\n")); err == nil || err.Error() != `ceviri.yaml:2:11: glossary "terms/missing.csv" does not exist` {
		t.Errorf("missing: %v", err)
	}
	// A directory.
	if _, err = Load(fstest.MapFS{"glossary.csv/x": {}}, cfg("")); err == nil || !strings.Contains(err.Error(), "glossary.csv:1:1: is a directory") {
		t.Errorf("directory: %v", err)
	}
	// A bad file: positioned in it.
	if _, err = Load(fstest.MapFS{"glossary.csv": {Data: []byte("tr,xx\n")}}, cfg("")); err == nil || !strings.HasPrefix(err.Error(), "glossary.csv:1:4:") {
		t.Errorf("bad: %v", err)
	}
	var _ fs.FS = fsys
}

func TestDescribe(t *testing.T) {
	g, err := ParseCSV("glossary.csv", []byte("en,tr,note\nrector,rektör,the head of a university\ncontainer,konteyner|kapsayıcı,\nKubernetes,,do not translate\nGo,Go,case-sensitive\nbook,,\n"), trEN)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`"rector" → "rektör" — the head of a university`,
		`"container" → "konteyner" / "kapsayıcı"`,
		`"Kubernetes": do not translate`,
		`"Go": do not translate (case-sensitive)`,
		`"book": no tr term in the glossary`,
	}
	for i, e := range g.Entries {
		if got := e.Describe("en", "tr"); got != want[i] {
			t.Errorf("entry %d: %q, want %q", i, got, want[i])
		}
	}
	if es := g.Matches("en", "The rector's containers run on Kubernetes."); len(es) != 3 {
		t.Errorf("Matches: %d entries, want 3", len(es))
	}
}
