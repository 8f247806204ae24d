// Package xliff reads and writes the subset of XLIFF 1.2 that ceviri
// exchanges with CAT tools (memoQ, Trados, OmegaT, Okapi, Weblate): one
// <file> per article, one <trans-unit> per segment, inline Markdown carried
// as <ph> placeholders, notes and location contexts.
//
// It knows nothing of articles or Markdown; package interchange maps units
// to segments. The reader is meant for files that come back from outside:
// it refuses DTDs and entity declarations (no entity expansion, so no
// "billion laughs" and no external entities), accepts UTF-8 only, and
// reports problems as path:line:col errors.
package xliff

// Namespace is the XML namespace of XLIFF 1.2.
const Namespace = "urn:oasis:names:tc:xliff:document:1.2"

// States of a target (XLIFF 1.2 state attribute values ceviri writes).
const (
	NeedsTranslation = "needs-translation"
	NeedsReview      = "needs-review-translation"
	Translated       = "translated"
)

// Document is an XLIFF 1.2 file.
type Document struct {
	Files []File
}

// File is one <file> element: the units of one original document.
type File struct {
	Original   string // the source file's path
	SourceLang string
	TargetLang string
	Datatype   string // "x-markdown" for ceviri's files
	Units      []Unit
	Line, Col  int // where the element starts (set by Read)
}

// Unit is one <trans-unit>.
type Unit struct {
	ID        string
	Resname   string
	Source    []Span
	Target    []Span
	HasTarget bool   // a <target> element was present (it may be empty)
	Approved  bool   // approved="yes": the target is final
	State     string // the target's state attribute
	Notes     []Note
	Contexts  []Context
	// AltTrans are translation memory matches offered with the unit
	// (written only: Read skips <alt-trans>, whose target is never an
	// import's translation).
	AltTrans  []AltTrans
	Line, Col int // where <trans-unit> starts (set by Read)
	// TargetLine and TargetCol are where <target> starts (set by Read).
	TargetLine, TargetCol int
}

// Span is a run of text, or an inline placeholder (<ph>, <x/> and the
// other inline codes) whose Text is its native code.
type Span struct {
	Text      string
	Ph        bool
	ID        string // the placeholder's id
	Line, Col int    // where a placeholder starts (set by Read)
}

// Note is a <note>.
type Note struct {
	From     string
	Annotate string // "source", "target" or "general" (empty)
	Text     string
}

// AltTrans is an <alt-trans>: a match from a translation memory.
type AltTrans struct {
	MatchQuality string // "87%"
	Origin       string // where the match comes from ("ceviri-tm", a TMX file)
	SourceLang   string
	TargetLang   string
	Source       string
	Target       string
	Note         string // what the match came from (article, date)
}

// Context is a <context> inside a <context-group>.
type Context struct {
	Type  string // context-type: sourcefile, linenumber, element, x-...
	Value string
}

// Text returns the plain text of spans, placeholders included as their
// native code.
func Text(spans []Span) string {
	n := 0
	for _, s := range spans {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range spans {
		b = append(b, s.Text...)
	}
	return string(b)
}
