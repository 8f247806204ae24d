package segment

import (
	"regexp"
	"unicode"

	"github.com/rivo/uniseg"
)

// Words that are not words to translate: URLs, e-mail addresses and Hugo
// shortcodes are replaced by a space before counting.
var notWords = regexp.MustCompile(`(?i)\b(?:https?|ftp)://[^\s<>"]+|\bwww\.[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\{\{[<%].*?[%>]\}\}`)

// CountWords counts the words in plain text the way CAT tools quote them:
// words are found at Unicode word boundaries (UAX #29), so "İstanbul'da" and
// "1.250,5" are one word each; a number is one word; words joined by a hyphen
// ("Trump-Zelensky") are one; URLs and e-mail addresses are not counted.
// Punctuation and symbols such as "%" are not words.
func CountWords(text string) int {
	if text == "" {
		return 0
	}
	text = notWords.ReplaceAllString(text, " ")
	n := 0
	state := -1
	joined := false // the previous token was a word followed by a hyphen
	prevWord := false
	var w string
	for len(text) > 0 {
		w, text, state = uniseg.FirstWordInString(text, state)
		switch {
		case isWord(w):
			if !joined {
				n++
			}
			joined, prevWord = false, true
		case (w == "-" || w == "\u2010") && prevWord:
			joined, prevWord = true, false
		default:
			joined, prevWord = false, false
		}
	}
	return n
}

func isWord(tok string) bool {
	for _, r := range tok {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}
