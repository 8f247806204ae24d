package bundle

import (
	"github.com/ceviri/ceviri/internal/anchor"
	"golang.org/x/text/language"
)

// Slug turns a heading into an anchor id by the ascii rule (build.anchors'
// default, see internal/anchor): lower-cased with the page language's rules
// (so Turkish "I" becomes "ı" and "İ" becomes "i"), Latin letters folded to
// ASCII (ç ğ ı ö ş ü and â î û lose their marks), apostrophes dropped,
// every other run of characters that is not a letter or digit turned into
// one hyphen. Letters of other scripts (Cyrillic, Greek, Arabic) are kept.
//
//	Slug("İstanbul'da Işık", language.Turkish) == "istanbulda-isik"
func Slug(s string, tag language.Tag) string { return anchor.Slug(anchor.ASCII, s, tag) }

// headingIDs gives every heading of one page a unique id (parser.IDs).
type headingIDs = anchor.IDs

// newHeadingIDs returns the ids of a page by the ascii rule.
func newHeadingIDs(tag language.Tag) *headingIDs { return anchor.NewIDs(anchor.ASCII, tag) }

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiSlug is Slug of ASCII text (FuzzSlugASCII compares the two ways).
func asciiSlug(s string) string { return anchor.Slug(anchor.ASCII, s, language.Und) }
