package po

import (
	"strings"
	"testing"
)

// lowLimits makes the limits on entries and comments small for a test.
func lowLimits(t *testing.T, entries, comments int) {
	e, c := entryLimit, commentLimit
	entryLimit, commentLimit = entries, comments
	t.Cleanup(func() { entryLimit, commentLimit = e, c })
}

// Hostile PO (issue 11, item 5): every way to make Read work without bound
// is refused with a positioned error.
func TestReadBounds(t *testing.T) {
	if entryLimit != 250_000 || commentLimit != 2_000_000 {
		t.Fatalf("limits %d entries, %d comments", entryLimit, commentLimit)
	}
	lowLimits(t, 100, 1000)
	header := "msgid \"\"\nmsgstr \"Language: en\\n\"\n\n"
	entry := "msgctxt \"a#b0-00000000\"\nmsgid \"x\"\nmsgstr \"y\"\n\n"
	tests := []struct{ name, in, want string }{
		// Each header entry used to scan every field read so far: quadratic.
		{"second header", header + entry + header, "x.po:8:1: a second header entry (msgid \"\"); the header is at line 1"},
		{"header fields", "msgid \"\"\nmsgstr \"" + strings.Repeat("K: v\\n", maxHeader+1) + "\"\n", "x.po:2:1: the header has more than 1000 fields"},
		{"entries", header + strings.Repeat(entry, 101), "x.po:404:1: more than 100 entries in one file"},
		{"comments", strings.Repeat("#\n", 1001) + "msgid \"x\"\nmsgstr \"\"\n", "x.po:1001:1: more than 1000 comments, references and flags in one file"},
		{"references on one line", "#: " + strings.Repeat("a ", 1001) + "\nmsgid \"x\"\nmsgstr \"\"\n", "x.po:1:1: more than 1000 comments"},
		{"flags on one line", "#, " + strings.Repeat("f,", 1001) + "\nmsgid \"x\"\nmsgstr \"\"\n", "x.po:1:1: more than 1000 comments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.po", strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	// The limits themselves are accepted; a string continued on a million
	// lines is read whole.
	f, err := Read("x.po", strings.NewReader(header+strings.Repeat(entry, 100)))
	if err != nil || len(f.Entries) != 100 {
		t.Errorf("100 entries: %v", err)
	}
	f, err = Read("x.po", strings.NewReader("msgctxt \"c\"\nmsgid \"\"\n"+strings.Repeat("\"ab\"\n", 1e6)+"msgstr \"\"\n"))
	if err != nil || len(f.Entries) != 1 || len(f.Entries[0].Msgid) != 2e6 {
		t.Errorf("long msgid: %v", err)
	}
}

type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '\n'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestReadSizeLimitWhileReading(t *testing.T) {
	in := &endless{}
	_, err := Read("x.po", in)
	if err == nil || err.Error() != "x.po:1:1: larger than 64 MiB, the most ceviri reads from one file" {
		t.Errorf("err = %v", err)
	}
	if in.read > MaxSize+1<<20 {
		t.Errorf("read %d bytes", in.read)
	}
}

// hostileSeeds are the hostile cases of issue 11 for FuzzRead, small.
var hostileSeeds = []string{
	strings.Repeat("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n", 20),
	"msgid \"\"\nmsgstr \"" + strings.Repeat("K: v\\n", 50) + "\"\n",
	strings.Repeat("#\n#. x\n#: a b c\n#, fuzzy, c-format\n", 50) + "msgid \"x\"\nmsgstr \"\"\n",
	"msgctxt \"a#b0-00000000\"\nmsgid \"\"\n" + strings.Repeat("\"\\033[2J\\a\"\n", 50) + "msgstr \"\\033]8;;http://evil.example/\\033\\\\x\\033]8;;\\033\\\\\"\n",
	strings.Repeat("\n", 1000),
	"#| msgid \"a\"\n" + strings.Repeat("#| \"b\"\n", 50) + "msgid \"c\"\nmsgstr \"\"\n",
}
