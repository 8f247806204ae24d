package segment

import "testing"

// The prefilter must never say no where the regexp would match, or URLs
// and e-mail addresses would be counted as words.
func TestMayHoldNotWords(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"plain Turkish prose: Çağ Üniversitesi'nde 320 kişi", false},
		{"end. of. sentences. www", false},
		{"see https://example.org/x", true},
		{"see WWW.example.org", true},
		{"see wWw.example.org", true},
		{"mail ayse@example.com.tr", true},
		{"a {{< ref x >}} shortcode", true},
		{"a.www.b", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := mayHoldNotWords(tt.in); got != tt.want {
			t.Errorf("mayHoldNotWords(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzMayHoldNotWords(f *testing.F) {
	for _, s := range []string{"x https://a.b y", "www.x.org", "a@b.c", "{{% x %}}", "WwW.q", "plain", "a.b.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if notWords.MatchString(s) && !mayHoldNotWords(s) {
			t.Fatalf("notWords matches %q but the prefilter skips it", s)
		}
	})
}
