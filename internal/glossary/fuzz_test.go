package glossary

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

var trPrinter = clitext.New("tr")

// checkParsed holds for any glossary a parser accepts or refuses: errors
// are positioned in the file, and every entry is found in its own terms.
func checkParsed(t *testing.T, name string, g *Glossary, err error) {
	t.Helper()
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, name+":") {
				t.Fatalf("error without position: %q", line)
			}
		}
		// In Turkish too: as many lines, each positioned.
		tr := strings.Split(trPrinter.Error(err), "\n")
		if len(tr) != strings.Count(err.Error(), "\n")+1 {
			t.Fatalf("%d lines in Turkish: %s\nEnglish: %s", len(tr), trPrinter.Error(err), err)
		}
		for _, line := range tr {
			if !strings.HasPrefix(line, name+":") {
				t.Fatalf("Turkish error without position: %q", line)
			}
		}
		return
	}
	for i, e := range g.Entries {
		if i == 50 {
			break
		}
		if len(e.Terms) == 0 {
			t.Fatalf("entry %d has no term", i)
		}
		for lang, ts := range e.Terms {
			for _, term := range ts {
				text := g.Read(lang, term)
				if !text.Has(e) {
					t.Fatalf("entry %d: its %s term %q does not match itself", i, lang, term)
				}
				found := false
				for _, f := range text.Entries() {
					found = found || f == e
				}
				if !found {
					t.Fatalf("entry %d: Entries of its %s term %q leaves it out", i, lang, term)
				}
			}
		}
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte(matchGlossary))
	f.Add([]byte("tr,en,note\nrektör,rector,\nKubernetes,,do not translate\n"))
	f.Add([]byte("\ufefftr,en\n\"a\"\"b\",\"c\nd\"\n"))
	f.Add([]byte("tr,en\nrek\"tör,x\n"))                         // bare quote
	f.Add([]byte("tr,en\n\"unclosed,x\n"))                       // unclosed quote
	f.Add([]byte("tr,en\nrekt\xf6r,x\n"))                        // not UTF-8
	f.Add([]byte("tr,en,note\n" + strings.Repeat(",,\n", 1000))) // blank lines
	f.Add([]byte("tr,en\n" + strings.Repeat("a", 2000) + ",b\n"))
	f.Add([]byte("tr,en\n" + strings.Repeat("a ", 40) + ",b\n")) // too many words
	f.Add([]byte("tr,en\nİSTANBUL,ISTANBUL\nı,I\n\u0130\u0307,i\u0307\n"))
	f.Add([]byte("tr,en\nKubernetes'in,Kubernetes’s\n'',’\n"))
	f.Add([]byte("tr,en\nlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerler,x\n"))
	f.Add([]byte("note,note\n"))
	f.Add([]byte("tr\r\nrektör\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseCSV("glossary.csv", data, trEN)
		checkParsed(t, "glossary.csv", g, err)
	})
}

func FuzzParseTBX(f *testing.F) {
	f.Add([]byte(basicTBX))
	f.Add([]byte(tbx2019))
	f.Add([]byte(`<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><martif>&b;</martif>`)) // billion laughs
	f.Add([]byte(`<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>`))
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-16"?><tbx/>`))
	f.Add([]byte("<tbx>" + strings.Repeat("<a>", 200) + strings.Repeat("</a>", 200) + "</tbx>"))
	f.Add([]byte(`<tbx><conceptEntry><langSec xml:lang="tr"><termSec><term>a<b>c</b></term><note>çevrilmez</note></termSec></langSec></conceptEntry></tbx>`))
	f.Add([]byte(`<tbx><conceptEntry><langSec xml:lang="x y"><termSec><term>a</term></termSec></langSec></conceptEntry></tbx>`))
	f.Add([]byte(`<martif><text><body><termEntry><langSet xml:lang="tr-TR"><tig><term>&#304;stanbul</term></tig></langSet><langSet xml:lang="en-GB"><tig><term>Istanbul</term></tig></langSet></termEntry></body></text></martif>`))
	f.Add([]byte("<tbx><conceptEntry><langSec xml:lang=\"tr\"><termSec><term>\xff</term></termSec></langSec></conceptEntry></tbx>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseTBX("terms.tbx", data, trEN)
		checkParsed(t, "terms.tbx", g, err)
	})
}
