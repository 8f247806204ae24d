package segment

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"sync"
	"unsafe"
)

// fastBody segments body when it uses only the commonest Markdown: ATX
// headings, paragraphs, "- " lists and [text](destination) links; ok is
// false for anything else (Body then uses goldmark).
// It is deliberately strict: a construct it does not know for certain how
// CommonMark reads makes it give up, never guess. It counts the inline work
// of its blocks as the parser's hooks do (limiter.inline) and leaves a body
// past MaxInlineWork to goldmark, which reports it.
func fastBody(body []byte, firstLine int, lean bool) (segs []Segment, ok bool) {
	segs, _, ok = fastBodyWork(body, firstLine, lean)
	return segs, ok
}

// fastBodyWork is fastBody returning the inline work it counted too.
func fastBodyWork(body []byte, firstLine int, lean bool) (segs []Segment, work int64, ok bool) {
	c := collapsers.Get().(*collapser)
	defer collapsers.Put(c)
	c.lean = lean
	segs = make([]Segment, 0, bytes.Count(body, []byte("\n\n"))+1) // about one per blank line
	var (
		lineNo   int  // 0-based line of the current line
		inList   bool // a "- " list is open
		blankIn  bool // a blank line came after the last list content
		open     bool // a paragraph (or list item paragraph) is open
		openKind string
		start    int // offset of the open block's content
		end      int // offset just after the open block's last character
		startLn  int // its first line
		length   int // its length as limiter.inline counts it
	)
	// charge adds a block's inline work, and reports whether the body is
	// still within MaxInlineWork.
	charge := func(length int) bool {
		work += int64(c.markup) * int64(length)
		return work <= MaxInlineWork
	}
	closeBlock := func() bool {
		if !open {
			return true
		}
		open = false
		s, ok := c.inlineSegment(body[start:end], openKind, "")
		if !ok || !charge(length) {
			return false
		}
		s.Start, s.End, s.Line = start, end, firstLine+startLn
		segs = append(segs, s)
		return true
	}
	for off := 0; off < len(body); lineNo++ {
		nl := bytes.IndexByte(body[off:], '\n')
		next := len(body)
		if nl >= 0 {
			next = off + nl + 1
		}
		line := body[off:next]
		content := bytes.TrimRight(line, "\n")
		indent := 0
		for indent < len(content) && content[indent] == ' ' {
			indent++
		}
		rest := content[indent:]
		lineEnd := off + len(bytes.TrimRight(content, " ")) // where a block ending here ends
		if len(rest) == 0 {                                 // blank
			if !closeBlock() {
				return nil, 0, false
			}
			if inList {
				blankIn = true
			}
			off = next
			continue
		}
		if bytes.IndexByte(content, '\t') >= 0 || bytes.IndexByte(content, 0) >= 0 || bytes.IndexByte(content, '|') >= 0 {
			return nil, 0, false // tabs, NUL and table pipes need the full parser
		}
		switch {
		case indent == 0 && rest[0] == '#':
			level, text, ok := atxHeading(rest)
			if !ok || !closeBlock() {
				return nil, 0, false
			}
			inList, blankIn = false, false
			s, ok := c.inlineSegment(text, Heading, "h"+string(rune('0'+level)))
			if !ok || !charge(len(trimSpace(text))+1) {
				return nil, 0, false
			}
			s.Start = off + level + 1
			s.End = s.Start + len(text)
			s.Line = firstLine + lineNo
			segs = append(segs, s)
		case indent == 0 && rest[0] == '-':
			if len(rest) < 3 || rest[1] != ' ' || rest[2] == ' ' || blockStart(rest[2:]) || orderedStart(rest[2:]) || mayBeRefDef(rest[2:]) {
				return nil, 0, false // "---", "-x", an empty item, a nested block
			}
			if !closeBlock() {
				return nil, 0, false
			}
			inList, blankIn = true, false
			open, openKind, start, end, startLn = true, ListItem, off+2, lineEnd, lineNo
			length = len(trimSpace(rest[2:])) + 1
		case indent > 0:
			switch {
			case open && !blankIn && !blockStart(rest) && !orderedStart(rest):
				end = lineEnd // a continuation line of the open paragraph
				length += len(trimSpace(rest)) + 1
			case !open && inList && blankIn && indent == 2 && !blockStart(rest) && !orderedStart(rest) && !mayBeRefDef(rest):
				// Another paragraph of the last list item.
				blankIn = false
				open, openKind, start, end, startLn = true, ListItem, off+2, lineEnd, lineNo
				length = len(trimSpace(rest)) + 1
			default:
				return nil, 0, false
			}
		default: // indent == 0, text
			if blockStart(rest) || orderedStart(rest) {
				return nil, 0, false
			}
			if open && !blankIn {
				end = lineEnd // a continuation (lazy, inside a list item)
				length += len(trimSpace(rest)) + 1
				break
			}
			if mayBeRefDef(rest) {
				return nil, 0, false
			}
			if !closeBlock() {
				return nil, 0, false
			}
			inList, blankIn = false, false
			open, openKind, start, end, startLn = true, Paragraph, off, lineEnd, lineNo
			length = len(trimSpace(rest)) + 1
		}
		off = next
	}
	if !closeBlock() {
		return nil, 0, false
	}
	return segs, work, true
}

// atxHeading reads an ATX heading line ("## Title"); it refuses empty
// headings, closing sequences and anything else it is unsure of.
func atxHeading(line []byte) (level int, text []byte, ok bool) {
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level > 6 || level+1 >= len(line) || line[level] != ' ' || line[level+1] == ' ' {
		return 0, nil, false
	}
	text = line[level+1:]
	if c := text[len(text)-1]; c == ' ' || c == '#' || c == '}' {
		return 0, nil, false // trailing spaces, a closing sequence, or perhaps an id ("{#id}")
	}
	return level, text, true
}

// blockStart reports whether a line (without its indentation) may begin a
// block other than a paragraph, or be a setext underline, a thematic break
// or something else fastBody leaves to the full parser.
func blockStart(rest []byte) bool {
	switch rest[0] {
	case '#', '-', '*', '+', '>', '<', '`', '~', '=', '_', '|', ':':
		return true
	}
	return false
}

// mayBeRefDef reports whether a block starting with line may be a link
// reference definition ("[label]: url"), which fastBody leaves to the full
// parser: it begins with "[" and not with an inline link.
func mayBeRefDef(line []byte) bool {
	if line[0] != '[' {
		return false
	}
	_, _, ok := inlineLink(line)
	return !ok
}

// orderedStart reports whether a line may begin an ordered list item
// ("1. ", "12) ").
func orderedStart(rest []byte) bool {
	i := 0
	for i < len(rest) && i < 10 && '0' <= rest[i] && rest[i] <= '9' {
		i++
	}
	return i > 0 && i < len(rest) && (rest[i] == '.' || rest[i] == ')')
}

// inlineSegment makes the segment of a block's inline content (the lines
// from the first character after the block marker to the end of the last
// line). It gives up (ok false) on inline Markdown whose reading it does
// not know for certain: emphasis, code spans, raw HTML and autolinks,
// escapes, entities, images, footnote references, strikethrough and links
// other than [text](destination).
func (c *collapser) inlineSegment(src []byte, kind, key string) (s Segment, ok bool) {
	c.text, c.plain, c.spaceText, c.spacePlain = c.text[:0], c.plain[:0], false, false
	c.markup = 0
	for i := 0; i < len(src); {
		j := c.run(src, i, true)
		if j < 0 {
			return Segment{}, false
		}
		if j == len(src) {
			break
		}
		switch ch := src[j]; {
		case ch == '!' && j+1 < len(src) && src[j+1] == '[':
			return Segment{}, false // an image
		case ch == '!':
			c.put(src[j:j+1], true)
			i = j + 1
		case ch == '[':
			size, linkText, ok := inlineLink(src[j:])
			if !ok {
				return Segment{}, false
			}
			// The text goes to both, "[" and "](dest)" to the text only.
			c.put(src[j:j+1], false)
			for _, b := range src[j+1+len(linkText) : j+size] {
				if markupChars[b] {
					c.markup++ // "]", and any in the destination
				}
			}
			c.markup++ // "["
			if c.run(src[:j+1+len(linkText)], j+1, true) < 0 || c.run(src[:j+size], j+1+len(linkText), false) < 0 {
				return Segment{}, false
			}
			i = j + size
		default:
			return Segment{}, false
		}
	}
	if len(c.text) == 0 {
		return Segment{}, false
	}
	s = Segment{Kind: kind, Key: key}
	if c.lean {
		// CountWords keeps nothing of its argument: no copy is needed.
		s.Words = CountWords(unsafe.String(unsafe.SliceData(c.plain), len(c.plain)))
	} else {
		s.Text, s.Plain = string(c.text), string(c.plain)
		s.Words = CountWords(s.Plain)
	}
	s.Hash = c.hash(kind, key, c.text)
	return s, true
}

// collapser builds the text and the plain text of a segment collapsed, as
// Collapse would make them, in one pass; a character Collapse might
// change otherwise (outside U+0000..U+02FF, or not UTF-8) makes it give up.
// Its buffers are reused from one segment to the next.
type collapser struct {
	text, plain           []byte
	spaceText, spacePlain bool // white space since the last character written to each
	lean                  bool // leave Text and Plain empty (Hashes)
	markup                int  // markup characters of the segment (limiter.inline)
	h                     hash.Hash
	sum                   [sha256.Size]byte
	hex                   [2 * sha256.Size]byte
}

// collapsers keeps collapsers, and their buffers, between bodies.
var collapsers = sync.Pool{New: func() any { return new(collapser) }}

// hash is Segment.hash without allocating but for the result.
func (c *collapser) hash(kind, key string, text []byte) string {
	if c.h == nil {
		c.h = sha256.New()
	}
	c.h.Reset()
	io.WriteString(c.h, kind)
	c.h.Write([]byte{0})
	io.WriteString(c.h, key)
	c.h.Write([]byte{0})
	c.h.Write(text)
	hex.Encode(c.hex[:], c.h.Sum(c.sum[:0]))
	return string(c.hex[:])
}

// Classes of byte for collapser.run.
const (
	plainByte = iota // copied as it is
	spaceByte        // ASCII white space
	highByte         // the first byte of a multi-byte character (or not UTF-8)
	stopByte         // Markdown the caller decides about
)

var byteClass = func() (t [256]uint8) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = highByte
	}
	for _, c := range " \t\n\v\f\r" {
		t[c] = spaceByte
	}
	for _, c := range "\\&`<*_~[]!" {
		t[c] = stopByte
	}
	return t
}()

// run copies src[i:] up to the first byte of class stopByte, returning its
// offset (len(src) when none), or -1 when it meets a character it must
// give up on. toPlain says whether the plain text gets what is copied;
// with toPlain false (a link's "](dest)", already checked) stop bytes are
// copied too.
func (c *collapser) run(src []byte, i int, toPlain bool) int {
	for i < len(src) {
		j := i
		for j < len(src) {
			switch class := byteClass[src[j]]; {
			case class == plainByte || !toPlain && class == stopByte:
				j++
				continue
			case src[j] == ' ' && j > i && j+1 < len(src) && byteClass[src[j+1]] == plainByte:
				j += 2 // one space between two characters stays as it is
				continue
			}
			break
		}
		if j > i {
			c.put(src[i:j], toPlain)
			i = j
			continue
		}
		switch byteClass[src[i]] {
		case spaceByte:
			c.spaceText, c.spacePlain = true, true
			i++
		case highByte:
			b := src[i]
			if b == 0xe2 && i+2 < len(src) && src[i+2]&0xc0 == 0x80 {
				if r := rune(src[i+1]&0x3f)<<6 | rune(src[i+2]&0x3f) | 0x2000; src[i+1]&0xc0 == 0x80 && isPunctuation(r) {
					c.put(src[i:i+3], toPlain)
					i += 3
					continue
				}
			}
			if b < 0xc2 || b > 0xcb || i+1 >= len(src) || src[i+1]&0xc0 != 0x80 {
				return -1 // may need NFC, or is not UTF-8
			}
			if b == 0xc2 && (src[i+1] == 0x85 || src[i+1] == 0xa0) {
				c.spaceText, c.spacePlain = true, true // U+0085 and U+00A0 are white space
			} else {
				c.put(src[i:i+2], toPlain)
			}
			i += 2
		default:
			return i
		}
	}
	return i
}

// isPunctuation reports whether r is one of the General Punctuation
// characters the fast path takes as they are: dashes, quotation marks,
// bullets, the ellipsis, primes (U+2010..U+2027, U+2030..U+205E), which
// English and Turkish prose uses. None is white space, none changes under
// NFC or combines with what comes before it (TestPunctuationIsNFC).
func isPunctuation(r rune) bool {
	return 0x2010 <= r && r <= 0x2027 || 0x2030 <= r && r <= 0x205e
}

// put appends b (no white space in it) after the pending white space.
func (c *collapser) put(b []byte, toPlain bool) {
	if c.spaceText && len(c.text) > 0 {
		c.text = append(c.text, ' ')
	}
	c.spaceText = false
	c.text = append(c.text, b...)
	if toPlain {
		if c.spacePlain && len(c.plain) > 0 {
			c.plain = append(c.plain, ' ')
		}
		c.spacePlain = false
		c.plain = append(c.plain, b...)
	}
}

// inlineLink reads "[text](destination)" at the start of src, with plain
// text and a destination without spaces, brackets, parentheses or
// anything else that needs the full parser; n is its length.
func inlineLink(src []byte) (n int, text []byte, ok bool) {
	close := bytes.IndexByte(src, ']')
	if close < 2 || close+1 >= len(src) || src[close+1] != '(' {
		return 0, nil, false
	}
	text = src[1:close]
	if bytes.ContainsAny(text, "[\\&`<*_~!\n^") || text[0] == ' ' || text[len(text)-1] == ' ' {
		return 0, nil, false
	}
	dest := src[close+2:]
	end := bytes.IndexByte(dest, ')')
	if end < 1 || bytes.ContainsAny(dest[:end], "\\<>(\"'&") {
		return 0, nil, false
	}
	for i, b := range dest[:end] {
		if b <= ' ' || b == 0xc2 && i+1 < end && (dest[i+1] == 0x85 || dest[i+1] == 0xa0) {
			return 0, nil, false // white space or a control character
		}
	}
	return close + 2 + end + 1, text, true
}
