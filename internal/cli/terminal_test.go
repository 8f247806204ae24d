package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
)

// hostile is content that would drive a terminal if printed raw: clear the
// screen, a hyperlink (OSC 8), the bell, a bare CR, a CSI in C1 form and a
// right-to-left override.
const hostile = "a\x1b[2J\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\\x07b\rc\u009b2J\u202ed"

const hostileEscaped = `a\x1b[2J\x1b]8;;http://evil.example/\x1b\link\x1b]8;;\x1b\\ab\rc\u009b2J\u202ed`

// rawControl reports whether s holds a control character other than the
// ESC [ ... m colour sequences ceviri writes itself, tab and newline.
func rawControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			j := strings.IndexByte(s[i:], 'm')
			if !strings.HasPrefix(s[i:], "\x1b[") || j < 0 || strings.Trim(s[i+2:i+j], "0123456789;") != "" {
				return true
			}
			i += j
			continue
		}
	}
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != 0x1b) || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return true
		}
	}
	return false
}

// On a terminal, diff still colours its output, and content is escaped.
func TestWriteDiffEscapesContentKeepsColour(t *testing.T) {
	for _, color := range []bool{false, true} {
		var out bytes.Buffer
		env := &Env{Stdout: &out, Getenv: func(string) string { return "" }, outTTY: color}
		d := &diffJSON{ID: "a", Lang: "en", State: track.Stale, Path: "articles/a\u202e/en.md", SourcePath: "articles/a/tr.md",
			From: "sha256:0", To: "sha256:1",
			Changes: []*track.DiffEntry{
				{Op: track.Changed, Kind: "paragraph", Segment: "body.1", Old: "x " + hostile, New: "y " + hostile,
					Translation: "t " + hostile, TranslationLine: 3, Diff: wordiff.Diff("x "+hostile, "y "+hostile)},
				{Op: track.Added, Kind: "code", Segment: "body.2", New: "kod\n" + hostile},
				{Op: track.Removed, Kind: "paragraph", Segment: "body.3", Old: hostile},
				{Op: track.Moved, Kind: "paragraph", Segment: "body.4", New: hostile},
			},
			Commits: []gitlog.Commit{{Hash: "0123456789abcdef", Date: "2025-01-02T00:00:00Z", Author: "Mallory\x1b]0;owned\x07", Subject: "fix " + hostile}},
		}
		writeDiff(env, d)
		got := out.String()
		if rawControl(got) {
			t.Errorf("color=%v: raw control characters in\n%q", color, got)
		}
		for _, want := range []string{hostileEscaped, `articles/a\u202e/en.md`, `Mallory\x1b]0;owned\a`, "kod\n"} {
			if !strings.Contains(got, want) {
				t.Errorf("color=%v: output lacks %q:\n%s", color, want, got)
			}
		}
		if hasColour := strings.Contains(got, "\x1b[32m") && strings.Contains(got, "\x1b[31m") && strings.Contains(got, "\x1b[0m"); hasColour != color {
			t.Errorf("color=%v: colour codes present = %v:\n%q", color, hasColour, got)
		}
	}
}

// The status and pending tables and check's text escape ids and paths.
func TestTablesEscapeContent(t *testing.T) {
	var out bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }, outTTY: true}
	words := 3
	writePendingTable(env, []*pendingItem{{ID: "b\u202egnp", State: track.Missing, PendingWords: words, Path: "articles/b\u202egnp/en.md\x1b[2J"}}, words)
	got := out.String()
	if rawControl(got) || !strings.Contains(got, `b\u202egnp`) || !strings.Contains(got, `en.md\x1b[2J`) || !strings.Contains(got, "\x1b[31m") {
		t.Errorf("pending table:\n%q", got)
	}
}

// TestPrintErrEscapes: an error from any package that quotes content (a
// YAML message quoting a line) reaches the terminal escaped.
func TestPrintErrEscapes(t *testing.T) {
	for _, err := range []error{
		errors.New("yaml: found \x1b]8;;http://x\x07link in \"\x1b[2J\""),
		&diag.PosError{File: "a.md", Line: 2, Col: 1, Err: errors.New("bad \x1b[2J value\nhint: fix it")},
	} {
		var b strings.Builder
		printErr(&b, err)
		if strings.ContainsAny(b.String(), "\x1b\x07") {
			t.Errorf("printErr wrote a control character: %q", b.String())
		}
		if !strings.Contains(b.String(), `\x1b`) {
			t.Errorf("printErr did not show the escape: %q", b.String())
		}
	}
}
