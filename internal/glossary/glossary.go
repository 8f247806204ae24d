// Package glossary reads a project's term base (glossary.csv, or a TBX file
// that ceviri.yaml names under glossary) and finds its terms in text: the
// translations a term must have in each language, and the names that stay
// as they are in every language. The check command's terminology rule and
// export's notes for translators read it (docs/terminology.md).
//
// A glossary is untrusted input: parsing is bounded (MaxSize, MaxEntries,
// MaxTermBytes), refuses DTDs and entities in TBX, and every problem is an
// error at its path:line:col. Matching follows each language's casing
// (Turkish İ/ı) and, for Turkish, lets a term carry suffixes (rektör:
// rektörün, rektörlüğe; kitap: kitabı; Kubernetes'in) without matching
// inside another word (rektör is not in direktör).
package glossary

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Limits of a glossary file, checked while reading: far above any real term
// base, low enough that a hostile file costs little.
const (
	// MaxSize is the largest glossary file read: 8 MiB.
	MaxSize = 8 << 20
	// MaxEntries is the most entries a glossary may have.
	MaxEntries = 100_000
	// MaxTermBytes is the longest term (after NFC), and the longest note.
	MaxTermBytes = 1024
	// maxTermWords is the most words a term may have.
	maxTermWords = 32
)

// Entry is one concept of the glossary: its term in each language it names,
// and what the note says about it.
type Entry struct {
	// Terms maps a project language to its terms: the first is the one to
	// use, any other is accepted too (TBX synonyms). NFC.
	Terms map[string][]string
	// Note is the entry's note as written ("" for none).
	Note string
	// DoNotTranslate says the term stays the same in every language: the
	// note says "do not translate" (or "çevrilmez"), or every language has
	// the same text.
	DoNotTranslate bool
	// CaseSensitive says the note asks for the case as written
	// ("case-sensitive"); otherwise terms match in any case, by each
	// language's casing rules.
	CaseSensitive bool
	// Line is the entry's line in the glossary file.
	Line int

	words map[string][][]termWord // per language, per term: its words, folded unless CaseSensitive
}

// Term returns the entry's preferred term in a language, or "".
func (e *Entry) Term(lang string) string {
	if ts := e.Terms[lang]; len(ts) > 0 {
		return ts[0]
	}
	return ""
}

// Glossary is a parsed glossary.
type Glossary struct {
	// Path is the file's path, as errors and messages name it.
	Path string
	// Languages are the project languages the file gives terms in.
	Languages []string
	// Entries in file order.
	Entries []*Entry

	tags  map[string]language.Tag
	index map[string]*langIndex // per language
}

// Load reads the glossary ceviri.yaml names (cfg.Glossary) from a
// project's files. It returns nil and no error when ceviri.yaml names none
// and there is no glossary.csv; a file ceviri.yaml names that does not
// exist is an error at the glossary key.
func Load(fsys fs.FS, cfg *config.Config) (*Glossary, error) {
	g := cfg.Glossary
	if g.Path == "" {
		return nil, nil
	}
	f, err := fsys.Open(g.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if !g.Explicit() {
				return nil, nil
			}
			return nil, diag.Text(config.FileName, g.Line, g.Col, "glossary_missing", "Path", strconv.Quote(g.Path))
		}
		return nil, &diag.PosError{File: g.Path, Line: 1, Col: 1, Err: unwrapPath(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, diag.Text(g.Path, 1, 1, "glossary_is_dir")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &diag.PosError{File: g.Path, Line: 1, Col: 1, Err: unwrapPath(err)}
	}
	return Parse(g.Path, data, cfg.Languages)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads a glossary: TBX when name ends in .tbx, else CSV. langs are
// the project's languages (canonical BCP 47 strings).
func Parse(name string, data []byte, langs []string) (*Glossary, error) {
	if strings.EqualFold(path.Ext(name), ".tbx") {
		return ParseTBX(name, data, langs)
	}
	return ParseCSV(name, data, langs)
}

// newGlossary starts a glossary of a project's languages.
func newGlossary(name string, langs []string) *Glossary {
	g := &Glossary{Path: name, tags: map[string]language.Tag{}, index: map[string]*langIndex{}}
	for _, l := range langs {
		g.tags[l] = language.Make(l)
	}
	return g
}

// projectLang returns the project language a tag names: the same tag, or
// the only project language of the same base language (en-US for en).
func (g *Glossary) projectLang(tag string) (string, bool) {
	t, err := language.Parse(tag)
	if err != nil {
		return "", false
	}
	if _, ok := g.tags[t.String()]; ok {
		return t.String(), true
	}
	base, _ := t.Base()
	found := ""
	for l, pt := range g.tags {
		if b, _ := pt.Base(); b == base {
			if found != "" {
				return "", false
			}
			found = l
		}
	}
	return found, found != ""
}

// add finishes an entry read from the file: NFC, the note's meaning, the
// words of each term, and the index. It returns what is wrong with it.
func (g *Glossary) add(e *Entry) error {
	if len(g.Entries) >= MaxEntries {
		return clitext.NewError("glossary_too_many_entries", "Max", MaxEntries)
	}
	e.Note = norm.NFC.String(strings.TrimSpace(e.Note))
	if len(e.Note) > MaxTermBytes {
		return clitext.NewError("glossary_note_too_long", "Max", MaxTermBytes)
	}
	note := strings.ToLower(e.Note)
	lowerTR := lowerTurkish(e.Note)
	e.CaseSensitive = strings.Contains(note, "case-sensitive") || strings.Contains(note, "case sensitive") ||
		strings.Contains(lowerTR, "büyük küçük harfe duyarlı")
	e.DoNotTranslate = strings.Contains(note, "do not translate") || strings.Contains(note, "don't translate") ||
		strings.Contains(lowerTR, "çevrilmez")
	n, first, same := 0, []string(nil), true
	for lang, ts := range e.Terms {
		var kept []string
		for _, t := range ts {
			t = norm.NFC.String(strings.Join(strings.Fields(t), " "))
			if t == "" {
				continue
			}
			if len(t) > MaxTermBytes {
				return clitext.NewError("glossary_term_too_long", "Lang", lang, "Max", MaxTermBytes)
			}
			kept = append(kept, t)
		}
		if len(kept) == 0 {
			delete(e.Terms, lang)
			continue
		}
		e.Terms[lang] = kept
		n++
		if first == nil {
			first = kept
		} else if kept[0] != first[0] {
			same = false
		}
	}
	if n == 0 {
		return clitext.NewError("glossary_no_term")
	}
	if n > 1 && same {
		e.DoNotTranslate = true
	}
	if e.DoNotTranslate && n == 1 {
		// A name kept as it is: the same text in every language.
		for l := range g.tags {
			if _, ok := e.Terms[l]; !ok {
				e.Terms[l] = first
			}
		}
	}
	e.words = map[string][][]termWord{}
	for lang, ts := range e.Terms {
		for _, t := range ts {
			ws := g.termWords(lang, t, e.CaseSensitive)
			if len(ws) == 0 {
				return clitext.NewError("glossary_term_no_letter", "Lang", lang, "Term", strconv.Quote(t))
			}
			if len(ws) > maxTermWords {
				return clitext.NewError("glossary_term_too_many_words", "Lang", lang, "Max", maxTermWords)
			}
			e.words[lang] = append(e.words[lang], ws)
		}
	}
	g.Entries = append(g.Entries, e)
	for lang := range e.Terms {
		g.indexOf(lang).add(e, e.words[lang])
	}
	return nil
}

// finish sets Languages from the entries, in the project's order.
func (g *Glossary) finish(langs []string) {
	for _, l := range langs {
		if g.index[l] != nil {
			g.Languages = append(g.Languages, l)
		}
	}
}

// Describe is the entry as a note for a translator of srcLang into
// trLang, one line: `"rector" → "rektör"` (alternatives after " / ", the
// note after " — "), or `"Kubernetes": do not translate`. Export puts it in
// an XLIFF <note from="glossary"> or a PO "#." comment.
func (e *Entry) Describe(srcLang, trLang string) string {
	src := e.Term(srcLang)
	var b strings.Builder
	switch {
	case e.DoNotTranslate:
		fmt.Fprintf(&b, "%q: do not translate", src)
	case len(e.Terms[trLang]) == 0:
		fmt.Fprintf(&b, "%q: no %s term in the glossary", src, trLang)
	default:
		fmt.Fprintf(&b, "%q → ", src)
		for i, t := range e.Terms[trLang] {
			if i > 0 {
				b.WriteString(" / ")
			}
			fmt.Fprintf(&b, "%q", t)
		}
	}
	if e.CaseSensitive {
		b.WriteString(" (case-sensitive)")
	}
	if note := strings.Join(strings.Fields(e.Note), " "); note != "" && !e.DoNotTranslate {
		b.WriteString(" — " + note)
	}
	return b.String()
}
