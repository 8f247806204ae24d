package bundle

import (
	"sort"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/track"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The fallback policies: what a bundle does with an article whose version in
// its language is not a usable translation.
const (
	FallbackSource = "source" // show the source version, with a notice
	FallbackSkip   = "skip"   // leave the article out of that language
	FallbackFail   = "fail"   // refuse the build
)

// entry is one article in one language's bundle.
type entry struct {
	a        *article
	lang     string      // the bundle's language
	from     string      // language of the version shown
	state    track.State // state of the bundle language's own version
	fallback bool        // the source version is shown in its place
}

// version returns the version shown.
func (e *entry) version() *version { return e.a.Versions[e.from] }

// own returns the version of the bundle's language when it has a file (a
// fallback's may be a placeholder, a draft or untracked), else nil: the
// version whose local fields the page shows.
func (e *entry) own() *version {
	if v := e.a.Versions[e.lang]; v != nil && v.HasFile {
		return v
	}
	return nil
}

// date returns the date the entry shows, as written and parsed: the
// source's, or, when date is a local field, the bundle language's own
// version's (none when it has no file), never the source's.
func (e *entry) date() (string, time.Time) {
	if !e.a.LocalDate {
		return e.a.Date, e.a.Time
	}
	if v := e.own(); v != nil {
		return v.Date, v.Time
	}
	return "", time.Time{}
}

// publish decides how article a appears in language lang under policy:
// the entry, or nil when it is left out; refused is set when the policy is
// "fail" and the article has no usable version in lang.
//
//   - source and current versions are published;
//   - a stale translation is published with a notice under "source" (a
//     slightly old translation serves a reader better than a page in
//     another language), left out under "skip", refused under "fail";
//   - a missing, draft or untracked translation is replaced by the source
//     version with a notice under "source", left out under "skip",
//     refused under "fail";
//   - an orphan (no source version) is never published.
func publish(a *article, lang, policy string) (e *entry, refused bool) {
	if a.Source == "" {
		return nil, false
	}
	v := a.Versions[lang]
	st := track.Missing
	if v != nil {
		st = v.State
	}
	switch st {
	case track.Source, track.Current:
		return &entry{a: a, lang: lang, from: lang, state: st}, false
	case track.Stale:
		switch policy {
		case FallbackSkip:
			return nil, false
		case FallbackFail:
			return nil, true
		}
		return &entry{a: a, lang: lang, from: lang, state: st}, false
	default:
		switch policy {
		case FallbackSkip:
			return nil, false
		case FallbackFail:
			return nil, true
		}
		return &entry{a: a, lang: lang, from: a.Source, state: st, fallback: true}, false
	}
}

// langPlan is the plan of one language's bundle.
type langPlan struct {
	lang     string
	tag      language.Tag
	wanted   bool         // asked for (--lang, or all)
	excluded string       // why it is not built (below --min-current); "" when built
	why      clitext.Text // excluded in ceviri's words
	entries  []*entry
	refused  []error // "id (state)" under --fallback fail
	current  int     // source and current versions
	total    int     // articles with a source version
}

// share is the percentage of current (or source) versions.
func (lp *langPlan) share() int {
	if lp.total == 0 {
		return 100
	}
	return lp.current * 100 / lp.total
}

// makePlans decides every language's articles, in index order.
func makePlans(arts []*article, langs []string, tags []language.Tag, want map[string]bool, policy string, minCurrent int) []*langPlan {
	plans := make([]*langPlan, len(langs))
	for i, l := range langs {
		lp := &langPlan{lang: l, tag: tags[i], wanted: len(want) == 0 || want[l]}
		for _, a := range arts {
			if a.Source == "" {
				continue
			}
			lp.total++
			if v := a.Versions[l]; v != nil && (v.State == track.Source || v.State == track.Current) {
				lp.current++
			}
			e, refused := publish(a, l, policy)
			if refused {
				st := track.Missing
				if v := a.Versions[l]; v != nil {
					st = v.State
				}
				lp.refused = append(lp.refused, clitext.NewError("build_refused_article", "ID", a.ID, "State", clitext.Msg("state_"+string(st))))
			}
			if e != nil {
				lp.entries = append(lp.entries, e)
			}
		}
		if 100*lp.current < minCurrent*lp.total {
			lp.why = clitext.Msg("build_below_min_current", "Current", lp.current, "Total", lp.total, "Share", lp.share(), "Min", minCurrent)
			lp.excluded = lp.why.String()
		}
		sortEntries(lp.entries, lp.tag)
		plans[i] = lp
	}
	return plans
}

// sortEntries orders a bundle's articles: newest first (undated last), then
// by title in the language's collation order (Turkish: ç after c, ı before
// i), then by id.
func sortEntries(es []*entry, tag language.Tag) {
	col := collate.New(tag)
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		_, at := a.date()
		_, bt := b.date()
		if !at.Equal(bt) {
			if at.IsZero() || bt.IsZero() {
				return bt.IsZero()
			}
			return at.After(bt)
		}
		if c := col.CompareString(a.version().Title, b.version().Title); c != 0 {
			return c < 0
		}
		return a.a.ID < b.a.ID
	})
}

// alternates returns the languages in which article a is published as a
// real version (not a fallback), in ceviri.yaml's order: the hreflang
// alternates of its pages.
func alternates(a *article, plans []*langPlan, policy string) []string {
	var out []string
	for _, lp := range plans {
		if lp.excluded != "" {
			continue
		}
		if e, _ := publish(a, lp.lang, policy); e != nil && !e.fallback {
			out = append(out, lp.lang)
		}
	}
	return out
}
