package po

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

func sample() *File {
	return &File{
		Header: []Field{{"Language", "en"}, {"Content-Type", "text/plain; charset=UTF-8"}},
		Entries: []Entry{
			{Extracted: []string{"paragraph, 3 words"}, References: []string{"articles/a/tr.md:7"},
				HasCtxt: true, Msgctxt: "a#b0-0123abcd", Msgid: "Bir \"iki\" üç\\", Msgstr: []string{""}},
			{Flags: []string{"fuzzy"}, PrevMsgid: "eski\tmetin", HasCtxt: true, Msgctxt: "a#title-89abcdef",
				Msgid: "yeni\nmetin\n", Msgstr: []string{"old\ntext\n"}, Comments: []string{"translator note"}},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	got, err := Read("x.po", &buf)
	if err != nil {
		t.Fatalf("Read: %v\n%s", err, buf.String())
	}
	for i := range got.Entries {
		got.Entries[i].Line, got.Entries[i].Col, got.Entries[i].StrLine = 0, 0, 0
	}
	if want := sample(); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v\n%s", got, want, buf.String())
	}
	if !got.Entries[1].Fuzzy() || got.Entries[0].Fuzzy() {
		t.Error("fuzzy flags lost")
	}
}

func TestReadPositions(t *testing.T) {
	in := "msgid \"\"\nmsgstr \"Language: tr\\n\"\n\n#, fuzzy\nmsgctxt \"c\"\nmsgid \"a\"\n\"b\"\nmsgstr \"x\"\n\n#~ msgid \"old\"\n#~ msgstr \"eski\"\n"
	f, err := Read("x.po", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 1 || f.Get("language") != "tr" {
		t.Fatalf("entries = %+v header = %+v", f.Entries, f.Header)
	}
	e := f.Entries[0]
	if e.Line != 5 || e.Col != 1 || e.StrLine != 8 || e.Msgid != "ab" || e.Msgctxt != "c" {
		t.Errorf("entry = %+v", e)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no msgstr", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", "x.po:3:1: msgid repeated"},
		{"unterminated", "msgid \"a\nmsgstr \"\"\n", "x.po:1:7: expected a string"},
		{"bad escape", "msgid \"a\\q\"\nmsgstr \"\"\n", "x.po:1:9: unknown escape \\q"},
		{"stray string", "\"a\"\n", "x.po:1:1: string without a keyword"},
		{"unknown keyword", "msgfoo \"a\"\n", "x.po:1:1: unknown keyword"},
		{"latin1 header", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-9\\n\"\n", "x.po:2:1: charset"},
		{"invalid utf8", "msgid \"\xff\"\nmsgstr \"\"\n", "x.po:1:1: invalid UTF-8"},
		{"end without msgstr", "msgid \"a\"\n", "x.po:1:1: entry has no msgstr"},
		{"msgstr first", "msgstr \"a\"\n", "x.po:1:1: msgstr without msgid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.po", strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	_ = Write(&buf, sample())
	f.Add(buf.Bytes())
	f.Add([]byte("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n"))
	f.Add([]byte("#| msgid \"a\"\n#| \"b\"\nmsgid \"\\101\"\nmsgstr \"\"\n#~ msgid \"x\"\n"))
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	tr := clitext.New("tr")
	f.Fuzz(func(t *testing.T, data []byte) {
		pf, err := Read("f.po", bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.po:") {
				t.Errorf("error without position: %v", err)
			}
			if got := tr.Error(err); !strings.HasPrefix(got, "f.po:") {
				t.Errorf("Turkish error without position: %s (English: %v)", got, err)
			}
			return
		}
		var out bytes.Buffer
		if err := Write(&out, pf); err != nil {
			t.Fatal(err)
		}
		back, err := Read("g.po", &out)
		if err != nil {
			t.Fatalf("re-reading written file: %v\n%s", err, out.String())
		}
		if len(back.Entries) != len(pf.Entries) {
			t.Fatalf("entries %d != %d\n%s", len(back.Entries), len(pf.Entries), out.String())
		}
		for i := range pf.Entries {
			a, b := pf.Entries[i], back.Entries[i]
			if a.Msgid != b.Msgid || a.Msgctxt != b.Msgctxt || a.Str() != b.Str() {
				t.Fatalf("entry %d changed: %+v -> %+v", i, a, b)
			}
		}
	})
}
