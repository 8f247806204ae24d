package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/xliff"
)

// maxDepth bounds how deeply TBX elements may nest.
const maxDepth = 64

// ParseTBX reads a TBX term base: TBX-Basic as CAT tools write it (<martif>
// with termEntry, langSet, tig or ntig, term) or TBX 2019 (<tbx> with
// conceptEntry, langSec, termSec, term). Each entry's terms are taken in
// the project's languages (xml:lang; en-US counts as en when the project
// has one English), other languages are left out; its <note> and <descrip>
// texts are its note. DTDs and entity declarations are refused before
// anything is expanded, as for XLIFF; only the five predefined entities and
// character references are read; the encoding must be UTF-8.
func ParseTBX(name string, data []byte, langs []string) (*Glossary, error) {
	if len(data) > MaxSize {
		return nil, diag.Text(name, 1, 1, "glossary_too_large", "MiB", MaxSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return in, nil
		}
		return nil, clitext.NewError("glossary_encoding", "Label", strconv.Quote(label))
	}
	r := &tbxReader{name: name, dec: dec, g: newGlossary(name, langs), data: data, lines: lineStarts(data)}
	if err := r.read(); err != nil {
		return nil, err
	}
	if len(r.errs) > 0 {
		diag.Sort(r.errs)
		return nil, errors.Join(r.errs...)
	}
	r.g.finish(langs)
	return r.g, nil
}

type tbxReader struct {
	name      string
	dec       *xml.Decoder
	data      []byte
	lines     []int // lineStarts(data), for columns in characters
	g         *Glossary
	line, col int // where the token last read starts
	errs      []error
}

// errAt returns err at the position of the token last read.
func (r *tbxReader) errAt(err error) error {
	return &diag.PosError{File: r.name, Line: r.line, Col: r.col, Err: err}
}

// pos is where the decoder stands, the column in characters.
func (r *tbxReader) pos() (line, col int) {
	l, c := r.dec.InputPos()
	return l, runeCol(r.data, r.lines, l, c)
}

// next returns the next token, refusing DTDs and entity declarations (the
// guard internal/xliff's reader has).
func (r *tbxReader) next() (xml.Token, error) {
	r.line, r.col = r.pos()
	tok, err := r.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		l, c := r.pos()
		return nil, xliff.XMLError(r.name, l, c, err)
	}
	if d, ok := tok.(xml.Directive); ok {
		return nil, r.errAt(clitext.NewError("glossary_directive", "What", xliff.DirectiveText(d), "Word", diag.EscapeLine(firstWord(d))))
	}
	return tok, nil
}

func firstWord(b []byte) string {
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func xmlLang(e xml.StartElement) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == "lang" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			return a.Value, true
		}
	}
	return "", false
}

// read walks the document. Entries (termEntry, conceptEntry) hold language
// sections (langSet, langSec) that hold terms at any depth (tig, ntig,
// termGrp, termSec); notes and descrips anywhere in an entry are its note.
func (r *tbxReader) read() error {
	depth := 0
	var (
		e                            *Entry
		entryDepth, langDepth        int
		termDepth, noteDepth         int
		lang                         string // project language of the section; "" when not one
		term, note                   strings.Builder
		entryLine, termLine, termCol int
		sawRoot                      bool
	)
	for {
		tok, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return r.errAt(clitext.NewError("glossary_too_deep", "Max", maxDepth))
			}
			local := t.Name.Local
			if depth == 1 {
				if local != "martif" && local != "tbx" {
					return r.errAt(clitext.NewError("glossary_tbx_root", "Name", diag.EscapeLine(local)))
				}
				sawRoot = true
				continue
			}
			switch local {
			case "termEntry", "conceptEntry":
				if e != nil {
					return r.errAt(clitext.NewError("glossary_tbx_nested_entry", "Name", local))
				}
				e, entryDepth, entryLine = &Entry{Terms: map[string][]string{}}, depth, r.line
			case "langSet", "langSec":
				if e == nil {
					return r.errAt(clitext.NewError("glossary_tbx_outside_entry", "Name", local))
				}
				tag, ok := xmlLang(t)
				if !ok {
					return r.errAt(clitext.NewError("glossary_tbx_no_lang", "Name", local))
				}
				l, known := r.g.projectLang(tag)
				if !known {
					l = "" // a language the project does not have
				}
				lang, langDepth = l, depth
			case "term":
				if e != nil && langDepth > 0 && termDepth == 0 {
					termDepth, termLine, termCol = depth, r.line, r.col
					term.Reset()
				}
			case "note", "descrip":
				if e != nil && noteDepth == 0 {
					noteDepth = depth
					if note.Len() > 0 {
						note.WriteString("; ")
					}
				}
			}
		case xml.CharData:
			if termDepth > 0 && term.Len() <= MaxTermBytes {
				term.Write(t)
			}
			if noteDepth > 0 && note.Len() <= MaxTermBytes {
				note.Write(t)
			}
		case xml.EndElement:
			switch depth {
			case termDepth:
				termDepth = 0
				if lang != "" {
					s := strings.TrimSpace(term.String())
					if s == "" {
						r.errs = append(r.errs, diag.Text(r.name, termLine, termCol, "glossary_tbx_empty_term"))
					} else {
						e.Terms[lang] = append(e.Terms[lang], s)
					}
				}
			case noteDepth:
				noteDepth = 0
			case langDepth:
				lang, langDepth = "", 0
			case entryDepth:
				e.Note, e.Line = note.String(), entryLine
				note.Reset()
				if len(e.Terms) > 0 { // else its terms are all in other languages
					if err := r.g.add(e); err != nil {
						r.errs = append(r.errs, &diag.PosError{File: r.name, Line: entryLine, Col: 1, Err: err})
						if len(r.g.Entries) >= MaxEntries {
							return nil
						}
					}
				}
				e, entryDepth = nil, 0
			}
			depth--
		}
	}
	if !sawRoot {
		return diag.Text(r.name, 1, 1, "glossary_tbx_no_root")
	}
	return nil
}
