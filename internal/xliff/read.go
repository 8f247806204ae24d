package xliff

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// MaxSize is the largest file Read accepts: 64 MiB, checked while reading.
const MaxSize = 64 << 20

// MaxUnits is the most trans-units Read accepts in one file. An export of
// 64 MiB holds about 70,000 units (the CNCF glossary's 691 units take
// 0.6 MiB); a file of empty units could hold two million, and each costs
// memory and a check on import.
const MaxUnits = 250_000

// maxItems is the most inline elements (placeholders, <mrk>, <g>), notes and
// contexts Read accepts in one file: an export has a few per unit, and each
// costs more memory than its few bytes of input.
const maxItems = 2_000_000

// The limits Read applies; tests lower them.
var unitLimit, itemLimit = MaxUnits, maxItems

// reader walks the tokens of one file, remembering where each starts.
type reader struct {
	name      string
	dec       *xml.Decoder
	line, col int // where the token last returned starts
	depth     int // elements open
	units     int // trans-units read
	items     int // inline elements, notes and contexts read (maxItems)
}

// maxDepth bounds how deeply elements may nest: the reader recurses.
const maxDepth = 256

// Read parses an XLIFF 1.2 document. name is the path shown in errors. DTDs
// (<!DOCTYPE ...>, and with them entity declarations) are refused before
// anything is expanded; only the five predefined entities and character
// references are understood; the encoding must be UTF-8.
func Read(name string, r io.Reader) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxSize {
		return nil, diag.Text(name, 1, 1, "xliff_too_large", "MiB", MaxSize>>20)
	}
	dec := Decoder(data)
	rd := &reader{name: name, dec: dec}
	return rd.document()
}

// next returns the next token, refusing DTDs.
func (r *reader) next() (xml.Token, error) {
	tok, line, col, err := Token(r.dec, r.name, "an XLIFF file")
	r.line, r.col = line, col
	return tok, err
}

func firstWord(b []byte) string {
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func isXLIFF(n xml.Name) bool { return n.Space == Namespace || n.Space == "" }

func attrOf(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (r *reader) document() (*Document, error) {
	for {
		tok, err := r.next()
		if err == io.EOF {
			return nil, diag.Text(r.name, 1, 1, "xliff_no_root")
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "xliff" {
				return nil, r.errAt(clitext.NewError("xliff_root", "Name", diag.EscapeLine(t.Name.Local)))
			}
			if v := attrOf(t, "version"); v != "1.2" || !isXLIFF(t.Name) {
				return nil, r.errAt(clitext.NewError("xliff_version", "Version", quote(v), "Space", quote(t.Name.Space)))
			}
			d := &Document{}
			if err := r.xliff(d); err != nil {
				return nil, err
			}
			// Nothing but comments and white space may follow.
			for {
				tok, err := r.next()
				if err == io.EOF {
					return d, nil
				}
				if err != nil {
					return nil, err
				}
				if _, ok := tok.(xml.StartElement); ok {
					return nil, r.errAt(clitext.NewError("xliff_after_root"))
				}
			}
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return nil, r.errAt(clitext.NewError("xliff_text_before_root"))
			}
		}
	}
}

// xliff reads the children of <xliff> up to its end tag.
func (r *reader) xliff(d *Document) error {
	return r.children(func(e xml.StartElement) error {
		if e.Name.Local != "file" || !isXLIFF(e.Name) {
			return r.skip()
		}
		f := File{
			Original:   attrOf(e, "original"),
			SourceLang: attrOf(e, "source-language"),
			TargetLang: attrOf(e, "target-language"),
			Datatype:   attrOf(e, "datatype"),
			Line:       r.line, Col: r.col,
		}
		if err := r.file(&f); err != nil {
			return err
		}
		d.Files = append(d.Files, f)
		return nil
	})
}

// children calls fn for each child element of the element just opened and
// returns after its end tag; fn must consume the child with its end tag.
func (r *reader) children(fn func(xml.StartElement) error) error {
	if r.depth++; r.depth > maxDepth {
		return r.errAt(clitext.NewError("xliff_too_deep", "Max", maxDepth))
	}
	defer func() { r.depth-- }()
	for {
		tok, err := r.next()
		if err == io.EOF {
			return r.errAt(clitext.NewError("xliff_eof"))
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip consumes the element just opened, with everything in it.
func (r *reader) skip() error {
	return r.children(func(xml.StartElement) error { return r.skip() })
}

func (r *reader) file(f *File) error {
	return r.children(func(e xml.StartElement) error {
		if e.Name.Local != "body" || !isXLIFF(e.Name) {
			return r.skip()
		}
		return r.body(f)
	})
}

// body reads trans-units, also inside <group>s.
func (r *reader) body(f *File) error {
	return r.children(func(e xml.StartElement) error {
		switch {
		case !isXLIFF(e.Name):
			return r.skip()
		case e.Name.Local == "group":
			return r.body(f)
		case e.Name.Local == "trans-unit":
			if r.units++; r.units > unitLimit {
				return r.errAt(clitext.NewError("xliff_too_many_units", "Max", unitLimit))
			}
			u := Unit{ID: attrOf(e, "id"), Resname: attrOf(e, "resname"), Approved: attrOf(e, "approved") == "yes", Line: r.line, Col: r.col}
			if u.ID == "" {
				return r.errAt(clitext.NewError("xliff_unit_no_id"))
			}
			if err := r.unit(&u); err != nil {
				return err
			}
			f.Units = append(f.Units, u)
			return nil
		}
		return r.skip()
	})
}

func (r *reader) unit(u *Unit) error {
	return r.children(func(e xml.StartElement) error {
		if !isXLIFF(e.Name) {
			return r.skip()
		}
		var err error
		switch e.Name.Local {
		case "source":
			u.Source, err = r.content()
		case "target":
			u.HasTarget, u.State = true, attrOf(e, "state")
			u.TargetLine, u.TargetCol = r.line, r.col
			u.Target, err = r.content()
		case "note":
			if err = r.item(); err != nil {
				return err
			}
			n := Note{From: attrOf(e, "from"), Annotate: attrOf(e, "annotates")}
			var ss []Span
			ss, err = r.content()
			n.Text = Text(ss)
			u.Notes = append(u.Notes, n)
		case "context-group":
			err = r.children(func(c xml.StartElement) error {
				if c.Name.Local != "context" {
					return r.skip()
				}
				if err := r.item(); err != nil {
					return err
				}
				ss, err := r.content()
				u.Contexts = append(u.Contexts, Context{Type: attrOf(c, "context-type"), Value: Text(ss)})
				return err
			})
		default:
			err = r.skip()
		}
		return err
	})
}

// content reads the mixed content of <source>, <target> or <note> up to its
// end tag. Inline codes become placeholder spans; <mrk> and <g> are
// transparent (their text is kept, the element dropped).
func (r *reader) content() ([]Span, error) {
	c := &contentSpans{}
	if err := r.inline(c); err != nil {
		return nil, err
	}
	c.flush()
	return c.out, nil
}

// contentSpans collects the spans of one content, across the <mrk> and <g> in it.
type contentSpans struct {
	out  []Span
	text strings.Builder // the text run being read
}

func (c *contentSpans) flush() {
	if c.text.Len() > 0 {
		c.out = append(c.out, Span{Text: c.text.String()})
		c.text.Reset()
	}
}

// inline reads mixed content into c up to the end tag of the element just
// opened. Every inline element counts towards maxItems.
func (r *reader) inline(c *contentSpans) error {
	if r.depth++; r.depth > maxDepth {
		return r.errAt(clitext.NewError("xliff_too_deep", "Max", maxDepth))
	}
	defer func() { r.depth-- }()
	for {
		tok, err := r.next()
		if err == io.EOF {
			return r.errAt(clitext.NewError("xliff_eof"))
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			c.text.Write(t)
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := r.item(); err != nil {
				return err
			}
			switch t.Name.Local {
			case "ph", "x", "bpt", "ept", "it", "bx", "ex":
				sp := Span{Ph: true, ID: attrOf(t, "id"), Line: r.line, Col: r.col}
				if sp.ID == "" {
					return r.errAt(clitext.NewError("xliff_inline_no_id", "Name", diag.EscapeLine(t.Name.Local)))
				}
				native, err := r.native()
				if err != nil {
					return err
				}
				sp.Text = native
				c.flush()
				c.out = append(c.out, sp)
			case "mrk", "g":
				if err := r.inline(c); err != nil {
					return err
				}
			default:
				return r.errAt(clitext.NewError("xliff_unexpected_inline", "Name", diag.EscapeLine(t.Name.Local)))
			}
		}
	}
}

// item counts an inline element, note or context against maxItems.
func (r *reader) item() error {
	if r.items++; r.items > itemLimit {
		return r.errAt(clitext.NewError("xliff_too_many_items", "Max", itemLimit))
	}
	return nil
}

// native reads the native code inside an inline element (text of <sub>
// elements is left out). Its nesting counts towards maxDepth too: the XML
// decoder keeps a stack of the open elements.
func (r *reader) native() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := r.next()
		if err == io.EOF {
			return "", r.errAt(clitext.NewError("xliff_eof"))
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 0 {
				b.Write(t)
			}
		case xml.StartElement:
			if depth++; r.depth+depth > maxDepth {
				return "", r.errAt(clitext.NewError("xliff_too_deep", "Max", maxDepth))
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}
