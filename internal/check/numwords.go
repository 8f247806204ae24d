package check

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Numbers written as words. A translator may write "six in the morning" as
// "sabah 6'da", or "2 pods" as "iki pod": the numbers rule lets a number
// word stand for its digits. Words are only ever a partner: a word with
// no digits on the other side is not reported ("one of them", "bir" as the
// Turkish article), and a word stands in only for digits of the paired
// segment, so a common word like "bir" cannot hide a number dropped
// elsewhere in the page.

var englishNumberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20,
}

// turkishUnits are the Turkish words for 1..9 with the stems their
// suffixes take ("dört" + "e" is "dörde").
var turkishUnits = []struct {
	stem  string
	value int
}{
	{"bir", 1}, {"iki", 2}, {"üç", 3}, {"dört", 4}, {"dörd", 4}, {"beş", 5}, {"altı", 6}, {"yedi", 7}, {"sekiz", 8}, {"dokuz", 9},
}

// turkishSuffixes are the case and possessive endings a Turkish number word
// takes, attached ("altıya", "altıda", "ikisi") or after an apostrophe
// ("altı'ya"). Vowel harmony is not checked: a wrong form is still the
// number.
var turkishSuffixes = map[string]bool{"": true}

func init() {
	for _, s := range strings.Fields(`a e ya ye ı i u ü yı yi yu yü da de ta te dan den tan ten
		ın in un ün nın nin nun nün la le yla yle sı si su sü sına sine suna süne sını sini sunu sünü
		ına ine una üne ını ini unu ünü ında inde unda ünde sında sinde sunda sünde ından inden undan ünden
		ları leri lar ler`) {
		turkishSuffixes[s] = true
	}
}

// turkishNumber reads a lower-case Turkish word (an apostrophe's suffix
// cut off) as a number: a unit with a suffix, "on" (ten; only bare, as
// "ona", "onu" and "onda" are forms of the pronoun "o"), "on" joined to a
// unit ("onbeş", "onbeşte") or "yirmi" with a suffix.
func turkishNumber(w string) (int, bool) {
	if w == "on" {
		return 10, true
	}
	n := 0
	if strings.HasPrefix(w, "yirmi") {
		return 20, turkishSuffixes[w[len("yirmi"):]]
	}
	if strings.HasPrefix(w, "on") {
		n, w = 10, w[2:]
	}
	for _, u := range turkishUnits {
		if strings.HasPrefix(w, u.stem) && turkishSuffixes[w[len(u.stem):]] {
			return n + u.value, true
		}
	}
	return 0, false
}

// firstLetters are the letters number words start with, by language.
var firstLetters = map[string]string{"en": "otfsen", "tr": "biüdayso"}

// numberWords returns the numbers written as words in s, for English and
// Turkish (other languages have none): one..twenty, bir..yirmi with
// Turkish suffixes ("altıya", "altı'ya", "on iki").
func numberWords(s string, tag language.Tag) []numberTok {
	base, _ := tag.Base()
	lang := base.String()
	if lang != "en" && lang != "tr" {
		return nil
	}
	var out []numberTok
	prevTen := -1 // index in out of a bare Turkish "on" just before
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			if !unicode.IsSpace(r) {
				prevTen = -1
			}
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		word, start := s[i:j], i
		apostrophe := false
		if r, n := utf8.DecodeRuneInString(s[j:]); r == '\'' || r == '’' {
			k := j + n
			for k < len(s) {
				r, n := utf8.DecodeRuneInString(s[k:])
				if !unicode.IsLetter(r) {
					break
				}
				k += n
			}
			if k > j+n {
				apostrophe = true
				suffix := strings.ToLower(s[j+n : k])
				j = k
				if lang == "tr" && !turkishSuffixes[suffix] {
					i = j
					prevTen = -1
					continue
				}
			}
		}
		i = j
		// Digits glued to a word are a name (mp4); so is a word glued to
		// digits ("COVID-19" is not "COVID" and 19).
		if start > 0 && isDigit(s[start-1]) || j < len(s) && isDigit(s[j]) {
			prevTen = -1
			continue
		}
		if first := unicode.ToLower(r); !strings.ContainsRune(firstLetters[lang], first) && r != 'İ' {
			prevTen = -1
			continue // no number word starts so
		}
		v, ok := 0, false
		if lang == "en" {
			v, ok = englishNumberWords[strings.ToLower(word)]
		} else {
			v, ok = turkishNumber(strings.ToLowerSpecial(unicode.TurkishCase, word))
		}
		if !ok {
			prevTen = -1
			continue
		}
		if prevTen >= 0 && v < 10 {
			// "on iki": twelve.
			out[prevTen].values = []string{strconv.Itoa(10 + v)}
			out[prevTen].text += " " + s[start:j]
			prevTen = -1
			continue
		}
		out = append(out, numberTok{text: s[start:j], values: []string{strconv.Itoa(v)}, soft: true})
		prevTen = -1
		if lang == "tr" && v == 10 && !apostrophe && strings.EqualFold(word, "on") {
			prevTen = len(out) - 1
		}
	}
	return out
}
