package tm

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// FuzzReadTMX: ReadTMX never panics, and what it reads, written again,
// reads back the same.
func FuzzReadTMX(f *testing.F) {
	seeds := []string{
		`<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="tr"/><body><tu creationdate="20250101T000000Z"><prop type="x-ceviri-article">a</prop><tuv xml:lang="tr"><seg>İstanbul'da ışık</seg></tuv><tuv xml:lang="en"><seg>Light</seg></tuv></tu></body></tmx>`,
		`<!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><tmx><body><tu><tuv xml:lang="en"><seg>&lol2;</seg></tuv></tu></body></tmx>`,
		`<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><tmx><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>`,
		`<!DOCTYPE tmx SYSTEM "http://example.com/tmx14.dtd"><tmx version="1.4"/>`,
		`<?xml version="1.0" encoding="UTF-16"?><tmx/>`,
		`<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>` + strings.Repeat("<hi>", 70) + `</seg></tuv></tu></body></tmx>`,
		`<tmx version="1.4"><body><tu>` + strings.Repeat(`<tuv xml:lang="en"><seg/></tuv>`, 70) + `</tu></body></tmx>`,
		`<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>a<bpt i="1">&lt;b&gt;</bpt>b<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu></body></tmx>`,
		"\xef\xbb\xbf<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"tr\"><seg>\x00</seg></tuv></tu></body></tmx>",
		`<tmx version="1.4"><body><tu creationdate="2025"></tu></body></tmx>`,
		`<tmx`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	tr := clitext.New("tr")
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := ReadTMX("f.tmx", bytes.NewReader(data))
		if err != nil {
			// In Turkish too, the error is at its position in the file.
			if got := tr.Error(err); !strings.HasPrefix(got, "f.tmx:") {
				t.Errorf("Turkish error without position: %s (English: %v)", got, err)
			}
			return
		}
		var buf bytes.Buffer
		if err := WriteTMX(&buf, x, "fuzz", day("2025-01-01")); err != nil {
			t.Fatal(err)
		}
		y, err := ReadTMX("g.tmx", bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("written TMX does not read back: %v\n%s", err, buf.Bytes())
		}
		if len(y.Units) != len(x.Units) {
			t.Fatalf("%d units read back, want %d", len(y.Units), len(x.Units))
		}
		m := New()
		m.AddTMX(y, "g.tmx", func(l string) (string, bool) { return l, true })
		for _, p := range m.Pairs() {
			for _, e := range m.Entries(p) {
				m.Lookup(p, e.Source, 3)
			}
		}
	})
}
