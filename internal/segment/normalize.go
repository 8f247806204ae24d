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
	"unicode/utf8"

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
	if !belowCombining(b) && !norm.NFC.IsNormal(b) {
		b = norm.NFC.Bytes(b)
	}
	return b
}

// Collapse returns s in NFC with every run of white space replaced by one
// space and no leading or trailing space.
func Collapse(s string) string {
	if !belowCombining(s) {
		s = norm.NFC.String(s)
	}
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII, the commonest case, without decoding.
			if asciiSpace[c] {
				space = b.Len() > 0
			} else {
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r) // U+FFFD for a byte that is not UTF-8, as range does
		}
		i += size
	}
	return b.String()
}

// asciiSpace marks the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// collapsed reports whether Collapse would return s unchanged: valid UTF-8
// with single spaces only between other characters.
func collapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if prevSpace {
					return false
				}
				prevSpace = true
			} else if asciiSpace[c] {
				return false
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return true
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
