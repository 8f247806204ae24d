package segment

import (
	"unicode"
	"unicode/utf8"
)

// countSimple counts the words of the commonest prose quickly, without
// UAX #29 segmentation, which otherwise takes a quarter of the time to load
// a project (docs/performance.md). It accepts only text made of tokens
// separated by ASCII white space, each token a run of letters below U+0250
// (Latin, with every Turkish letter) and ASCII digits, with single hyphens
// between two such characters and apostrophes between two letters, and at
// most one closing . , ; : ! or ?. Each such token is exactly one word for
// CountWords (FuzzCountSimple checks this against the full algorithm); for
// any other text ok is false and the caller counts the slow way.
func countSimple(s string) (n int, ok bool) {
	const (
		outside = iota // between tokens
		inWord         // after a letter or digit
		joiner         // after a hyphen or apostrophe: a letter or digit must follow
		closed         // after closing punctuation: white space must follow
	)
	state := outside
	prevLetter := false // the last character of the token is a letter
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' {
			if state == joiner {
				return 0, false
			}
			state = outside
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		letter := r < latinLetters && isLatinLetter[r]
		digit := '0' <= r && r <= '9'
		switch {
		case state == closed:
			return 0, false
		case letter || digit:
			if state == outside {
				n++
			}
			// An apostrophe joins two letters only ("İstanbul'da").
			if state == joiner && s[i-1] != '-' && !(letter && prevLetter) {
				return 0, false
			}
			state, prevLetter = inWord, letter
		case state == inWord && r == '-':
			state = joiner
		case state == inWord && (r == '\'' || r == '’') && prevLetter:
			state = joiner
		case state == inWord && (r == '.' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?'):
			state = closed
		default:
			return 0, false
		}
		i += size
	}
	return n, state != joiner
}

// latinLetters bounds isLatinLetter, which says unicode.IsLetter of each
// character below it: Latin, with every Turkish letter.
const latinLetters = 0x250

var isLatinLetter = func() (t [latinLetters]bool) {
	for r := range t {
		t[r] = unicode.IsLetter(rune(r))
	}
	return t
}()
