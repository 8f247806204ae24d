package interchange

import (
	"strings"

	"github.com/ceviri/ceviri/internal/align"
	"github.com/ceviri/ceviri/internal/glossary"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/tm"
)

// MemoryPairs returns the translation memory's pairs of a current
// translation: each translatable segment of the source with the
// translation's segment for it, as export and import pair them (fields by
// name; body segments by position when the two bodies have the same shape,
// else by package align's best alignment). Both versions must be fully
// parsed (segments with their text). A current translation follows the
// current source, so no recorded version is needed.
func MemoryPairs(src, tr *project.Version) [][2]string {
	var out [][2]string
	add := func(s, t segment.Segment) {
		if s.Translatable() && s.Kind == t.Kind && s.Text != "" && t.Text != "" {
			out = append(out, [2]string{s.Text, t.Text})
		}
	}
	for _, f := range src.Fields {
		for _, g := range tr.Fields {
			if g.Key == f.Key {
				add(f, g)
				break
			}
		}
	}
	var pairs []int
	if sameShape(src.Body, tr.Body) {
		pairs = make([]int, len(src.Body))
		for i := range pairs {
			pairs[i] = i
		}
	} else {
		pairs = align.Segments(src.Body, tr.Body)
	}
	for i, j := range pairs {
		if j >= 0 {
			add(src.Body[i], tr.Body[j])
		}
	}
	return out
}

// MaxMatches is how many memory matches export offers with a unit.
const MaxMatches = 3

// AddMatches offers every unit of arts still to translate the memory's
// matches for its source (at most MaxMatches, best first). A unit already
// translated (export --all) gets none.
func AddMatches(arts []*ArticleUnits, m *tm.Memory) {
	if m == nil {
		return
	}
	for _, a := range arts {
		p := tm.Pair{Source: a.SourceLang, Target: a.TargetLang}
		if m.Len(p) == 0 {
			continue
		}
		for i := range a.Units {
			u := &a.Units[i]
			if u.Status == Translated {
				continue
			}
			u.Matches = m.Lookup(p, u.Source, MaxMatches)
		}
	}
}

// AddTerms gives each unit of arts the glossary entries its source uses,
// as one-line notes for the translator (glossary.Entry.Describe): export
// writes them as XLIFF <note from="glossary"> and PO "#. glossary:"
// comments. A nil glossary adds nothing.
func AddTerms(arts []*ArticleUnits, g *glossary.Glossary) {
	if g == nil {
		return
	}
	for _, a := range arts {
		for i := range a.Units {
			u := &a.Units[i]
			for _, e := range g.Matches(a.SourceLang, u.Source) {
				if e.Term(a.TargetLang) != "" || e.DoNotTranslate {
					u.Terms = append(u.Terms, strings.Join(strings.Fields(e.Describe(a.SourceLang, a.TargetLang)), " "))
				}
			}
		}
	}
}
