package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/track"
)

func TestParseStates(t *testing.T) {
	tests := []struct {
		in      []string
		want    []track.State
		wantErr bool
	}{
		{nil, []track.State{track.Missing, track.Stale, track.Draft, track.Untracked}, false},
		{[]string{"stale"}, []track.State{track.Stale}, false},
		{[]string{"stale,draft"}, []track.State{track.Stale, track.Draft}, false},
		{[]string{"Missing", " untracked "}, []track.State{track.Missing, track.Untracked}, false},
		{[]string{"current"}, nil, true},
		{[]string{"stale,bogus"}, nil, true},
	}
	for _, tt := range tests {
		got, err := parseStates(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseStates(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("parseStates(%q) = %v, want %v", tt.in, got, tt.want)
		}
		for _, s := range tt.want {
			if !got[s] {
				t.Errorf("parseStates(%q) lacks %s", tt.in, s)
			}
		}
	}
}

func TestSourceDate(t *testing.T) {
	tests := []struct {
		front, want string // want: the parsed day, "" when none
	}{
		{"date: 2025-11-14", "2025-11-14"},
		{"date: 2025-11-14T23:30:00+03:00", "2025-11-14"},
		{`date: "2025-12-03"`, "2025-12-03"},
		{"date: 14.11.2025", ""},
		{"date: [2025]", ""},
		{"title: x", ""},
	}
	for _, tt := range tests {
		v := parseVersion(t, "tr.md", "---\n"+tt.front+"\n---\n")
		_, when := sourceDate(v)
		got := ""
		if !when.IsZero() {
			got = when.Format(time.DateOnly)
		}
		if got != tt.want {
			t.Errorf("sourceDate(%q) = %q, want %q", tt.front, got, tt.want)
		}
	}
}

// On a terminal the state is coloured and the table still aligns.
func TestPendingColor(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"ceviri.yaml":                "languages: [tr, en]\n",
		"articles/uzun-bir-ad/tr.md": "---\ntitle: Bir iki\n---\n",
		"articles/b/tr.md":           "---\ntitle: Üç\n---\n",
		"articles/b/en.md":           "---\ntitle: Three\n---\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, Now: time.Now, Wd: dir, outTTY: true}
	if err := runPending(context.Background(), env, &pendingOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	if !strings.Contains(lines[1], "\x1b[35muntracked\x1b[0m") && !strings.Contains(lines[2], "\x1b[35muntracked\x1b[0m") {
		t.Errorf("untracked is not coloured:\n%s", out.String())
	}
	// WORDS is right-aligned: each count ends under the header's S.
	col := strings.Index(lines[0], "WORDS") + len("WORDS") - 1
	for _, l := range lines[1:3] {
		l = stripANSI(l)
		if col >= len(l) || l[col] < '1' || l[col] > '9' || l[col+1] != ' ' {
			t.Errorf("count not right-aligned under WORDS in %q", l)
		}
	}
	env.NoColor = true
	out.Reset()
	if err := runPending(context.Background(), env, &pendingOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Errorf("--no-color output has escape codes:\n%q", out.String())
	}
}

func stripANSI(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}
