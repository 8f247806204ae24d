package cli

import (
	"slices"
	"sort"

	"github.com/ceviri/ceviri/internal/track"
)

// What a change does to the translations (status --since): the status of
// the project before it and after it, compared per article and language.

// sinceChange is one language version whose state or words to translate
// differ between before and after (docs/reference.md).
type sinceChange struct {
	Before      *track.State `json:"before"` // null: no such version (no article, or none expected)
	After       *track.State `json:"after"`
	WordsBefore int          `json:"words_before"` // words to translate
	WordsAfter  int          `json:"words_after"`
	Words       int          `json:"words"` // WordsAfter - WordsBefore
	Path        string       `json:"path"`  // after, else before
}

// stateChanged reports whether the version's state differs, appearing or
// going away included.
func (c *sinceChange) stateChanged() bool {
	switch {
	case c.Before == nil || c.After == nil:
		return c.Before != c.After
	default:
		return *c.Before != *c.After
	}
}

// sinceArticle is an article with at least one changed version.
type sinceArticle struct {
	ID           string                  `json:"id"`
	SourceBefore string                  `json:"source_before"` // the source language before; "" when none
	Source       string                  `json:"source"`        // and after
	Versions     map[string]*sinceChange `json:"versions"`      // only the changed languages
	// Same holds the state of the languages that did not change, for
	// tables.
	Same map[string]track.State `json:"-"`
}

// sinceSummary is what the change does to one language.
type sinceSummary struct {
	// Became counts the versions whose state changed, by their new state;
	// "removed": the version is gone.
	Became      became `json:"became"`
	WordsBefore int    `json:"words_before"` // the language's whole backlog before
	WordsAfter  int    `json:"words_after"`
	Words       int    `json:"words"` // WordsAfter - WordsBefore
}

// became counts versions by the state they changed to.
type became struct {
	New       int `json:"new"`    // a source version where there was no version: a new article
	Source    int `json:"source"` // a version that became the source
	Current   int `json:"current"`
	Stale     int `json:"stale"`
	Draft     int `json:"draft"`
	Untracked int `json:"untracked"`
	Missing   int `json:"missing"`
	Orphan    int `json:"orphan"`
	Removed   int `json:"removed"`
}

func (b *became) add(from, s *track.State) {
	if s == nil {
		b.Removed++
		return
	}
	switch *s {
	case track.Source:
		if from == nil {
			b.New++
		} else {
			b.Source++
		}
	case track.Current:
		b.Current++
	case track.Stale:
		b.Stale++
	case track.Draft:
		b.Draft++
	case track.Untracked:
		b.Untracked++
	case track.Missing:
		b.Missing++
	case track.Orphan:
		b.Orphan++
	}
}

// sinceDiff is the comparison of two statuses.
type sinceDiff struct {
	Languages []string
	Articles  []*sinceArticle // sorted by id, as status sorts them
	Summary   map[string]*sinceSummary
}

// compareStatus compares the status before a change with the status after
// it, for langs: a version is listed when its state or its words to
// translate differ; the summary counts every version of each language.
func compareStatus(langs []string, before, after []*track.ArticleStatus) *sinceDiff {
	d := &sinceDiff{Languages: langs, Summary: map[string]*sinceSummary{}}
	for _, l := range langs {
		d.Summary[l] = &sinceSummary{}
	}
	type pair struct{ before, after *track.ArticleStatus }
	byID := map[string]*pair{}
	for _, a := range before {
		byID[a.ID] = &pair{before: a}
	}
	for _, a := range after {
		if p := byID[a.ID]; p != nil {
			p.after = a
		} else {
			byID[a.ID] = &pair{after: a}
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p := byID[id]
		sa := &sinceArticle{ID: id, Versions: map[string]*sinceChange{}, Same: map[string]track.State{}}
		if p.before != nil {
			sa.SourceBefore = p.before.Source
		}
		if p.after != nil {
			sa.Source = p.after.Source
		}
		for _, l := range langs {
			b, a := versionOf(p.before, l), versionOf(p.after, l)
			if b == nil && a == nil {
				continue
			}
			c := &sinceChange{WordsBefore: pendingWords(b), WordsAfter: pendingWords(a)}
			c.Words = c.WordsAfter - c.WordsBefore
			if b != nil {
				c.Before, c.Path = &b.State, b.Path
			}
			if a != nil {
				c.After, c.Path = &a.State, a.Path
			}
			s := d.Summary[l]
			s.WordsBefore += c.WordsBefore
			s.WordsAfter += c.WordsAfter
			s.Words += c.Words
			if c.stateChanged() {
				s.Became.add(c.Before, c.After)
			}
			if c.stateChanged() || c.Words != 0 {
				sa.Versions[l] = c
			} else {
				sa.Same[l] = *c.After
			}
		}
		if len(sa.Versions) > 0 {
			d.Articles = append(d.Articles, sa)
		}
	}
	return d
}

func versionOf(a *track.ArticleStatus, lang string) *track.VersionStatus {
	if a == nil {
		return nil
	}
	return a.Versions[lang]
}

func pendingWords(v *track.VersionStatus) int {
	if v == nil || v.PendingWords == nil {
		return 0
	}
	return *v.PendingWords
}

// unionLanguages is after's languages, then before's that after lacks.
func unionLanguages(before, after []string) []string {
	out := slices.Clone(after)
	for _, l := range before {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
