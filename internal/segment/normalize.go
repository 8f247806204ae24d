// Package segment turns a language version (front matter and Markdown body)
// into its translatable segments: the translatable fields, headings,
// paragraphs, list items, table cells, block quotes and code blocks. Each
// segment is normalised (BOM, CRLF, NFC, white space) and hashed; the
// sequence of segments gives the article's fingerprint, and the words in
// them give the work a translator has to do.
//
// Normalisation is what makes the fingerprint stable under edits a reader
// cannot see (reflowed lines, trailing spaces, CRLF, NFD text) and sensitive
// to every edit a reader can see (words, numbers, link targets, code).
package segment

import (
	"bytes"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize prepares raw file bytes for segmentation: the BOM is dropped,
// CRLF and lone CR become LF, and the text is put in Unicode NFC. Line
// numbers are unchanged.
func Normalize(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	if !norm.NFC.IsNormal(b) {
		b = norm.NFC.Bytes(b)
	}
	return b
}

// Collapse returns s in NFC with every run of white space replaced by one
// space and no leading or trailing space.
func Collapse(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// trimLines drops trailing white space on every line of a code block and
// blank lines at its end; indentation inside code is meaningful and kept.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
