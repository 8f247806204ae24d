// Package track decides the state of every language version of every
// article: source, current, stale, draft, untracked, missing or orphan. For a
// translation that fell behind it compares the stored copy of the recorded
// source version with the current source, segment by segment, to say how
// many segments changed and how many words are left to translate.
package track

import (
	"errors"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/workers"
)

// State of a language version.
type State string

// The states of a language version (docs/reference.md).
const (
	Source    State = "source"
	Current   State = "current"
	Stale     State = "stale"
	Draft     State = "draft"
	Untracked State = "untracked"
	Missing   State = "missing" // no file, or a placeholder (see placeholder)
	Orphan    State = "orphan"
)

// States lists the states in the order reports show them.
var States = []State{Source, Current, Stale, Draft, Untracked, Missing, Orphan}

// Pending reports whether a version in this state needs a translator's work.
func (s State) Pending() bool {
	return s == Stale || s == Draft || s == Untracked || s == Missing
}

// VersionStatus is the status of one language version.
type VersionStatus struct {
	State           State  `json:"state"`
	Path            string `json:"path"`
	Words           *int   `json:"words,omitempty"`            // the source's words
	ChangedSegments *int   `json:"changed_segments,omitempty"` // stale: segments changed since the record
	TotalSegments   *int   `json:"total_segments,omitempty"`   // stale: segments of the current source
	PendingWords    *int   `json:"pending_words,omitempty"`    // words to translate
	Note            string `json:"note,omitempty"`             // why a count is an estimate
	// NoteErr is the error Note says, for the reader's language
	// (clitext.Printer.Error); Note stays English, as --json has it.
	NoteErr error `json:"-"`
	// Placeholder: the file is there but is not a translation yet (the
	// placeholder marker field set, or an empty body where the source has
	// one; see placeholder). The state is then Missing, whatever its record
	// says.
	Placeholder bool `json:"placeholder,omitempty"`
	// PlaceholderWhy says what makes it one ("untranslated: 1 marks it",
	// "its body is empty"), in ceviri's words for messages (its String is
	// the English); PlaceholderLine is the line to point at (the marker's,
	// or the body's first).
	PlaceholderWhy  clitext.Text `json:"-"`
	PlaceholderLine int          `json:"-"`

	// Parsed is the parsed version; nil when missing.
	Parsed *project.Version `json:"-"`
	// Changes since the recorded source version, for a stale (or draft)
	// translation whose stored copy was found.
	Changes []Change `json:"-"`
	// Recorded is the stored copy of the recorded source version, if
	// found, segmented under the current configuration.
	Recorded *project.Version `json:"-"`
	// Reconfigured: current, though the record names another fingerprint
	// than the source's, because it was computed under another
	// configuration; the stored copy segments as the current source does.
	Reconfigured bool `json:"-"`
	// Missing says which stored copy was looked for in vain, when that is
	// why the counts are estimates (Note).
	Missing *MissingCopyError `json:"-"`
}

// ArticleStatus is the status of one article in every language.
type ArticleStatus struct {
	ID       string                    `json:"id"`
	Source   string                    `json:"source,omitempty"` // the source language; empty for an orphan
	Versions map[string]*VersionStatus `json:"versions"`

	SourceFile *project.Version `json:"-"`
}

// Analyze returns the status of each article. Articles whose files could
// not be read must be left out by the caller.
func Analyze(p *project.Project, arts []*project.Article) []*ArticleStatus {
	out := make([]*ArticleStatus, len(arts))
	// In parallel: a stale translation's stored source copy is read and
	// segmented here.
	workers.Each(len(arts), 0, func(i int) { out[i] = AnalyzeArticle(p, arts[i]) })
	return out
}

// SourceOf returns the source version of an article: its one version
// without a translation record; when several have none, the one in the
// configured source language (else the first in language order). It returns
// nil when every version has a record (the article is orphaned).
func SourceOf(p *project.Project, a *project.Article) *project.Version {
	return SourceExcept(p, a, "")
}

// SourceExcept is SourceOf when the version in language not is known to be a
// translation (the user said so), even if it has no record yet.
func SourceExcept(p *project.Project, a *project.Article, not string) *project.Version {
	var first *project.Version
	for _, l := range p.Config.Languages {
		v := a.Versions[l]
		if v == nil || v.Record != nil || l == not {
			continue
		}
		if l == p.Config.SourceLanguage {
			return v
		}
		if first == nil {
			first = v
		}
	}
	return first
}

// AnalyzeArticle returns the status of one article.
func AnalyzeArticle(p *project.Project, a *project.Article) *ArticleStatus {
	st := &ArticleStatus{ID: a.ID, Versions: map[string]*VersionStatus{}}
	src := SourceOf(p, a)
	st.SourceFile = src
	if src != nil {
		st.Source = src.Lang
	}
	for _, lang := range p.Config.Languages {
		v := a.Versions[lang]
		if v != nil && src != nil && v != src {
			// Before the record: a placeholder recorded as done is still
			// not a translation.
			if why, line := placeholder(src, v); why.ID != "" {
				st.Versions[lang] = &VersionStatus{State: Missing, Path: v.Path, Parsed: v, PendingWords: intp(src.Words),
					Placeholder: true, PlaceholderWhy: why, PlaceholderLine: line}
				continue
			}
		}
		switch {
		case v == nil && src == nil:
			continue // nothing to translate from
		case v == nil && p.Config.Excluded(a.ID, lang):
			continue // the language has none of these, and none is expected (exclude)
		case v == nil:
			st.Versions[lang] = &VersionStatus{State: Missing, Path: p.Layout.PathLike(a.ID, lang, src.Path), PendingWords: intp(src.Words)}
		case v == src:
			st.Versions[lang] = &VersionStatus{State: Source, Path: v.Path, Parsed: v, Words: intp(v.Words)}
		case src == nil:
			st.Versions[lang] = &VersionStatus{State: Orphan, Path: v.Path, Parsed: v}
		case v.Record == nil:
			st.Versions[lang] = &VersionStatus{State: Untracked, Path: v.Path, Parsed: v, PendingWords: intp(src.Words)}
		default:
			st.Versions[lang] = translation(p, src, v)
		}
	}
	return st
}

// translation decides between current, stale and draft.
//
// The record names the fingerprint of the source version the translation
// was made from, computed under the configuration of its time. When it is
// the current source's, nothing changed. Otherwise the stored copy of that
// version and the current source are compared, both segmented under the
// current configuration: a change of configuration (translatable fields,
// say) then changes neither, and an unchanged source stays current.
func translation(p *project.Project, src, v *project.Version) *VersionStatus {
	vs := &VersionStatus{Path: v.Path, Parsed: v}
	upToDate := v.Record.SourceHash == src.Fingerprint
	var rec *project.Version
	var err error // why the changes since the record are not known
	if !upToDate {
		if rec, err = LoadRecorded(p, src, v); err == nil && rec.Fingerprint == src.Fingerprint {
			// Recorded under another configuration, the same source now.
			vs.Recorded, vs.Reconfigured, upToDate = rec, true, true
		}
	}
	switch {
	case v.Record.Draft:
		vs.State = Draft
	case upToDate:
		vs.State = Current
		return vs
	default:
		vs.State = Stale
	}
	// From here the source's segments are counted, and compared with the
	// recorded version's when that is another.
	if full, serr := withSegments(p, src); serr == nil {
		src = full
	} else if err == nil {
		err = serr
	}
	if err == nil && !upToDate {
		rec, err = withSegments(p, rec)
	}
	srcSegs := src.Segments()
	pending := make([]bool, len(srcSegs))
	switch {
	case err != nil:
		// Without the old source, every segment may have changed.
		vs.Note, vs.NoteErr = err.Error(), err
		errors.As(err, &vs.Missing)
		for i := range pending {
			pending[i] = true
		}
	case !upToDate:
		vs.Recorded = rec
		vs.Changes = Compare(rec.Segments(), srcSegs)
		for _, c := range vs.Changes {
			if c.Op == Added || c.Op == Changed {
				pending[c.NewIndex] = true
			}
		}
	}
	if vs.State == Stale {
		vs.TotalSegments = intp(len(srcSegs))
		if err != nil {
			vs.ChangedSegments = intp(len(srcSegs))
		} else {
			vs.ChangedSegments = intp(len(vs.Changes))
		}
	}
	if vs.State == Draft {
		// A draft still owes the segments it has not translated yet.
		same := map[string]bool{}
		for _, s := range v.Segments() {
			same[s.Hash] = true
		}
		for i, s := range srcSegs {
			if s.Translatable() && same[s.Hash] {
				pending[i] = true
			}
		}
	}
	words := 0
	for i, s := range srcSegs {
		if pending[i] {
			words += s.Words
		}
	}
	if err != nil {
		words = src.Words // the whole source, also when its segments could not be had
	}
	vs.PendingWords = intp(words)
	return vs
}

// Summary counts the versions of one language by state.
type Summary struct {
	Source       int `json:"source"`
	Current      int `json:"current"`
	Stale        int `json:"stale"`
	Draft        int `json:"draft"`
	Untracked    int `json:"untracked"`
	Missing      int `json:"missing"`
	Orphan       int `json:"orphan"`
	PendingWords int `json:"pending_words"`
}

// Add counts one version.
func (s *Summary) Add(v *VersionStatus) {
	switch v.State {
	case Source:
		s.Source++
	case Current:
		s.Current++
	case Stale:
		s.Stale++
	case Draft:
		s.Draft++
	case Untracked:
		s.Untracked++
	case Missing:
		s.Missing++
	case Orphan:
		s.Orphan++
	}
	if v.PendingWords != nil {
		s.PendingWords += *v.PendingWords
	}
}

// Summarize counts the versions of every language.
func Summarize(langs []string, arts []*ArticleStatus) map[string]*Summary {
	out := map[string]*Summary{}
	for _, l := range langs {
		out[l] = &Summary{}
	}
	for _, a := range arts {
		for l, v := range a.Versions {
			out[l].Add(v)
		}
	}
	return out
}

func intp(n int) *int { return &n }
