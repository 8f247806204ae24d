package cli

import (
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/track"
)

// TestStatusTextNumbers pins status's cells and summary and status
// --since's line in both languages: English as ceviri always wrote them
// (digits alone), Turkish with thousands grouped by a dot and the noun
// singular after a number.
func TestStatusTextNumbers(t *testing.T) {
	n := func(i int) *int { return &i }
	stale := &track.VersionStatus{State: track.Stale, ChangedSegments: n(1), PendingWords: n(1250)}
	missing := &track.VersionStatus{State: track.Missing, Placeholder: true, PendingWords: n(1)}
	sum := &track.Summary{Source: 1, Stale: 1200, Missing: 1, PendingWords: 1251}
	since := &sinceSummary{Became: became{New: 1, Stale: 2, Removed: 1}, WordsBefore: 1000, WordsAfter: 2250, Words: 1250}
	for _, tc := range []struct {
		lang                               string
		stale, missing, summary, sinceLine string
		signed                             string
	}{
		{"en", "stale (1 segment, 1250 words)", "missing (placeholder, 1 word)",
			"1 source, 1200 stale, 1 missing; 1251 words to translate",
			"1 new, 2 became stale, 1 removed; 1000 -> 2250 words to translate (+1250)", "-1250"},
		{"tr", "eskimiş (1 bölüm, 1.250 kelime)", "eksik (yer tutucu, 1 kelime)",
			"1 kaynak, 1.200 eskimiş, 1 eksik; çevrilecek 1.251 kelime",
			"1 yeni, 2 eskimiş oldu, 1 silindi; çevrilecek 1.000 -> 2.250 kelime (+1.250)", "-1.250"},
	} {
		tx := clitext.New(tc.lang)
		for _, c := range []struct{ got, want string }{
			{cell(tx, stale), tc.stale},
			{cell(tx, missing), tc.missing},
			{summaryLine(tx, sum), tc.summary},
			{sinceLine(tx, since, "->"), tc.sinceLine},
			{signed(tx, -1250), tc.signed},
		} {
			if c.got != c.want {
				t.Errorf("%s: got %q, want %q", tc.lang, c.got, c.want)
			}
		}
	}
}
