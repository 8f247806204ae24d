package segment

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// Words that are not words to translate: URLs, e-mail addresses and Hugo
// shortcodes are replaced by a space before counting.
var notWords = regexp.MustCompile(`(?i)\b(?:https?|ftp)://[^\s<>"]+|\bwww\.[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\{\{[<%].*?[%>]\}\}`)

// CountWords counts the words in plain text the way CAT tools quote them:
// words are found at Unicode word boundaries (UAX #29), so "İstanbul'da" and
// "1.250,5" are one word each; a number is one word, with a Turkish suffix
// after an apostrophe ("1990'larda", "%40'ı") and with ":" or "/" between
// digits ("18:30", "12/11/2025"); words joined by a hyphen
// ("Trump-Zelensky") are one; URLs and e-mail addresses are not counted.
// Punctuation and symbols such as "%" are not words.
func CountWords(text string) int {
	if text == "" {
		return 0
	}
	if mayHoldNotWords(text) {
		text = notWords.ReplaceAllString(text, " ")
	}
	if n, ok := countSimple(text); ok {
		return n
	}
	return countUAX29(text)
}

// countUAX29 is CountWords for any text.
func countUAX29(text string) int {
	n := 0
	state := -1
	prev := other // the kind of the previous token
	glue := none  // what the previous token glues to the next one
	var w string
	for len(text) > 0 {
		w, text, state = uniseg.FirstWordInString(text, state)
		k := kindOf(w)
		switch {
		case k == word || k == number:
			if glue == none || glue == number && k != number {
				n++
			}
			glue = none
		default:
			glue = joins(w, prev)
		}
		prev = k
	}
	return n
}

// mayHoldNotWords reports whether text could match notWords: every match
// holds "://", "@", "{{" or "www." (in any case). Most prose holds none of
// them, and skipping the backtracking regexp then halves the time to load
// a project (docs/performance.md).
func mayHoldNotWords(s string) bool {
	if strings.Contains(s, "://") || strings.Contains(s, "@") || strings.Contains(s, "{{") {
		return true
	}
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// Kinds of token for CountWords, also used to say what a joiner glues.
const (
	none   = iota // (glue only) nothing is glued
	other         // space, punctuation, symbols
	word          // has a letter
	number        // digits (and separators UAX #29 keeps inside a number)
)

func kindOf(tok string) int {
	k := other
	for _, r := range tok {
		switch {
		case unicode.IsLetter(r):
			return word
		case unicode.IsNumber(r):
			k = number
		}
	}
	return k
}

// joins says what tok, right after a token of kind prev, glues to the
// token that follows: a hyphen after a word or number glues any word
// (word), an apostrophe after a number glues a suffix (word; UAX #29 keeps
// "İstanbul'da" together but splits "1990'larda"), and ":" or "/" after a
// number glue only another number (number). It returns none otherwise.
func joins(tok string, prev int) int {
	if prev == other {
		return none
	}
	switch tok {
	case "-", "\u2010", "\u2011":
		return word
	case "'", "\u2019":
		if prev == number {
			return word
		}
	case ":", "/":
		if prev == number {
			return number
		}
	}
	return none
}
