package bundle

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/track"
	"golang.org/x/text/language"
)

func TestPublish(t *testing.T) {
	tests := []struct {
		state  track.State
		policy string
		want   string // "": left out; "refused"; else "from/state/fallback"
	}{
		{track.Current, FallbackFail, "en current false"},
		{track.Source, FallbackSkip, "en source false"},
		{track.Stale, FallbackSource, "en stale false"},
		{track.Stale, FallbackSkip, ""},
		{track.Stale, FallbackFail, "refused"},
		{track.Missing, FallbackSource, "tr missing true"},
		{track.Draft, FallbackSource, "tr draft true"},
		{track.Untracked, FallbackSource, "tr untracked true"},
		{track.Missing, FallbackSkip, ""},
		{track.Draft, FallbackFail, "refused"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s", tt.state, tt.policy), func(t *testing.T) {
			a := &article{ID: "a", Source: "tr", Versions: map[string]*version{"tr": {State: track.Source}}}
			if tt.state != track.Missing {
				a.Versions["en"] = &version{State: tt.state}
			}
			if tt.state == track.Source {
				a.Source = "en"
			}
			e, refused := publish(a, "en", tt.policy)
			got := ""
			switch {
			case refused:
				got = "refused"
			case e != nil:
				got = fmt.Sprintf("%s %s %v", e.from, e.state, e.fallback)
			}
			if got != tt.want {
				t.Errorf("publish = %q, want %q", got, tt.want)
			}
		})
	}
	orphan := &article{ID: "o", Versions: map[string]*version{"en": {State: track.Orphan}}}
	if e, refused := publish(orphan, "en", FallbackFail); e != nil || refused {
		t.Errorf("an orphan is published (%v) or refused (%v)", e, refused)
	}
}

func TestSortEntries(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 12, d, 0, 0, 0, 0, time.UTC) }
	mk := func(id, title string, tm time.Time) *entry {
		return &entry{a: &article{ID: id, Time: tm, Versions: map[string]*version{"tr": {Title: title}}}, lang: "tr", from: "tr"}
	}
	es := []*entry{
		mk("undated", "A", time.Time{}),
		mk("zeytin", "Zeytin", day(1)),
		mk("cay", "Çay", day(1)),
		mk("ceviz", "Ceviz", day(1)),
		mk("ilik", "Ilık", day(1)),
		mk("incir", "İncir", day(1)),
		mk("new", "Yeni", day(3)),
	}
	sortEntries(es, language.Turkish)
	var ids []string
	for _, e := range es {
		ids = append(ids, e.a.ID)
	}
	// Turkish order: c < ç, ı < i; newest first, undated last.
	want := "new ceviz cay ilik incir zeytin undated"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("order = %s, want %s", got, want)
	}
}
