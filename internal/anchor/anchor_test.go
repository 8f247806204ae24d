package anchor

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/language"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		rule Rule
		in   string
		want string
	}{
		{ASCII, "Projenizi paylaşın", "projenizi-paylasin"},
		{GitHub, "Projenizi paylaşın", "projenizi-paylaşın"},
		{Hugo, "Projenizi paylaşın", "projenizi-paylaşın"},
		{ASCII, "İstanbul'da Işık", "istanbulda-isik"},
		{GitHub, "İstanbul'da Işık", "i\u0307stanbulda-işık"},
		{Hugo, "İstanbul'da Işık", "istanbulda-işık"},
		{GitHub, "Katkıda bulunmak", "katkıda-bulunmak"},
		{GitHub, "Why use `useState`?", "why-use-usestate"},
		{GitHub, "A  b -- c_d", "a--b----c_d"},
		{Hugo, "A  b -- c_d", "a--b----c_d"},
		{ASCII, "A  b -- c_d", "a-b-c-d"},
		{GitHub, "2025: Yılın özeti!", "2025-yılın-özeti"},
		{GitHub, "Emoji 🎉 party", "emoji--party"},
		{GitHub, "ça\u0327", "ça\u0327"}, // a combining mark is kept by GitHub
		{Hugo, "ça\u0327", "ça"},         // and dropped by Hugo
		{GitHub, "x²", "x²"},             // a number that is no digit
		{Hugo, "x²", "x"},
		{Hugo, "a\tb", "a-b"},
		{GitHub, "a\tb", "ab"},
		{GitHub, "Киев и Москва", "киев-и-москва"},
		{GitHub, "!!!", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.rule)+"/"+tt.in, func(t *testing.T) {
			if got := Slug(tt.rule, tt.in, language.Turkish); got != tt.want {
				t.Errorf("Slug(%s, %q) = %q, want %q", tt.rule, tt.in, got, tt.want)
			}
		})
	}
}

func TestIDsRepeatedAndEmpty(t *testing.T) {
	tests := []struct {
		rule     Rule
		headings []string
		want     []string
	}{
		{GitHub, []string{"Örnek", "Örnek", "Örnek-1", "Örnek"}, []string{"örnek", "örnek-1", "örnek-1-1", "örnek-2"}},
		{Hugo, []string{"!!", "!!", "Heading"}, []string{"heading", "heading-1", "heading-2"}},
		{ASCII, []string{"!!", "Örnek", "Ornek"}, []string{"section", "ornek", "ornek-1"}},
		{GitHub, []string{"!!"}, []string{"section"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.rule), func(t *testing.T) {
			ids := NewIDs(tt.rule, language.Turkish)
			for i, h := range tt.headings {
				if got := string(ids.Generate([]byte(h), ast.KindHeading)); got != tt.want[i] {
					t.Errorf("heading %d %q: id %q, want %q", i, h, got, tt.want[i])
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Rule{"": ASCII, "ascii": ASCII, "github": GitHub, "hugo": Hugo} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := Parse("blackfriday"); err == nil {
		t.Error("Parse(blackfriday): no error")
	}
}
