package xliff

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

func sample() *Document {
	return &Document{Files: []File{{
		Original: "articles/a/tr.md", SourceLang: "tr", TargetLang: "en", Datatype: "x-markdown",
		Units: []Unit{
			{ID: "a#b0-0123abcd", Resname: "b0",
				Source:   []Span{{Text: "Bkz. "}, {Ph: true, ID: "1", Text: "["}, {Text: "rapor & <özet>"}, {Ph: true, ID: "2", Text: `](https://x.org/?a=1&b="2")`}},
				State:    NeedsTranslation,
				Notes:    []Note{{From: "ceviri", Annotate: "source", Text: "eski metin"}},
				Contexts: []Context{{Type: "sourcefile", Value: "articles/a/tr.md"}, {Type: "linenumber", Value: "7"}}},
			{ID: "a#title-89abcdef", Approved: true, Source: []Span{{Text: "Başlık"}}, HasTarget: true, State: Translated, Target: []Span{{Text: "Title"}}},
		},
	}}}
}

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	got, err := Read("x.xlf", &buf)
	if err != nil {
		t.Fatalf("Read: %v\n%s", err, buf.String())
	}
	want := sample()
	want.Files[0].Units[0].HasTarget = true // an empty <target state=...> was written
	for fi := range got.Files {
		got.Files[fi].Line, got.Files[fi].Col = 0, 0
		for ui := range got.Files[fi].Units {
			u := &got.Files[fi].Units[ui]
			u.Line, u.Col, u.TargetLine, u.TargetCol = 0, 0, 0, 0
			for si := range u.Source {
				u.Source[si].Line, u.Source[si].Col = 0, 0
			}
			for si := range u.Target {
				u.Target[si].Line, u.Target[si].Col = 0, 0
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadRefuses(t *testing.T) {
	head := `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	body := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="tr" target-language="en" datatype="plaintext"><body><trans-unit id="u"><source>x</source><target>&lol9;</target></trans-unit></body></file></xliff>`
	tests := []struct {
		name, in, want string
	}{
		{"billion laughs", head + `<!DOCTYPE xliff [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;">]>` + "\n" + body, "x.xlf:2:1: a DTD"},
		{"external entity", head + `<!DOCTYPE xliff [<!ENTITY ext SYSTEM "file:///etc/passwd">]>` + body, "x.xlf:2:1: a DTD"},
		{"entity declaration", head + `<!ENTITY x "y">` + body, "an entity declaration"},
		{"undeclared entity", head + body, "x.xlf:2:"},
		{"latin1", `<?xml version="1.0" encoding="ISO-8859-1"?><xliff version="1.2"/>`, "not supported"},
		{"xliff 2", `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>`, `XLIFF version "2.0"`},
		{"not xliff", `<html/>`, "not <xliff>"},
		{"truncated", head + `<xliff version="1.2"><file>`, "x.xlf:"},
		{"unit without id", head + `<xliff version="1.2"><file><body><trans-unit><source>x</source></trans-unit></body></file></xliff>`, "x.xlf:2:34: <trans-unit> without an id"},
		{"unknown inline", head + `<xliff version="1.2"><file><body><trans-unit id="a"><source>x<b>y</b></source></trans-unit></body></file></xliff>`, "unexpected <b>"},
		{"empty", ``, "not an XLIFF file"},
		{"deep", `<xliff version="1.2">` + strings.Repeat("<a>", 100000), "nested more than 256 deep"},
		{"deep inline", `<xliff version="1.2"><file><body><trans-unit id="u"><source>` + strings.Repeat("<mrk>", 100000), "nested more than 256 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.xlf", strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestReadInline(t *testing.T) {
	in := `<xliff version="1.2"><file original="a"><body><group><trans-unit id="u"><source>a<ph id="1">[</ph>b</source>` +
		`<target><mrk mtype="seg" mid="1">A<x id="1"/>B<bpt id="2">**</bpt></mrk></target></trans-unit></group></body></file></xliff>`
	d, err := Read("x.xlf", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	u := d.Files[0].Units[0]
	if got := len(u.Target); got != 4 || !u.Target[1].Ph || u.Target[1].ID != "1" || u.Target[3].Text != "**" || u.Target[2].Text != "B" {
		t.Errorf("target spans = %+v", u.Target)
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	_ = Write(&buf, sample())
	f.Add(buf.Bytes())
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "b">]><xliff version="1.2"/>`))
	f.Add([]byte(`<xliff version="1.2"><file><body><trans-unit id="u"><source>a<ph id="1">b<sub>c</sub></ph></source></trans-unit></body></file></xliff>`))
	d := sample()
	d.Files[0].Units[0].AltTrans = []AltTrans{{MatchQuality: "85%", Origin: "ceviri-tm", SourceLang: "tr", TargetLang: "en", Source: "a & b", Target: "<c>", Note: "article x"}}
	buf.Reset()
	_ = Write(&buf, d)
	f.Add(buf.Bytes())
	f.Add([]byte(`<xliff version="1.2"><file target-language="en"><body><trans-unit id="u"><source>a</source><alt-trans match-quality="99%"><alt-trans><target>` + strings.Repeat("<g>", 300) + `</target></alt-trans></alt-trans></trans-unit></body></file></xliff>`))
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	tr := clitext.New("tr")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read("f.xlf", bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.xlf:") {
				t.Errorf("error without position: %v", err)
			}
			if got := tr.Error(err); !strings.HasPrefix(got, "f.xlf:") {
				t.Errorf("Turkish error without position: %s (English: %v)", got, err)
			}
			return
		}
		// What was read can be written and read back to the same units.
		var out bytes.Buffer
		if err := Write(&out, d); err != nil {
			t.Fatal(err)
		}
		d2, err := Read("g.xlf", &out)
		if err != nil {
			t.Fatalf("re-reading written file: %v\n%s", err, out.String())
		}
		if len(d2.Files) != len(d.Files) {
			t.Fatalf("files %d != %d", len(d2.Files), len(d.Files))
		}
		for i := range d.Files {
			if len(d2.Files[i].Units) != len(d.Files[i].Units) {
				t.Fatalf("units %d != %d", len(d2.Files[i].Units), len(d.Files[i].Units))
			}
		}
	})
}

// TestAltTrans: a unit's memory matches are written as <alt-trans> with
// match-quality, and reading the file back takes neither their source nor
// their target for the unit's.
func TestAltTrans(t *testing.T) {
	d := sample()
	d.Files[0].Units[0].AltTrans = []AltTrans{{MatchQuality: "87%", Origin: "ceviri-tm", SourceLang: "tr", TargetLang: "en",
		Source: "Bkz. [rapor](x)", Target: "See the <report>", Note: "article b, 2025-11-14"}}
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	want := `        <alt-trans match-quality="87%" origin="ceviri-tm">
          <source xml:lang="tr">Bkz. [rapor](x)</source>
          <target xml:lang="en">See the &lt;report&gt;</target>
          <note from="ceviri">article b, 2025-11-14</note>
        </alt-trans>
`
	if !strings.Contains(buf.String(), want) {
		t.Fatalf("no alt-trans in:\n%s", buf.String())
	}
	got, err := Read("x.xlf", &buf)
	if err != nil {
		t.Fatal(err)
	}
	u := got.Files[0].Units[0]
	if Text(u.Source) != "Bkz. [rapor & <özet>](https://x.org/?a=1&b=\"2\")" || len(u.Target) != 0 || len(u.Notes) != 1 || u.AltTrans != nil {
		t.Errorf("read back %+v", u)
	}
}
