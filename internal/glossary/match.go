package glossary

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// A term matches in text word by word: words are runs of letters, digits
// and marks; the words of a multi-word term must follow each other with
// white space or a hyphen between them (any amount: line breaks too), or
// the same other punctuation as the term has ("CI/CD"). Every word but the
// last must be the same as the term's; the last may be inflected (suffix):
// in Turkish by a chain of suffixes (rektör: rektörün, rektörlüğe,
// konteynerleştirilmiş), after the consonant softening of a vowel suffix
// (kitap: kitabı, renk: rengi), or after an apostrophe on a name
// (Kubernetes'in, Kubernetes’te); in English by a plural or a possessive
// (containers, container's, dependencies). A term never matches inside
// another word (rektör is not in direktör, ağ not in bağ or ağaç).

// termWord is a word of a term, and what separates it from the word before.
type termWord struct {
	w   string
	sep string // sepKey of the separator before it; "" for the first word
	// compound marks the last word of a Turkish term of several words:
	// its possessive may give way to the plural (işletim sistemi:
	// işletim sistemleri, sistemlerine).
	compound bool
}

// token is a word of text.
type token struct {
	s   string // the word; apostrophes are written ' (’ and ʼ read as ')
	sep string // sepKey of the separator before it
}

// isWord reports whether r is part of a word.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokens splits text into words. An apostrophe between a word and a letter
// stays in the word (Kubernetes'in), written '.
func tokens(text string) []token {
	var out []token
	var b strings.Builder
	sepStart := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			i += n
			continue
		}
		start := i
		b.Reset()
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWord(r) {
				b.WriteString(text[i : i+n])
				i += n
				continue
			}
			if isApostrophe(r) && i+n < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(next) {
					b.WriteByte('\'')
					i += n
					continue
				}
			}
			break
		}
		out = append(out, token{s: b.String(), sep: sepKey(text[sepStart:start])})
		sepStart = i
	}
	return out
}

// sepKey reduces what separates two words to what matching compares:
// white space and hyphens are all one " "; other punctuation is kept
// without the white space around it.
func sepKey(s string) string {
	plain := true
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '-' && r != '‐' && r != '‑' && r != '–' {
			plain = false
			break
		}
	}
	if plain {
		return " "
	}
	return strings.Join(strings.Fields(s), "")
}

// caserPools hold cases.Lower casers by language: a Caser keeps state and
// may not be shared between goroutines, and check reads articles in
// parallel.
var caserPools sync.Map // language.Tag -> *sync.Pool

// fold lowers s by the casing rules of tag (Turkish: I -> ı, İ -> i) and
// returns it in NFC.
func fold(tag language.Tag, s string) string {
	p, ok := caserPools.Load(tag)
	if !ok {
		p, _ = caserPools.LoadOrStore(tag, &sync.Pool{New: func() any { c := cases.Lower(tag); return &c }})
	}
	pool := p.(*sync.Pool)
	c := pool.Get().(*cases.Caser)
	out := c.String(s)
	pool.Put(c)
	return norm.NFC.String(out)
}

func lowerTurkish(s string) string { return fold(language.Turkish, s) }

// termWords splits a term into its words, folded unless caseSensitive.
func (g *Glossary) termWords(lang, term string, caseSensitive bool) []termWord {
	if !caseSensitive {
		term = fold(g.tag(lang), term)
	}
	var out []termWord
	for i, t := range tokens(term) {
		w := termWord{w: t.s}
		if i > 0 {
			w.sep = t.sep
		}
		out = append(out, w)
	}
	if len(out) > 1 && grammarOf(g.tag(lang)) == turkish {
		out[len(out)-1].compound = true
	}
	return out
}

func (g *Glossary) tag(lang string) language.Tag {
	if t, ok := g.tags[lang]; ok {
		return t
	}
	return language.Make(lang)
}

// grammar says how words of a language inflect.
type grammar int

const (
	exact grammar = iota
	english
	turkish
)

func grammarOf(tag language.Tag) grammar {
	switch b, _ := tag.Base(); b.String() {
	case "tr":
		return turkish
	case "en":
		return english
	}
	return exact
}

// ref is a term of an entry in an index.
type ref struct {
	e    *Entry
	term int // index in e.words[lang]
}

// langIndex finds the entries whose terms may start at a word: keyed by
// each form the first word of a term may start with (the word, and for
// Turkish its softened stem).
type langIndex struct {
	gr         grammar
	ci, cs     map[string][]ref // case-insensitive (folded) and case-sensitive keys
	maxKey     int              // the longest key, in bytes
	hasCaseful bool
}

func (g *Glossary) indexOf(lang string) *langIndex {
	ix := g.index[lang]
	if ix == nil {
		ix = &langIndex{gr: grammarOf(g.tag(lang)), ci: map[string][]ref{}, cs: map[string][]ref{}}
		g.index[lang] = ix
	}
	return ix
}

func (ix *langIndex) add(e *Entry, terms [][]termWord) {
	m := ix.ci
	if e.CaseSensitive {
		m, ix.hasCaseful = ix.cs, true
	}
	for i, ws := range terms {
		keys := []string{ws[0].w}
		if len(ws) == 1 {
			for _, st := range stems(ix.gr, ws[0].w) {
				keys = append(keys, st.s)
			}
		}
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k] {
				continue
			}
			seen[k] = true
			m[k] = append(m[k], ref{e, i})
			ix.maxKey = max(ix.maxKey, len(k))
		}
	}
}

// stem is another form a word may take before a suffix.
type stem struct {
	s          string
	needsVowel bool // only before a suffix that starts with a vowel
}

// stems returns the other forms of a word before suffixes: Turkish
// softens a final p, ç, t, k before a vowel (kitap: kitabı, ağaç: ağacı,
// kanat: kanadı, kaynak: kaynağı, renk: rengi); English changes a final y
// to i before -es (dependency: dependencies).
func stems(gr grammar, w string) []stem {
	switch gr {
	case turkish:
		r, n := utf8.DecodeLastRuneInString(w)
		if len(w) == n {
			return nil
		}
		body := w[:len(w)-n]
		var soft string
		switch r {
		case 'p':
			soft = "b"
		case 'ç':
			soft = "c"
		case 't':
			soft = "d"
		case 'k':
			soft = "ğ"
		default:
			return nil
		}
		out := []stem{{body + soft, true}}
		if r == 'k' && strings.HasSuffix(body, "n") {
			out = append(out, stem{body + "g", true})
		}
		return out
	case english:
		if strings.HasSuffix(w, "y") && len(w) > 2 {
			return []stem{{w[:len(w)-1] + "i", false}}
		}
	}
	return nil
}

// compoundPossessives are the endings of a Turkish compound's head (hizmet
// ağı, iş yükü, hizmet kapısı) that move after a plural (hizmet ağları,
// iş yükleri, hizmet kapıları).
var compoundPossessives = []string{"sı", "si", "su", "sü", "ı", "i", "u", "ü"}

// lastWordMatches is wordMatches for the last word of a term, which may be
// a Turkish compound's head.
func lastWordMatches(gr grammar, tok string, w termWord) bool {
	if wordMatches(gr, tok, w.w) {
		return true
	}
	if !w.compound {
		return false
	}
	for _, p := range compoundPossessives {
		st, ok := strings.CutSuffix(w.w, p)
		if !ok || utf8.RuneCountInString(st) < 2 || !strings.HasPrefix(tok, st) {
			continue
		}
		rest := tok[len(st):]
		if (strings.HasPrefix(rest, "lar") || strings.HasPrefix(rest, "ler")) && turkishSuffixes(rest) {
			return true
		}
	}
	return false
}

// wordMatches reports whether a word of text is the word w of a term, as
// written or inflected.
func wordMatches(gr grammar, tok, w string) bool {
	if tok == w {
		return true
	}
	if !strings.HasPrefix(tok, w) {
		for _, st := range stems(gr, w) {
			if strings.HasPrefix(tok, st.s) && inflection(gr, tok[len(st.s):], st.needsVowel, w) {
				return true
			}
		}
		return false
	}
	return inflection(gr, tok[len(w):], false, w)
}

// inflection reports whether rest, what follows a term's word in a word of
// text, is an inflection of it.
func inflection(gr grammar, rest string, needsVowel bool, w string) bool {
	apos := strings.HasPrefix(rest, "'")
	if apos {
		rest = rest[1:]
		if strings.ContainsRune(rest, '\'') || needsVowel {
			return false
		}
	}
	switch gr {
	case turkish:
		if needsVowel && !startsWithVowel(rest) {
			return false
		}
		return rest != "" && turkishSuffixes(rest)
	case english:
		if apos {
			return rest == "s"
		}
		return rest == "s" || rest == "es"
	}
	return false
}

func startsWithVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("aeıioöuü", r)
}
