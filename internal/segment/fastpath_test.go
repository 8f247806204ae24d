package segment

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

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

func TestCountSimple(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		fast bool
	}{
		{"Çağ Üniversitesi'nde ışık yandı.", 4, true},
		{"İstanbul'da 320 kişi, Trump-Zelensky görüşmesi!", 5, true},
		{"abc'123", 0, false},
		{"1990'larda", 0, false},
		{"a--b", 0, false},
		{"%40", 0, false},
		{"1.250,5", 0, false},
		{"end-", 0, false},
		{"東京", 0, false},
		{"", 0, true},
	}
	for _, tt := range tests {
		n, ok := countSimple(tt.in)
		if ok != tt.fast || ok && n != tt.n {
			t.Errorf("countSimple(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.n, tt.fast)
		}
		if ok && n != countUAX29(tt.in) {
			t.Errorf("countSimple(%q) = %d, but UAX #29 counting says %d", tt.in, n, countUAX29(tt.in))
		}
	}
}

// Short strings over an alphabet of the characters the fast path treats
// specially, checked exhaustively enough to cover every transition.
func TestCountSimpleAgreesOnSmallAlphabet(t *testing.T) {
	alphabet := []string{"a", "İ", "ş", "ı", "1", "9", "-", "'", "’", ".", ",", ":", "!", " ", "\n", "ǅ", "%"}
	r := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := r.IntN(10); k >= 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		if n, ok := countSimple(s); ok {
			fast++
			if want := countUAX29(s); n != want {
				t.Fatalf("countSimple(%q) = %d, UAX #29 counting says %d", s, n, want)
			}
		}
	}
	if fast < 1000 {
		t.Errorf("only %d of the generated strings took the fast path; the test proves little", fast)
	}
}

// The fast count must agree with the full algorithm wherever it answers.
func FuzzCountSimple(f *testing.F) {
	for _, s := range []string{"Çağ Üniversitesi'nde ışık yandı.", "a-b c'd e1 2f.", "x'1", "1'x", "a1'b", "İ ı ş ğ ü ö ç", "a.\nb,\tc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := countSimple(s); ok && n != countUAX29(s) {
			t.Fatalf("countSimple(%q) = %d, UAX #29 counting says %d", s, n, countUAX29(s))
		}
	})
}

// collapseRef is Collapse as first written, rune by rune: the faster
// Collapse must give the same result for every string.
func collapseRef(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " a  b ", "Çağ\u00a0Üniversitesi\n\tışık", "a\xffb", "x\u2028y", "e\u0301 ", "single spaces only"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Collapse(s), collapseRef(s); got != want {
			t.Fatalf("Collapse(%q) = %q, want %q", s, got, want)
		}
	})
}

// Every character below U+0300 must be NFC alone and unable to combine
// with a character before it, or belowCombining would skip a needed NFC.
func TestBelowCombiningIsNFC(t *testing.T) {
	for r := rune(0); r < 0x300; r++ {
		s := string(r)
		if !belowCombining(s) {
			t.Fatalf("belowCombining(%U) = false", r)
		}
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("%U: normal %v, boundary before %v, ccc %d", r, norm.NFC.IsNormalString(s), p.BoundaryBefore(), p.CCC())
		}
	}
	for _, s := range []string{"\u0300", "e\u0301", "\xc2", "\xcc\x80", "\x80", "a\xcbz", "日本", "\u2019"} {
		if belowCombining(s) {
			t.Errorf("belowCombining(%q) = true", s)
		}
	}
}

// The punctuation the fast path takes as it is must be NFC alone, unable
// to combine with a character before it, and not white space, or the fast
// path would differ from Collapse.
func TestPunctuationIsNFC(t *testing.T) {
	n := 0
	for r := rune(0x2000); r < 0x3000; r++ {
		if !isPunctuation(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 || unicode.IsSpace(r) {
			t.Errorf("%U: normal %v, boundary before %v, ccc %d, space %v", r, norm.NFC.IsNormalString(s), p.BoundaryBefore(), p.CCC(), unicode.IsSpace(r))
		}
	}
	if n != 24+47 {
		t.Errorf("isPunctuation takes %d characters, want 71", n)
	}
	for _, r := range []rune{0x2000, 0x200b, 0x2028, 0x205f, 0x2060, 0x2122} {
		if isPunctuation(r) {
			t.Errorf("isPunctuation(%U) = true", r)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Çağ Üniversitesi", "e\u0301", "\xef\xbb\xbfa\r\nb", "\xc2", "ı\u0307"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := string(Normalize(append([]byte{}, b...)))
		want := strings.ReplaceAll(strings.ReplaceAll(strings.TrimPrefix(string(b), "\xef\xbb\xbf"), "\r\n", "\n"), "\r", "\n")
		want = norm.NFC.String(want)
		if got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", b, got, want)
		}
	})
}
