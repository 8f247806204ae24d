package wordiff

import (
	"testing"
	"unicode/utf8"
)

func TestDiffPlain(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "Bir iki üç.", "Bir iki üç.", "Bir iki üç."},
		{"both empty", "", "", ""},
		{"all new", "", "Yeni metin", "{+Yeni metin+}"},
		{"all gone", "Eski metin", "", "[-Eski metin-]"},
		{"one word changed", "Panel salı günü yapıldı.", "Panel çarşamba günü yapıldı.", "Panel [-salı-]{+çarşamba+} günü yapıldı."},
		{"words inserted", "Panelin video kaydı önümüzdeki hafta paylaşılacak.",
			"Panelin video kaydı, Türkçe ve İngilizce altyazılarıyla önümüzdeki hafta paylaşılacak.",
			"Panelin video kaydı{+, Türkçe ve İngilizce altyazılarıyla+} önümüzdeki hafta paylaşılacak."},
		{"two changed words read as one change", "a red car here", "a blue bike here", "a [-red car-]{+blue bike+} here"},
		{"suffix stays with its word", "İstanbul'da yağmur", "Ankara'da yağmur", "[-İstanbul'da-]{+Ankara'da+} yağmur"},
		{"number changed", "1.250 öğrenci", "1.300 öğrenci", "[-1.250-]{+1.300+} öğrenci"},
		{"punctuation only", "Bitti.", "Bitti!", "Bitti[-.-]{+!+}"},
		{"rewritten URL is one change", "[list](https://landscape.cncf.io/card-mode?category=observability-and-analysis&grouping=category).",
			"[list](https://landscape.cncf.io/?group=projects-and-products&view-mode=card#observability-and-analysis--observability).",
			"[list](https://landscape.cncf.io/[-card-mode?category=-]{+?group=projects-and-products&view-mode=card#+}observability-and-analysis[-&grouping=category-]{+--observability+})."},
		{"separate changes stay separate", "Bir iki üç", "Dört iki beş", "[-Bir-]{+Dört+} iki [-üç-]{+beş+}"},
		{"word deleted", "a very big house", "a big house", "a [-very -]big house"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Diff(tt.old, tt.new)
			if got := Render(spans, Plain); got != tt.want {
				t.Errorf("Render(Diff(%q, %q)) =\n%q, want\n%q", tt.old, tt.new, got, tt.want)
			}
			if Changed(spans) != (tt.old != tt.new) {
				t.Errorf("Changed = %v for %q -> %q", Changed(spans), tt.old, tt.new)
			}
		})
	}
}

func TestRenderColor(t *testing.T) {
	got := Render(Diff("a b", "a c"), Color)
	want := "a \x1b[31mb\x1b[0m\x1b[32mc\x1b[0m"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A very large rewrite falls back to one replacement instead of a huge table.
func TestDiffLarge(t *testing.T) {
	a := make([]byte, 0, 40000)
	b := make([]byte, 0, 40000)
	for i := 0; i < 5000; i++ {
		a = append(a, "x "...)
		b = append(b, "y "...)
	}
	spans := Diff(string(a), string(b))
	if Old(spans) != string(a) || New(spans) != string(b) {
		t.Fatal("spans do not rebuild the texts")
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("İstanbul'da yağmur var.", "Ankara'da kar var!")
	f.Add("", "x")
	f.Add("a  b\n c", "a b c")
	f.Fuzz(func(t *testing.T, old, new string) {
		if !utf8.ValidString(old) || !utf8.ValidString(new) {
			t.Skip()
		}
		spans := Diff(old, new)
		if got := Old(spans); got != old {
			t.Errorf("Old = %q, want %q", got, old)
		}
		if got := New(spans); got != new {
			t.Errorf("New = %q, want %q", got, new)
		}
		for i, s := range spans {
			if s.Text == "" {
				t.Errorf("span %d is empty", i)
			}
			if i > 0 && spans[i-1].Op == s.Op {
				t.Errorf("spans %d and %d have the same op %s", i-1, i, s.Op)
			}
		}
	})
}
