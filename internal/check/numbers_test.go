package check

import (
	"testing"

	"golang.org/x/text/language"
)

func TestNumbersMatch(t *testing.T) {
	tests := []struct {
		tr, en string
		same   bool
	}{
		{"1.250", "1,250", true},
		{"%40", "40%", true},
		{"18.30", "18:30", true},
		{"1.234,5", "1,234.5", true},
		{"3,5", "3.5", true},
		{"99.9", "99.9", true}, // an English-style decimal in Turkish text
		{"1.000.000", "1,000,000", true},

		{"22", "23", false},
		{"1.250", "1.25", false},
		{"18.30", "18:45", false},
		{"%40", "41%", false},
		{"1.234,5", "1,234.6", false},
	}
	for _, tt := range tests {
		t.Run(tt.tr+"="+tt.en, func(t *testing.T) {
			a, b := numbers(tt.tr, language.Turkish), numbers(tt.en, language.English)
			if len(a) != 1 || len(b) != 1 {
				t.Fatalf("numbers(%q) = %v, numbers(%q) = %v; want one each", tt.tr, a, tt.en, b)
			}
			x := item{keys: a[0].values}
			y := item{keys: b[0].values}
			if got := x.same(y); got != tt.same {
				t.Errorf("%q (%v) same as %q (%v) = %v, want %v", tt.tr, a[0].values, tt.en, b[0].values, got, tt.same)
			}
		})
	}
}

func TestNumbersTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Saat 18.30'da başladı; %40'ı", []string{"18.30", "%40"}},
		{"mp4, IPv6 and COVID-19 in 2025.", []string{"19", "2025"}},
		{"1.", []string{"1"}},
		{"03.12.2025 ve 2025-12-03", []string{"03", "12", "2025", "03", "12", "2025"}},
		{"1.2.3", []string{"1.2.3"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := numbers(tt.in, language.Turkish)
		if len(got) != len(tt.want) {
			t.Errorf("numbers(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].text != tt.want[i] {
				t.Errorf("numbers(%q)[%d] = %q, want %q", tt.in, i, got[i].text, tt.want[i])
			}
		}
	}
}

func TestSeparators(t *testing.T) {
	if s := separatorsOf(language.Turkish); s.decimal != ',' || s.group != '.' {
		t.Errorf("Turkish separators = %q %q, want ',' '.'", s.decimal, s.group)
	}
	if s := separatorsOf(language.English); s.decimal != '.' || s.group != ',' {
		t.Errorf("English separators = %q %q, want '.' ','", s.decimal, s.group)
	}
}

func TestCanonicalLink(t *testing.T) {
	tests := []struct {
		dest, prefix, id, want string
	}{
		{"/tr/kubernetes/", "/tr/", "pod", "/kubernetes"},
		{"/kubernetes/", "/", "pod", "/kubernetes"},
		{"../kubernetes/", "/tr/", "pod", "/kubernetes"},
		{"/tr/kubernetes/#nedir", "/tr/", "pod", "/kubernetes"},
		{"https://glossary.cncf.io/tr/pod/", "/tr/", "x", "https://glossary.cncf.io/pod"},
		{"https://sembr.org/", "/", "x", "https://sembr.org"},
		{"https://example.org/a#frag", "/", "x", "https://example.org/a#frag"},
		{"/en", "/en/", "x", "/"},
	}
	for _, tt := range tests {
		got, ok := canonicalLink(tt.dest, tt.prefix, tt.id)
		if !ok || got != tt.want {
			t.Errorf("canonicalLink(%q, %q, %q) = %q, %v; want %q", tt.dest, tt.prefix, tt.id, got, ok, tt.want)
		}
	}
	if _, ok := canonicalLink("#section", "/", "x"); ok {
		t.Error("a pure fragment is compared")
	}
}

func TestShortcodes(t *testing.T) {
	got := shortcodes(`a {{< figure src="x" >}} b {{% notice %}} c {{% /notice %}} {{ .Title }}`)
	want := []string{"figure", "notice", "/notice"}
	if len(got) != len(want) {
		t.Fatalf("shortcodes = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("shortcodes[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	if !onlyShortcodes("{{% sign-language-section abc %}}") || onlyShortcodes("{{% x %}} text") {
		t.Error("onlyShortcodes is wrong")
	}
	if got := withoutShortcodes("a {{% s pQ2 %}} 3"); got != "a   3" {
		t.Errorf("withoutShortcodes = %q", got)
	}
}
