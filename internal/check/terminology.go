package check

import (
	"strings"

	"github.com/ceviri/ceviri/internal/glossary"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
)

// Terminology is the rule of the project's glossary (docs/terminology.md):
// a source segment that uses a glossary term has the term's required
// translation in its translation, and a name the glossary keeps as it is
// stays as it is.
const Terminology = "terminology"

// termWindow is how many translation segments on either side of the
// aligned one a term may be in: translators split, merge and reorder
// paragraphs and list items, which moves align's pairing by a segment or
// two. On the CNCF glossary the aligned segment alone gave 15 findings,
// 9 of them false alarms; 5 of those came from paragraphs merged or split,
// which this window removes (docs/terminology.md).
const termWindow = 2

// terminology compares a current translation with its source through the
// glossary. A term of a source field is looked for in the same field of
// the translation; a term of a body segment in the translation segment
// aligned with it (align) and the termWindow segments on either side;
// when the source segment has no partner, in the whole translation. A
// translation segment that is the same text as its source segment is not
// translated at all (the untranslated rule's business, and often a name
// kept on purpose): its terms are not reported. Each term is reported once
// per source segment, at the aligned translation line.
func terminology(g *glossary.Glossary, f finder, srcV, trV *project.Version) []Finding {
	srcLang, trLang := srcV.Lang, trV.Lang
	if g == nil || srcLang == trLang {
		return nil
	}
	t := &termCheck{g: g, f: f, srcLang: srcLang, trLang: trLang, trV: trV}
	for _, s := range srcV.Fields {
		if !s.Translatable() {
			continue
		}
		for _, tr := range trV.Fields {
			if tr.Key == s.Key && tr.Plain != s.Plain {
				text := t.g.Read(trLang, termText(tr))
				t.segment(s, tr.Line, text.Has)
			}
		}
	}
	pair := pairBlocks(srcV.Body, trV.Body)
	for i, s := range srcV.Body {
		if !s.Translatable() {
			continue
		}
		j := pair[i]
		if j < 0 {
			line := trV.Doc.BodyLine
			for k := i; k >= 0; k-- {
				if pair[k] >= 0 {
					line = trV.Body[pair[k]].Line
					break
				}
			}
			t.segment(s, line, func(e *glossary.Entry) bool { return t.pageText().Has(e) })
			continue
		}
		if trV.Body[j].Plain == s.Plain {
			continue
		}
		t.segment(s, trV.Body[j].Line, func(e *glossary.Entry) bool {
			for k := max(j-termWindow, 0); k <= j+termWindow && k < len(trV.Body); k++ {
				if t.body(k).Has(e) {
					return true
				}
			}
			return false
		})
	}
	return t.out
}

type termCheck struct {
	g               *glossary.Glossary
	f               finder
	srcLang, trLang string
	trV             *project.Version
	page            *glossary.Text         // the whole translation, read when first needed
	bodies          map[int]*glossary.Text // translation body segments read
	out             []Finding
}

// body reads translation body segment k once.
func (t *termCheck) body(k int) *glossary.Text {
	if t.bodies == nil {
		t.bodies = map[int]*glossary.Text{}
	}
	x, ok := t.bodies[k]
	if !ok {
		x = t.g.Read(t.trLang, termText(t.trV.Body[k]))
		t.bodies[k] = x
	}
	return x
}

// segment checks the glossary terms of one source segment; has says
// whether the translation has an entry's term where it should be; line
// is where a finding points.
func (t *termCheck) segment(src segment.Segment, line int, has func(*glossary.Entry) bool) {
	used := t.g.Read(t.srcLang, termText(src)).Entries()
	for _, e := range used {
		want := e.Term(t.trLang)
		if want == "" || has(e) {
			continue // no term in this language, or it is there
		}
		if e.DoNotTranslate {
			t.out = append(t.out, t.f.at(Terminology, line, "check_term_kept",
				"Term", q(want), "Line", src.Line, "GlossaryLine", e.Line))
			continue
		}
		t.out = append(t.out, t.f.at(Terminology, line, "check_term_missing",
			"SourceTerm", q(e.Term(t.srcLang)), "Line", src.Line, "Terms", quoteTerms(e.Terms[t.trLang]), "GlossaryLine", e.Line))
	}
}

// pageText reads the whole translation (fields and body text) once.
func (t *termCheck) pageText() *glossary.Text {
	if t.page == nil {
		var b strings.Builder
		for _, s := range t.trV.Segments() {
			if s.Translatable() {
				b.WriteString(termText(s))
				b.WriteString("\n\n")
			}
		}
		t.page = t.g.Read(t.trLang, b.String())
	}
	return t.page
}

// termText is the text of a segment that terms are looked for in: what a
// reader sees, without Hugo shortcodes.
func termText(s segment.Segment) string {
	if s.Plain != "" {
		return withoutShortcodes(s.Plain)
	}
	return withoutShortcodes(s.Text)
}

// quoteTerms quotes each term: "a" or "b".
func quoteTerms(ts []string) any {
	out := make([]any, len(ts))
	for i, s := range ts {
		out[i] = q(s)
	}
	return joinOr(out)
}
