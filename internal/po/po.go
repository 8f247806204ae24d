// Package po reads and writes gettext PO files, the format of Poedit,
// Weblate and the gettext tools: one entry per segment with its context
// (msgctxt), source (msgid), translation (msgstr), flags such as fuzzy,
// previous msgid (#|) of a changed entry, and references to the source.
//
// It knows nothing of articles; package interchange maps entries to
// segments. The reader is meant for files that come back from outside and
// reports problems as path:line:col errors.
package po

import (
	"bufio"
	"io"
	"strings"
)

// File is a PO file: its header and its entries.
type File struct {
	Header  []Field // from the entry with an empty msgid, in order
	Entries []Entry // without the header and without obsolete (#~) entries
}

// Field is one "Key: value" line of the header.
type Field struct{ Key, Value string }

// Get returns the value of a header field, or "".
func (f *File) Get(key string) string {
	for _, h := range f.Header {
		if strings.EqualFold(h.Key, key) {
			return h.Value
		}
	}
	return ""
}

// Entry is one message.
type Entry struct {
	Comments    []string // translator comments ("# ...")
	Extracted   []string // extracted comments ("#. ..."), written by ceviri
	References  []string // "#: path:line"
	Flags       []string // "#, fuzzy"
	PrevMsgctxt string   // "#| msgctxt"
	PrevMsgid   string   // "#| msgid": the source this entry's msgstr was made for
	HasCtxt     bool
	Msgctxt     string
	Msgid       string
	MsgidPlural string
	Msgstr      []string // msgstr, or msgstr[0..n] for plurals

	Line, Col int // where the entry's first keyword is (set by Read)
	// StrLine is the line of its msgstr (set by Read).
	StrLine int
}

// Fuzzy reports whether the entry has the fuzzy flag.
func (e *Entry) Fuzzy() bool {
	for _, f := range e.Flags {
		if f == "fuzzy" {
			return true
		}
	}
	return false
}

// Str returns the translation (msgstr, or msgstr[0]).
func (e *Entry) Str() string {
	if len(e.Msgstr) == 0 {
		return ""
	}
	return e.Msgstr[0]
}

// Write writes f as a PO file, UTF-8, header first.
func Write(w io.Writer, f *File) error {
	bw := bufio.NewWriter(w)
	var hdr strings.Builder
	for _, h := range f.Header {
		hdr.WriteString(h.Key + ": " + h.Value + "\n")
	}
	bw.WriteString("msgid \"\"\n")
	writeString(bw, "msgstr", hdr.String())
	for _, e := range f.Entries {
		bw.WriteString("\n")
		for _, c := range e.Comments {
			bw.WriteString(strings.TrimRight("# "+oneLine(c), " ") + "\n")
		}
		for _, c := range e.Extracted {
			bw.WriteString("#. " + oneLine(c) + "\n")
		}
		if len(e.References) > 0 {
			bw.WriteString("#: " + strings.Join(e.References, " ") + "\n")
		}
		if len(e.Flags) > 0 {
			bw.WriteString("#, " + strings.Join(e.Flags, ", ") + "\n")
		}
		if e.PrevMsgctxt != "" {
			writeString(bw, "#| msgctxt", e.PrevMsgctxt)
		}
		if e.PrevMsgid != "" {
			writeString(bw, "#| msgid", e.PrevMsgid)
		}
		if e.HasCtxt {
			writeString(bw, "msgctxt", e.Msgctxt)
		}
		writeString(bw, "msgid", e.Msgid)
		if e.MsgidPlural != "" {
			writeString(bw, "msgid_plural", e.MsgidPlural)
			for i, s := range e.Msgstr {
				writeString(bw, "msgstr["+itoa(i)+"]", s)
			}
			continue
		}
		writeString(bw, "msgstr", e.Str())
	}
	return bw.Flush()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// writeString writes a keyword and a quoted string; a string with newlines
// is written as "" followed by one line per piece, as gettext does.
func writeString(w *bufio.Writer, keyword, s string) {
	prefix := ""
	if strings.HasPrefix(keyword, "#| ") {
		prefix = "#| "
	}
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		w.WriteString(keyword + " " + quote(s) + "\n")
		return
	}
	w.WriteString(keyword + " \"\"\n")
	for _, line := range strings.SplitAfter(s, "\n") {
		if line != "" {
			w.WriteString(prefix + quote(line) + "\n")
		}
	}
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteString(`\` + string(rune('0'+(r>>6)&7)) + string(rune('0'+(r>>3)&7)) + string(rune('0'+r&7)))
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
