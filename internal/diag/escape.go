package diag

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape makes text from content (an article's title, body, id or path, a
// commit subject) inert on a terminal before it is printed for a person: a
// control character would otherwise move the cursor, clear the screen,
// retitle the window or plant a hyperlink (ESC [2J, OSC 8), ring the bell,
// or overwrite the start of a line (a bare CR).
//
// Escaped, in Go's notation (as %q writes them, so check's quoted texts and
// Escape agree): C0 controls other than tab and newline (\a, \r, \x1b ...),
// DEL (\x7f), C1 controls (\u009b ...), the bidirectional embedding,
// override and isolate characters (U+202A-U+202E, U+2066-U+2069: they
// reorder what follows on the line, as in "Trojan Source"), and bytes that
// are not UTF-8 (\xff). Everything else, backslashes included, is left as
// it is, so ordinary text reads as written. Tab and newline are layout and
// kept; use EscapeLine for a value that must stay on one line.
//
// JSON output needs none of this: its encoder escapes control characters.
func Escape(s string) string { return escape(s, false) }

// EscapeLine is Escape that also escapes tab and newline, for a value shown
// on one line (an id or a path in a table, a message).
func EscapeLine(s string) string { return escape(s, true) }

func escape(s string, line bool) string {
	// The common case, plain text, is returned as it is without allocating.
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n, line) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&0xf, 16))
		case unsafeRune(r, n, line):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// unsafeRune reports whether the rune r, n bytes long in its text, must be
// escaped.
func unsafeRune(r rune, n int, line bool) bool {
	switch {
	case r == utf8.RuneError && n == 1: // a byte that is not UTF-8
		return true
	case r == '\t' || r == '\n':
		return line
	case r < 0x20 || r == 0x7f: // C0 and DEL
		return true
	case r >= 0x80 && r <= 0x9f: // C1: CSI, OSC, ST... on some terminals
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embedding, override, isolate
		return true
	}
	return false
}

// escaped is an error whose text, in any language, is escaped for a
// terminal.
type escaped struct {
	err  error
	line bool
}

// Escaped returns err with its text escaped as Escape does, in English
// (Error) and in the reader's language (In, which clitext.Printer.Error
// uses).
func Escaped(err error) error { return &escaped{err: err} }

// EscapedLine returns err with its text escaped as EscapeLine does.
func EscapedLine(err error) error { return &escaped{err: err, line: true} }

func (e *escaped) Error() string { return e.In(error.Error) }

// In returns e's text written by msg, escaped.
func (e *escaped) In(msg func(error) string) string { return escape(msg(e.err), e.line) }

// Unwrap returns the escaped error.
func (e *escaped) Unwrap() error { return e.err }
