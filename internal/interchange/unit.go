// Package interchange maps an article's segments to the units that
// translators' tools exchange (XLIFF 1.2 trans-units, PO entries) and back:
// which segments are pending for a language, with what context; and, on
// import, checking every unit against the current source and rebuilding the
// translation's Markdown around the translated segments.
//
// A unit's id is stable while its source segment does not change:
// "<article>#<slot>-<hash>", where slot is the front-matter field ("title",
// "tags.0") or the body segment's position ("b12"), and hash the first
// eight hex digits of the segment's hash.
package interchange

import (
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/tm"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/yuin/goldmark/parser"
)

// Status of a unit when exported.
const (
	New          = "new"          // no translation yet
	Changed      = "changed"      // the source changed since it was translated
	Untranslated = "untranslated" // the translation still holds the source text, or is not tracked
	Translated   = "translated"   // up to date (exported with --all only)
)

// Unit is one source segment handed to a translator.
type Unit struct {
	ID     string         // stable id, see the package comment
	Slot   string         // "title", "tags.0", "b12"
	Kind   string         // the segment kind (segment.Paragraph ...)
	Source string         // the current source segment's Markdown
	Pieces []Piece        // Source cut into text and protected markup
	Format segment.Format // the source's: in MDX, JSX and {expressions} are markup
	Status string
	// Target is the translation offered with the unit: the current one
	// (Translated, or an untracked translation to review).
	Target string
	// PrevSource and PrevTarget are, for a changed segment, the source the
	// translation was made from and that translation.
	PrevSource, PrevTarget string
	Line                   int // line in the source file
	Words                  int
	// Matches are the translation memory's offers for the source, best
	// first (AddMatches).
	Matches []tm.Match
	// Terms are the glossary's entries the source uses, each as a note for
	// the translator (AddTerms).
	Terms []string
}

// ArticleUnits is the units of one article for one target language.
type ArticleUnits struct {
	ID                     string
	SourceLang, TargetLang string
	SourcePath, TargetPath string
	State                  track.State
	Units                  []Unit
}

// Words returns the words of the article's units.
func (a *ArticleUnits) Words() int {
	n := 0
	for _, u := range a.Units {
		n += u.Words
	}
	return n
}

// Collect returns the units of an article's version in lang: the pending
// segments (new, changed, untranslated), or with all every translatable
// segment. It returns nil when the version is the source, an orphan, or
// (without all) has nothing pending.
func Collect(st *track.ArticleStatus, lang string, all bool) *ArticleUnits {
	v := st.Versions[lang]
	src := st.SourceFile
	if v == nil || src == nil || v.State == track.Source || v.State == track.Orphan {
		return nil
	}
	if !all && !v.State.Pending() {
		return nil
	}
	a := &ArticleUnits{ID: st.ID, SourceLang: src.Lang, TargetLang: lang, SourcePath: src.Path, TargetPath: v.Path, State: v.State}
	links := alignTo(src, v).links
	format := segment.FormatOf(src.Path)
	refs := ReferencesAs(segment.Normalize(src.Doc.Body), format)
	segs := src.Segments()
	for j, s := range segs {
		l := links[j]
		if !s.Translatable() || (!all && !l.pending) {
			continue
		}
		u := newUnit(st.ID, s, j, len(src.Fields), refs, format)
		switch {
		case v.State == track.Missing:
			u.Status = New
		case l.op == track.Added:
			u.Status = New
		case l.op == track.Changed:
			u.Status = Changed
			u.PrevSource = l.old.Text
			if l.tr != nil {
				u.PrevTarget = l.tr.Text
			}
		case l.pending:
			u.Status = Untranslated
			if l.tr != nil && v.State == track.Untracked {
				u.Target = l.tr.Text
			}
		default:
			u.Status = Translated
			if l.tr != nil {
				u.Target = l.tr.Text
			}
		}
		a.Units = append(a.Units, u)
	}
	if len(a.Units) == 0 {
		return nil
	}
	return a
}

// newUnit makes the unit of source segment s, the j-th of the source's
// segments, of which the first nFields are fields.
func newUnit(article string, s segment.Segment, j, nFields int, refs []parser.Reference, f segment.Format) Unit {
	slot := "b" + strconv.Itoa(j-nFields)
	if j < nFields {
		slot = s.Key
	}
	return Unit{
		ID:     UnitID(article, slot, s.Hash),
		Slot:   slot,
		Kind:   s.Kind,
		Source: s.Text,
		Pieces: SplitAs(s.Text, refs, f),
		Format: f,
		Line:   s.Line,
		Words:  s.Words,
	}
}

// UnitID returns the id of a unit.
func UnitID(article, slot, hash string) string {
	if len(hash) > 8 {
		hash = hash[:8]
	}
	return article + "#" + slot + "-" + hash
}

// ParseID splits a unit id into article, slot and short hash.
func ParseID(id string) (article, slot, hash string, err error) {
	i := strings.LastIndexByte(id, '#')
	if i <= 0 {
		return "", "", "", clitext.NewError("ix_bad_id", "ID", strconv.Quote(id))
	}
	article, rest := id[:i], id[i+1:]
	k := strings.LastIndexByte(rest, '-')
	if k <= 0 || len(rest)-k-1 != 8 {
		return "", "", "", clitext.NewError("ix_bad_id", "ID", strconv.Quote(id))
	}
	return article, rest[:k], rest[k+1:], nil
}
