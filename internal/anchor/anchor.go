// Package anchor makes the ids of headings, by the rule a project chooses
// (build.anchors in ceviri.yaml), so that the pages a build renders and the
// #fragment links check resolves agree on them. See docs/bundles.md.
package anchor

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Rule is a way of making an id from a heading's text.
type Rule string

// The rules of build.anchors.
const (
	// ASCII lower-cases in the page's language, folds Latin letters to
	// ASCII ("İstanbul'da Işık" -> "istanbulda-isik"): ceviri's default.
	ASCII Rule = "ascii"
	// GitHub is the rule of GitHub's Markdown (and of Jekyll's
	// jekyll-toc, markdown-it-anchor's github slugify, github-slugger):
	// lower case, letters of every script kept ("Projenizi paylaşın" ->
	// "projenizi-paylaşın"), each space a hyphen, punctuation dropped.
	GitHub Rule = "github"
	// Hugo is Hugo's default (markup.goldmark.parser.autoHeadingIDType
	// "github"): like GitHub, but each letter lower-cased on its own
	// ("İ" -> "i"), combining marks dropped, tabs hyphens too.
	Hugo Rule = "hugo"
)

// Parse returns the rule named s ("" is ASCII).
func Parse(s string) (Rule, error) {
	switch r := Rule(s); r {
	case "":
		return ASCII, nil
	case ASCII, GitHub, Hugo:
		return r, nil
	}
	return "", clitext.NewError("misc_anchors_rule", "Value", strconv.Quote(s))
}

// Empty is the id of a heading whose slug is empty, before any suffix.
func (r Rule) Empty() string {
	if r == Hugo {
		return "heading" // as Hugo names it
	}
	return "section"
}

// Slug returns the id rule r makes of a heading's text, before any "-1"
// suffix of a repeated heading; tag is the language of the text (only
// ASCII lower-cases by language).
//
//	Slug(ASCII, "Projenizi Paylaşın!", language.Turkish)  == "projenizi-paylasin"
//	Slug(GitHub, "Projenizi Paylaşın!", language.Turkish) == "projenizi-paylaşın"
//	Slug(Hugo, "Projenizi Paylaşın!", language.Turkish)   == "projenizi-paylaşın"
func Slug(r Rule, s string, tag language.Tag) string {
	switch r {
	case GitHub:
		return githubSlug(s)
	case Hugo:
		return hugoSlug(s)
	}
	if isASCII(s) {
		return asciiSlug(s)
	}
	return foldSlug(s, cases.Lower(tag))
}

// foldSlug is the ASCII rule with a caser of the page's language, made
// once per page: one made for each heading, and the strings of its
// transformation, were most of the memory of a page of many headings.
func foldSlug(s string, caser cases.Caser) string {
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

// asciiSlug is the ASCII rule on ASCII text: lower-casing gives the same
// in every language once a Turkish dotless i is folded back to i, and NFD
// changes nothing (FuzzSlugASCII in internal/bundle compares the two).
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

// githubSlug is GitHub's rule (html-pipeline's TableOfContentsFilter,
// github-slugger): the text lower-cased with Unicode's full mapping (Ruby's
// downcase, JavaScript's toLowerCase: "İ" becomes "i" and a combining dot
// U+0307), every character that is not a letter, mark, number, "_", "-" or
// space dropped, then each space (not each run) a hyphen.
func githubSlug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == 'İ' {
			b.WriteString("i\u0307") // SpecialCasing.txt: 0130 -> 0069 0307
			continue
		}
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// hugoSlug is Hugo's "github" autoHeadingIDType (markup/goldmark/autoid.go):
// a space, tab or "-" is a hyphen, a letter, decimal digit or "_" is kept
// lower-cased rune by rune (unicode.ToLower: "İ" becomes "i"), anything
// else, combining marks included, is dropped.
func hugoSlug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '-' || r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// IDs gives every heading of one page a unique id by one rule; it
// implements goldmark's parser.IDs. A page has its own, since ids are
// unique per page.
type IDs struct {
	rule  Rule
	caser cases.Caser // lower-cases in the page's language (ASCII)
	seen  map[string]bool
	// next is, for each slug that came twice, the first suffix not yet
	// tried: ids are never taken back, so every smaller one is taken, and a
	// page of 20,000 equal headings costs 20,000 steps, not 200 million.
	next map[string]int
}

// NewIDs returns the ids of a new page in language tag.
func NewIDs(r Rule, tag language.Tag) *IDs {
	ids := &IDs{rule: r, seen: map[string]bool{}}
	if r != GitHub && r != Hugo {
		ids.rule = ASCII
		ids.caser = cases.Lower(tag)
	}
	return ids
}

// Generate returns the id of a heading whose text is value; a repeated
// heading gets "-1", "-2", ... as GitHub and Hugo do, skipping ids already
// taken (by hand with {#id}, or by a heading whose text ends so).
func (h *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var base string
	switch h.rule {
	case GitHub:
		base = githubSlug(string(value))
	case Hugo:
		base = hugoSlug(string(value))
	default:
		base = foldSlug(string(value), h.caser)
	}
	if base == "" {
		base = h.rule.Empty()
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
func (h *IDs) Put(value []byte) { h.seen[string(value)] = true }

// Has reports whether id was given to a heading of the page.
func (h *IDs) Has(id string) bool { return h.seen[id] }
