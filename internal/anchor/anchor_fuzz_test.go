package anchor

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/language"
)

// FuzzSlug: every rule gives valid UTF-8 of letters, marks, numbers, "_"
// and "-" only (an id a URL fragment and a CSS selector can name), the ids
// of one page are unique, and HeadingIDs of any body neither panics nor
// gives an id twice.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Projenizi Paylaşın!", "İstanbul'da Işık", "a\tb  c", "x²\u0327", "🎉", "", "\xff\xfe", "-_-", "Ǆ ǅ ǆ",
		"## a\n## a\n## a-1 {#a-2}\n## a", "# {/*x*/}\n## Başlık {#başlık}\n## Başlık"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			return
		}
		for _, r := range []Rule{ASCII, GitHub, Hugo} {
			got := Slug(r, s, language.Turkish)
			if utf8.ValidString(s) && !utf8.ValidString(got) {
				t.Fatalf("%s: Slug(%q) = %q, invalid UTF-8", r, s, got)
			}
			for _, c := range got {
				if !(c == '-' || c == '_' || unicode.IsLetter(c) || unicode.IsMark(c) || unicode.IsNumber(c)) && c != utf8.RuneError {
					t.Fatalf("%s: Slug(%q) = %q holds %q", r, s, got, c)
				}
			}
			ids := NewIDs(r, language.Turkish)
			seen := map[string]bool{}
			for _, line := range strings.Split(s, "\n") {
				id := string(ids.Generate([]byte(line), ast.KindHeading))
				if seen[id] || id == "" {
					t.Fatalf("%s: id %q given twice or empty", r, id)
				}
				seen[id] = true
			}
			for _, fm := range []segment.Format{segment.CommonMark, segment.MDX} {
				page, err := HeadingIDs([]byte(s), fm, r, language.Turkish)
				if err != nil {
					continue
				}
				taken := map[string]bool{}
				for _, id := range page {
					if taken[id] && !strings.Contains(s, "{") {
						t.Fatalf("%s: HeadingIDs gives %q twice", r, id)
					}
					taken[id] = true
				}
			}
		}
	})
}
