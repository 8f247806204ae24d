package interchange

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/tm"
	"github.com/ceviri/ceviri/internal/xliff"
)

// ToXLIFF makes an XLIFF 1.2 document with one <file> per article. New
// units get an empty target in state needs-translation; changed ones
// needs-review-translation with the previous source and translation in
// notes; inline Markdown becomes <ph> placeholders.
func ToXLIFF(arts []*ArticleUnits) *xliff.Document {
	d := &xliff.Document{}
	for _, a := range arts {
		f := xliff.File{Original: a.SourcePath, SourceLang: a.SourceLang, TargetLang: a.TargetLang, Datatype: "x-markdown"}
		for _, u := range a.Units {
			xu := xliff.Unit{ID: u.ID, Resname: u.Slot, Source: spans(u.Pieces), HasTarget: true}
			switch u.Status {
			case Translated:
				xu.State, xu.Approved = xliff.Translated, true
				xu.Target = targetSpans(u.Target, u.Pieces, u.Format)
			case Changed:
				xu.State = xliff.NeedsReview
				xu.Notes = append(xu.Notes, xliff.Note{From: "ceviri", Annotate: "source", Text: "Previous source: " + u.PrevSource})
				if u.PrevTarget != "" {
					xu.Notes = append(xu.Notes, xliff.Note{From: "ceviri", Annotate: "target", Text: "Previous translation: " + u.PrevTarget})
				}
			default:
				xu.State = xliff.NeedsTranslation
				if u.Target != "" {
					xu.Notes = append(xu.Notes, xliff.Note{From: "ceviri", Annotate: "target", Text: "Untracked translation: " + u.Target})
				}
			}
			for _, t := range u.Terms {
				xu.Notes = append(xu.Notes, xliff.Note{From: "glossary", Text: t})
			}
			for _, m := range u.Matches {
				xu.AltTrans = append(xu.AltTrans, xliff.AltTrans{MatchQuality: strconv.Itoa(m.Score) + "%", Origin: origin(m),
					SourceLang: a.SourceLang, TargetLang: a.TargetLang, Source: m.Source, Target: m.Target, Note: whence(m)})
			}
			xu.Contexts = []xliff.Context{
				{Type: "sourcefile", Value: a.SourcePath},
				{Type: "linenumber", Value: strconv.Itoa(u.Line)},
				{Type: "element", Value: u.Kind},
			}
			f.Units = append(f.Units, xu)
		}
		d.Files = append(d.Files, f)
	}
	return d
}

// spans turns pieces into XLIFF spans; a translated target offered as is
// keeps its own markup as text.
func spans(ps []Piece) []xliff.Span {
	out := make([]xliff.Span, 0, len(ps))
	for _, p := range ps {
		if p.Code {
			out = append(out, xliff.Span{Ph: true, ID: strconv.Itoa(p.ID), Text: p.Text})
		} else {
			out = append(out, xliff.Span{Text: p.Text})
		}
	}
	return out
}

// targetSpans offers a translation as XLIFF spans: its markup that equals
// a placeholder of the source becomes that placeholder; other markup stays
// text, so the import gets exactly the translation back.
func targetSpans(target string, src []Piece, f segment.Format) []xliff.Span {
	used := map[int]bool{}
	var out []xliff.Span
	for _, p := range SplitAs(target, nil, f) {
		id := 0
		if p.Code {
			for _, s := range src {
				if s.Code && !used[s.ID] && s.Text == p.Text {
					id = s.ID
					used[id] = true
					break
				}
			}
		}
		if id > 0 {
			out = append(out, xliff.Span{Ph: true, ID: strconv.Itoa(id), Text: p.Text})
		} else if n := len(out); n > 0 && !out[n-1].Ph {
			out[n-1].Text += p.Text
		} else {
			out = append(out, xliff.Span{Text: p.Text})
		}
	}
	return out
}

// ToPO makes a PO file for one target language: msgctxt is the unit id,
// msgid the source Markdown; a changed unit is fuzzy with the previous
// source as #| msgid and the previous translation as msgstr.
func ToPO(arts []*ArticleUnits, lang, srcLang string, header []po.Field) *po.File {
	f := &po.File{Header: header}
	for _, a := range arts {
		for _, u := range a.Units {
			e := po.Entry{
				Extracted:  []string{fmt.Sprintf("%s: %s, %s", a.ID, u.Kind, words(u.Words))},
				References: []string{a.SourcePath + ":" + strconv.Itoa(u.Line)},
				HasCtxt:    true, Msgctxt: u.ID, Msgid: u.Source, Msgstr: []string{""},
			}
			for _, t := range u.Terms {
				e.Extracted = append(e.Extracted, "glossary: "+t)
			}
			switch u.Status {
			case Changed:
				e.Flags = []string{"fuzzy"}
				e.PrevMsgid = u.PrevSource
				e.Msgstr[0] = u.PrevTarget
			case Translated:
				e.Msgstr[0] = u.Target
			default:
				if u.Target != "" {
					e.Flags = []string{"fuzzy"}
					e.Msgstr[0] = u.Target
					e.Comments = []string{"untracked translation: review it and clear the fuzzy flag"}
				} else if len(u.Matches) > 0 {
					// The best memory match as a fuzzy entry: gettext's
					// previous msgid shows a PO editor what differs, and
					// import takes it only once the fuzzy flag is cleared.
					m := u.Matches[0]
					e.Flags = []string{"fuzzy"}
					e.PrevMsgid = m.Source
					e.Msgstr[0] = m.Target
					e.Comments = []string{fmt.Sprintf("translation memory: %d%% match (%s): review it and clear the fuzzy flag", m.Score, whence(m))}
				}
			}
			f.Entries = append(f.Entries, e)
		}
	}
	return f
}

// origin names where a memory match comes from in XLIFF: "ceviri-tm"
// (the project's translations) or the external memory's name.
func origin(m tm.Match) string {
	if m.Origin != "" {
		return m.Origin
	}
	return "ceviri-tm"
}

// whence says what a memory match came from: "article ID, DATE", or the
// external memory.
func whence(m tm.Match) string {
	var parts []string
	if m.Origin != "" {
		parts = append(parts, m.Origin)
	}
	if m.Article != "" {
		parts = append(parts, "article "+m.Article)
	}
	if !m.Date.IsZero() {
		parts = append(parts, m.Date.Format("2006-01-02"))
	}
	if len(parts) == 0 {
		return "translation memory"
	}
	return strings.Join(parts, ", ")
}

func words(n int) string {
	if n == 1 {
		return "1 word"
	}
	return strconv.Itoa(n) + " words"
}

// Submitted is a unit as it came back from a translator's tool.
type Submitted struct {
	File      string // the imported file, as named on the command line
	Line, Col int    // where the unit starts
	ID        string
	Lang      string // the target language
	SrcLang   string // the source language, when the file says
	Source    string // the unit's source Markdown as found in the file
	Target    []TargetPiece
	// Markup is set when the source's markup travelled as placeholders
	// (XLIFF), so the target must carry each of them.
	Markup bool
	// SourceParts is the source as text and placeholders (XLIFF): a tool
	// that writes a placeholder back without its content, or as <x/>,
	// still matches the current source.
	SourceParts []TargetPiece
}

// TargetPiece is text of a translation, or a placeholder standing for the
// source's markup with the same id.
type TargetPiece struct {
	Text      string
	Ph        bool
	ID        string
	Line, Col int
}

// FromXLIFF returns the units of an XLIFF document.
func FromXLIFF(name string, d *xliff.Document) ([]Submitted, error) {
	var out []Submitted
	var errs []error
	for _, f := range d.Files {
		if f.TargetLang == "" {
			errs = append(errs, diag.Text(name, f.Line, f.Col, "ix_no_target_language"))
			continue
		}
		for _, u := range f.Units {
			s := Submitted{File: name, Line: u.Line, Col: u.Col, ID: u.ID, Lang: f.TargetLang, SrcLang: f.SourceLang, Source: xliff.Text(u.Source), Markup: true}
			for _, sp := range u.Target {
				s.Target = append(s.Target, TargetPiece{Text: sp.Text, Ph: sp.Ph, ID: sp.ID, Line: sp.Line, Col: sp.Col})
			}
			for _, sp := range u.Source {
				s.SourceParts = append(s.SourceParts, TargetPiece{Text: sp.Text, Ph: sp.Ph, ID: sp.ID})
			}
			out = append(out, s)
		}
	}
	return out, sortedJoin(errs)
}

// FromPO returns the entries of a PO file as units. Fuzzy entries are left
// out: their msgstr is a translation of an older source, not yet reviewed.
func FromPO(name string, f *po.File) ([]Submitted, error) {
	lang := f.Get("Language")
	if lang == "" {
		return nil, diag.Text(name, 1, 1, "ix_po_no_language")
	}
	var out []Submitted
	for _, e := range f.Entries {
		if !e.HasCtxt {
			return nil, diag.Text(name, e.Line, e.Col, "ix_po_no_msgctxt")
		}
		s := Submitted{File: name, Line: e.Line, Col: e.Col, ID: e.Msgctxt, Lang: lang, SrcLang: f.Get("X-Ceviri-Source-Language"), Source: e.Msgid}
		if !e.Fuzzy() && e.Str() != "" {
			s.Target = []TargetPiece{{Text: e.Str()}}
		}
		out = append(out, s)
	}
	return out, nil
}

// sortedJoin joins errs (errors.Join: one per line, Unwrap() []error for
// the cli to print each) in file, line and column order; nil when there
// are none.
func sortedJoin(errs []error) error {
	diag.Sort(errs)
	return errors.Join(errs...)
}
