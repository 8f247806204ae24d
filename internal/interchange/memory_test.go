package interchange

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/tm"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/xliff"
)

func TestMemoryPairs(t *testing.T) {
	tests := []struct {
		name string
		tr   string
		want []string
	}{
		{"same shape", "---\ntitle: Hello\n---\n# About the author\n\nA long\nparagraph.\n\n```\ncode\n```\n",
			[]string{"Merhaba=Hello", "YAZAR HAKKINDA=About the author", "Uzun bir paragraf.=A long paragraph."}},
		{"a paragraph dropped", "---\ntitle: Hello\n---\n# About the author\n\n```\ncode\n```\n",
			[]string{"Merhaba=Hello", "YAZAR HAKKINDA=About the author"}},
		{"no title", "# About the author\n\nA long paragraph.\n\n```\ncode\n```\n",
			[]string{"YAZAR HAKKINDA=About the author", "Uzun bir paragraf.=A long paragraph."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, arts := open(t, map[string]string{
				"ceviri.yaml":      "languages: [tr, en]\ntranslatable: [title]\n",
				"articles/a/tr.md": "---\ntitle: Merhaba\n---\n# YAZAR HAKKINDA\n\nUzun bir\nparagraf.\n\n```\ncode\n```\n",
				"articles/a/en.md": tt.tr,
			})
			a := arts[0]
			var got []string
			for _, p := range MemoryPairs(a.SourceFile, a.Versions["en"].Parsed) {
				got = append(got, p[0]+"="+p[1])
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("MemoryPairs = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExportMatches: export offers memory matches as XLIFF alt-trans with
// match-quality, and in PO as a fuzzy entry with the match's source as the
// previous msgid; import does not take that fuzzy entry.
func TestExportMatches(t *testing.T) {
	_, arts := open(t, map[string]string{
		"articles/a/tr.md": "# YAZAR HAKKINDA\n\nPanelin video kaydı gelecek hafta paylaşılacak.\n\nHiç eşleşmeyen bir cümle burada.\n",
	})
	m := tm.New()
	p := tm.Pair{Source: "tr", Target: "en"}
	m.Add(p, tm.Entry{Source: "YAZAR HAKKINDA", Target: "ABOUT THE AUTHOR", Article: "b"})
	m.Add(p, tm.Entry{Source: "Panelin video kaydı önümüzdeki hafta paylaşılacak.", Target: "The panel's video will be shared next week.", Article: "c"})
	ia := Collect(arts[0], "en", false)
	AddMatches([]*ArticleUnits{ia}, m)
	var buf bytes.Buffer
	if err := xliff.Write(&buf, ToXLIFF([]*ArticleUnits{ia})); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<alt-trans match-quality=\"100%\" origin=\"ceviri-tm\">\n          <source xml:lang=\"tr\">YAZAR HAKKINDA</source>\n          <target xml:lang=\"en\">ABOUT THE AUTHOR</target>\n          <note from=\"ceviri\">article b</note>",
		`<alt-trans match-quality="85%" origin="ceviri-tm">`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("XLIFF lacks %s:\n%s", want, buf.String())
		}
	}
	if n := strings.Count(buf.String(), "<alt-trans"); n != 2 {
		t.Errorf("%d alt-trans, want 2", n)
	}
	buf.Reset()
	if err := po.Write(&buf, ToPO([]*ArticleUnits{ia}, "en", "tr", []po.Field{{Key: "Language", Value: "en"}})); err != nil {
		t.Fatal(err)
	}
	want := `# translation memory: 85% match (article c): review it and clear the fuzzy flag
#. a: paragraph, 6 words
#: articles/a/tr.md:3
#, fuzzy
#| msgid "Panelin video kaydı önümüzdeki hafta paylaşılacak."
msgctxt "a#b1-`
	if !strings.Contains(buf.String(), want) {
		t.Errorf("PO lacks\n%s\nin\n%s", want, buf.String())
	}
	f, err := po.Read("en.po", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	subs, err := FromPO("en.po", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if len(s.Target) > 0 {
			t.Errorf("unit %s taken from a fuzzy entry: %+v", s.ID, s.Target)
		}
	}
	// Once the translator clears the flag, the match is the translation.
	for i := range f.Entries {
		f.Entries[i].Flags = nil
	}
	subs, _ = FromPO("en.po", f)
	if len(subs) != 3 || len(subs[0].Target) != 1 || subs[0].Target[0].Text != "ABOUT THE AUTHOR" || len(subs[2].Target) != 0 {
		t.Errorf("after clearing fuzzy: %+v", subs)
	}
	if ia.State != track.Missing {
		t.Errorf("state %s", ia.State)
	}
}
