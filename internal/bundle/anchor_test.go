package bundle

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/language"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		in   string
		tag  language.Tag
		want string
	}{
		{"İstanbul'da Işık", language.Turkish, "istanbulda-isik"},
		{"Öğrencilerin önerileri", language.Turkish, "ogrencilerin-onerileri"},
		{"ÇAĞ ÜNİVERSİTESİ", language.Turkish, "cag-universitesi"},
		{"IŞIK", language.Turkish, "isik"}, // Turkish I lowers to ı, then i
		{"Kampüste yapay zekâ", language.Turkish, "kampuste-yapay-zeka"},
		{"Students’ suggestions", language.English, "students-suggestions"},
		{"İstanbul in English", language.English, "istanbul-in-english"},
		{"  2025: A year -- in review!  ", language.English, "2025-a-year-in-review"},
		{"Киев и Москва", language.Russian, "киев-и-москва"},
		{"!!!", language.English, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Slug(tt.in, tt.tag); got != tt.want {
				t.Errorf("Slug(%q, %v) = %q, want %q", tt.in, tt.tag, got, tt.want)
			}
		})
	}
}

func TestHeadingIDsUnique(t *testing.T) {
	ids := newHeadingIDs(language.Turkish)
	ids.Put([]byte("giris-1"))
	var got []string
	for _, h := range []string{"Giriş", "Giriş", "Giriş", "!!!"} {
		got = append(got, string(ids.Generate([]byte(h), ast.KindHeading)))
	}
	want := "giris giris-2 giris-3 section"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("ids = %q, want %q", g, want)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"İstanbul'da Işık", "a--b", "ﬁ ǅ", "\u0301x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s, language.Turkish)
		if !utf8.ValidString(got) {
			t.Fatalf("Slug(%q) = %q: not UTF-8", s, got)
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slug(%q) = %q: stray hyphens", s, got)
		}
		if strings.ContainsAny(got, " '\"<>&") {
			t.Fatalf("Slug(%q) = %q: holds a character an id should not", s, got)
		}
	})
}
