package segment

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The limits on what ceviri reads of one language version: every command
// reads articles through Read (and the renderer and the check through
// Parse), so they are the same for all. Each is far above real articles
// (the largest of the shared corpus is 24 KB; none of 7,191 Markdown files
// found on a Debian system, Node.js's 956 KB changelog the largest, comes
// near any of them) and keeps the work on a hostile file linear in its
// size (issue 11).
const (
	// MaxFileSize is the most bytes of a language version's file; reading
	// stops at one byte more. It bounds the rest: a body of one-word list
	// items or headings is a goldmark node every 2 or 3 bytes, and 4 MiB
	// of it took 1.1 GB to build and 0.5 GB for status (real articles take
	// about 30 times their size to build).
	MaxFileSize = 4 << 20
	// MaxDepth is the most levels of block quotes, lists and footnote
	// definitions inside each other, and of emphasis, links and images
	// inside each other: goldmark's work on a line grows with its depth.
	MaxDepth = 32
	// MaxTableCells is the most cells of the tables of one body, header
	// rows and the empty cells that fill short rows included: a table of
	// 1,000 columns and 2,000 one-character rows is 4 KB of text and two
	// million cells.
	MaxTableCells = 100_000
	// MaxInlineWork bounds goldmark's reading of inline Markdown, which
	// takes time growing with the square of a paragraph's markup (each
	// unclosed "![a](b" rescans the rest of the paragraph): each paragraph,
	// heading and table row costs the number of its markup characters
	// (* _ ~ [ ] ` <) times its length, and a body may cost this much in
	// all, at most about half a second of goldmark's time (0.94 ns a unit
	// on the worst pattern found). Node.js's 956 KB changelog costs 1.1e7.
	MaxInlineWork = 1 << 29
	// MaxLinkBytes is the most bytes of link and image destinations and
	// titles in a body: a reference link repeats its definition's, so
	// "[a]" written 100,000 times after a 100 KB definition would be 10 GB
	// of HTML.
	MaxLinkBytes = 16 << 20
)

// markupChars are the characters with which goldmark's inline parsers may
// scan ahead for a partner: emphasis and strikethrough delimiters, link
// and image brackets, code span backticks, autolinks and raw HTML.
var markupChars = [256]bool{'*': true, '_': true, '~': true, '[': true, ']': true, '`': true, '<': true}

// ErrTooLarge is the error of reading a file over MaxFileSize.
var ErrTooLarge = clitext.NewError("segment_too_large", "MiB", MaxFileSize>>20, "Bytes", MaxFileSize)

// LimitError is a body that exceeds one of the limits, at a position in the
// body (Line and Col are 1-based; Col counts characters).
type LimitError struct {
	Line, Col int
	Msg       string       // the message in English
	Text      clitext.Text // the message in ceviri's words, for the reader's language
}

func (e *LimitError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// In returns e's message with its words written by msg (in the reader's
// language: clitext.Printer.Error).
func (e *LimitError) In(msg func(error) string) string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, msg(e.Cause()))
}

// ErrLimit is what every error of a body past a limit is (errors.Is), so
// that a command can tell it from other problems of a file.
var ErrLimit = clitext.NewError("segment_past_limit")

// Is reports whether target is ErrLimit.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

// Cause returns the message alone as an error that is ErrLimit, for a
// caller that puts the position in the file in front of it; it is written
// in the reader's language.
func (e *LimitError) Cause() error {
	if e.Text.ID == "" {
		return limitCause(e.Msg)
	}
	return &clitext.TextError{Text: e.Text, Err: ErrLimit}
}

type limitCause string

func (c limitCause) Error() string        { return string(c) }
func (c limitCause) Is(target error) bool { return target == ErrLimit }

// AsLimit returns err as a *LimitError, if it is one.
func AsLimit(err error) (*LimitError, bool) {
	var le *LimitError
	ok := errors.As(err, &le)
	return le, ok
}

// limiter keeps the count of one parse against the limits; it lives in the
// parser.Context, where the parser's hooks (dialect.go) find it.
type limiter struct {
	src   []byte
	err   *LimitError // the first limit exceeded; the parse then does no more work
	work  int64       // inline work so far (MaxInlineWork)
	cells int         // table cells so far
	// deep is set when a block has more markup characters than MaxDepth,
	// the only way its inlines can nest deeper than that: only then is
	// the tree walked to measure them.
	deep bool
}

var limiterKey = parser.NewContextKey()

// limiterOf returns the limiter of a parse, making it on first use.
func limiterOf(pc parser.Context, reader text.Reader) *limiter {
	if l, ok := pc.Get(limiterKey).(*limiter); ok {
		return l
	}
	l := &limiter{src: reader.Source()}
	pc.Set(limiterKey, l)
	return l
}

// fail records the first limit exceeded, at byte offset off of the source,
// with its message.
func (l *limiter) fail(off int, msg clitext.Text) {
	if l.err != nil {
		return
	}
	off = max(0, min(off, len(l.src)))
	line := 1 + bytes.Count(l.src[:off], []byte{'\n'})
	start := bytes.LastIndexByte(l.src[:off], '\n') + 1
	l.err = &LimitError{Line: line, Col: 1 + utf8.RuneCount(l.src[start:off]), Msg: msg.String(), Text: msg}
}

// Kinds of blocks whose inline work limiter.inline charges.
const (
	blockParagraph = iota
	blockHeading
	blockTableRow
)

// blockText names a kind of block, for a message.
func blockText(what int) clitext.Text {
	switch what {
	case blockHeading:
		return clitext.Msg("segment_heading")
	case blockTableRow:
		return clitext.Msg("segment_table_row")
	}
	return clitext.Msg("segment_paragraph")
}

// inline charges the inline work of a block made of lines (a paragraph, a
// heading, a table row) and reports whether it is within the limits; when
// it is not, or an earlier limit was exceeded, the caller drops the lines
// so that goldmark does not read them.
func (l *limiter) inline(lines []text.Segment, what int) bool {
	if l.err != nil {
		return false
	}
	var n, length int
	for _, s := range lines {
		c, w := lineCost(l.src[s.Start:s.Stop])
		n += c
		length += w
	}
	if n > MaxDepth {
		l.deep = true
	}
	l.work += int64(n) * int64(length)
	if l.work > MaxInlineWork {
		off := 0
		if len(lines) > 0 {
			off = lines[0].Start
		}
		l.fail(off, clitext.Msg("segment_inline_work", "What", blockText(what), "Markup", n, "Bytes", length, "Limit", MaxInlineWork))
		return false
	}
	return true
}

// lineCost returns the markup characters of a line of a block and its
// length, both without the white space around it, plus one for its end:
// what fastBody and the parser's hooks count alike (TestFastWork).
func lineCost(line []byte) (markup, length int) {
	line = trimSpace(line)
	for _, c := range line {
		if markupChars[c] {
			markup++
		}
	}
	return markup, len(line) + 1
}

// trimSpace trims the white space goldmark trims (util.IsSpace) from both
// ends of a line.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
