package bundle

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Slug turns a heading into an anchor id that a reader can still read in
// the address bar: lower-cased with the page language's rules (so Turkish
// "I" becomes "ı" and "İ" becomes "i"), Latin letters folded to ASCII (ç ğ ı
// ö ş ü and â î û lose their marks), apostrophes dropped, every other run of
// characters that is not a letter or digit turned into one hyphen. Letters
// of other scripts (Cyrillic, Greek, Arabic) are kept: HTML5 ids may hold
// them and transliterating them would need a table per script.
//
//	Slug("İstanbul'da Işık", language.Turkish) == "istanbulda-isik"
func Slug(s string, tag language.Tag) string { return slug(s, cases.Lower(tag)) }

// slug is Slug with a caser of the page's language, made once per page:
// one made for each heading, and the strings of its transformation, were
// most of the memory of a page of many headings. Text in ASCII, most
// headings of an English page, takes a shorter way to the same slug.
func slug(s string, caser cases.Caser) string {
	if isASCII(s) {
		return asciiSlug(s)
	}
	lower := caser.String(s)
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(lower) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining mark left by NFD: ş = s + U+0327
		case r == '\'' || r == '’' || r == 'ʼ':
			// İstanbul'da reads as one word
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			if r == 'ı' {
				r = 'i' // dotless i has no decomposition to strip
			}
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiSlug is Slug of ASCII text: lower-casing gives the same in every
// language once a Turkish dotless i is folded back to i, and NFD changes
// nothing (FuzzSlugASCII compares it with the general way).
func asciiSlug(s string) string {
	b := make([]byte, 0, len(s))
	hyphen := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', 'A' <= c && c <= 'Z':
			if hyphen && len(b) > 0 {
				b = append(b, '-')
			}
			hyphen = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		default:
			hyphen = true
		}
	}
	return string(b)
}

// headingIDs gives every heading of one page a unique Slug; it implements
// goldmark's parser.IDs. A page has its own, since uniqueness is per page.
type headingIDs struct {
	caser cases.Caser // lower-cases in the page's language
	seen  map[string]bool
	// next is, for each slug that came twice, the first suffix not yet
	// tried: ids are never taken back, so every smaller one is taken, and a
	// page of 20,000 equal headings costs 20,000 steps, not 200 million.
	next map[string]int
}

func newHeadingIDs(tag language.Tag) *headingIDs {
	return &headingIDs{caser: cases.Lower(tag), seen: map[string]bool{}}
}

// Generate returns the id of a heading whose text is value; a repeated
// heading gets "-1", "-2", ... as GitHub does, skipping ids already taken
// (by hand with {#id}, or by a heading whose text ends so).
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(string(value), h.caser)
	if base == "" {
		base = "section"
	}
	id := base
	if h.seen[id] {
		if h.next == nil {
			h.next = map[string]int{}
		}
		i := max(h.next[base], 1)
		buf := make([]byte, 0, len(base)+8)
		for {
			buf = strconv.AppendInt(append(append(buf[:0], base...), '-'), int64(i), 10)
			if !h.seen[string(buf)] { // no allocation: the compiler reads buf in place
				break
			}
			i++
		}
		h.next[base] = i + 1
		id = string(buf)
	}
	h.seen[id] = true
	return []byte(id)
}

// Put records an id written by hand ({#id}), so generated ones avoid it.
func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
