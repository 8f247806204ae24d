package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want, line string
	}{
		{"plain", "İstanbul'da ışık, a\\b", "İstanbul'da ışık, a\\b", "İstanbul'da ışık, a\\b"},
		{"clear screen", "a\x1b[2Jb", `a\x1b[2Jb`, `a\x1b[2Jb`},
		{"osc 8 link", "\x1b]8;;http://evil\x1b\\x\x1b]8;;\x07", `\x1b]8;;http://evil\x1b\x\x1b]8;;\a`, `\x1b]8;;http://evil\x1b\x\x1b]8;;\a`},
		{"bel and bare cr", "ding\x07 over\rwrite", `ding\a over\rwrite`, `ding\a over\rwrite`},
		{"tab and newline", "a\tb\nc", "a\tb\nc", `a\tb\nc`},
		{"del and nul", "a\x7fb\x00", `a\x7fb\x00`, `a\x7fb\x00`},
		{"c1 csi", "a\u009b2Jb\u0085", `a\u009b2Jb\u0085`, `a\u009b2Jb\u0085`},
		{"bidi override", "abc\u202edcba\u2066x\u2069", `abc\u202edcba\u2066x\u2069`, `abc\u202edcba\u2066x\u2069`},
		{"marks kept", "a\u200eb\u200fc", "a\u200eb\u200fc", "a\u200eb\u200fc"},
		{"invalid utf-8", "a\xffb\x9b", `a\xffb\x9b`, `a\xffb\x9b`},
		{"replacement char kept", "a\ufffdb", "a\ufffdb", "a\ufffdb"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := EscapeLine(tt.in); got != tt.line {
				t.Errorf("EscapeLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
		})
	}
}

// TestEscapeAgreesWithQuote: a control character reads the same escaped as
// in a %q-quoted text of a check finding.
func TestEscapeAgreesWithQuote(t *testing.T) {
	for r := rune(0); r < 0xa0; r++ {
		if r == '\t' || r == '\n' || (r >= 0x20 && r < 0x7f) {
			continue
		}
		s := string(r)
		q := fmt.Sprintf("%+q", s)
		if got := Escape(s); got != q[1:len(q)-1] {
			t.Errorf("Escape(%q) = %s, %%q has %s", s, got, q)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("a\x1b[2J\x1b]8;;http://x\x07y\rz\u009b\u202e\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Escape(s), EscapeLine(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("escaped %q is not UTF-8: %q", s, out)
			}
			for _, r := range out {
				if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
					t.Fatalf("escaped %q still holds %U: %q", s, r, out)
				}
			}
		}
		if strings.ContainsAny(EscapeLine(s), "\t\n") {
			t.Fatalf("EscapeLine(%q) holds a tab or newline", s)
		}
		if Escape(Escape(s)) != Escape(s) {
			t.Fatalf("Escape is not idempotent on %q", s)
		}
	})
}

func BenchmarkEscape(b *testing.B) {
	plain := strings.Repeat("Kütüphane müdürü Ayşe Kaya, geçen yıl gece saatlerinde. ", 4)
	hostile := plain + "\x1b[2J"
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = Escape(plain)
		}
	})
	b.Run("hostile", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = Escape(hostile)
		}
	})
}

// TestEscaped: an escaped error's text is escaped in English and in the
// reader's language, and it still wraps its error.
func TestEscaped(t *testing.T) {
	inner := clitext.Wrap(errors.New("bad\x1b[31m"), "err_nothing_written")
	for _, err := range []error{Escaped(inner), EscapedLine(inner)} {
		for _, got := range []string{err.Error(), clitext.New("tr").Error(err)} {
			if strings.ContainsRune(got, 0x1b) {
				t.Errorf("%q: not escaped", got)
			}
		}
		if !errors.Is(err, inner) {
			t.Errorf("%v does not wrap its error", err)
		}
	}
	if got := clitext.New("tr").Error(Escaped(inner)); !strings.Contains(got, "hiçbir şey yazılmadı") {
		t.Errorf("Turkish: got %q", got)
	}
	if got := EscapedLine(errors.New("a\nb")).Error(); strings.Contains(got, "\n") {
		t.Errorf("EscapedLine kept a line break: %q", got)
	}
}
