package tm

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/xliff"
)

// TMX files (Translation Memory eXchange 1.4b) carry a memory between
// ceviri and CAT tools. The reader takes files from outside: it refuses
// DTDs and entity declarations as the XLIFF reader does (the same guard,
// xliff.Token), accepts UTF-8 only, bounds the file's size, its units,
// variants and nesting, and reports problems as path:line:col.

// MaxTMXSize is the largest TMX file ReadTMX accepts: 256 MiB. Memories
// are larger than exports: the generated corpus of 10,000 articles gives
// 148,000 units in 100 MB.
const MaxTMXSize = 256 << 20

// MaxUnits is the most <tu> elements ReadTMX accepts in one file.
const MaxUnits = 1_000_000

// maxVariants is the most <tuv> elements in one <tu>; maxDepth bounds how
// deeply elements nest (the reader recurses); maxProps bounds the <prop>
// and <note> elements of one unit.
const (
	maxVariants = 64
	maxDepth    = 64
	maxProps    = 64
)

// DateFormat is TMX's date format (creationdate, changedate).
const DateFormat = "20060102T150405Z"

// ArticleProp is the <prop type> under which ceviri writes a unit's
// article id.
const ArticleProp = "x-ceviri-article"

// TMX is a TMX document.
type TMX struct {
	SrcLang string // the header's srclang ("*all*" when any)
	Units   []TU
}

// TU is one <tu>: one segment in several languages.
type TU struct {
	SrcLang   string    // its srclang, else the header's
	Date      time.Time // changedate, else creationdate; zero when none
	Article   string    // the x-ceviri-article prop
	Variants  []Variant
	Line, Col int // where it starts (set by ReadTMX)
}

// Variant is one <tuv>.
type Variant struct {
	Lang      string
	Text      string
	Line, Col int // where it starts (set by ReadTMX)
}

// WriteTMX writes t as TMX 1.4b (segtype sentence, creationtool ceviri).
// now is the header's creationdate.
func WriteTMX(w io.Writer, t *TMX, toolVersion string, now time.Time) error {
	bw := bufio.NewWriter(w)
	p := func(parts ...string) {
		for _, s := range parts {
			bw.WriteString(s)
		}
	}
	src := t.SrcLang
	if src == "" {
		src = "*all*"
	}
	p(xml.Header, `<tmx version="1.4">`, "\n")
	p(`  <header creationtool="ceviri" creationtoolversion="`, attr(toolVersion), `" segtype="sentence" o-tmf="ceviri" adminlang="en" srclang="`,
		attr(src), `" datatype="plaintext" creationdate="`, now.UTC().Format(DateFormat), `"/>`, "\n")
	p(`  <body>`, "\n")
	for _, u := range t.Units {
		p(`    <tu`)
		if u.SrcLang != "" {
			p(` srclang="`, attr(u.SrcLang), `"`)
		}
		if !u.Date.IsZero() {
			p(` creationdate="`, u.Date.UTC().Format(DateFormat), `"`)
		}
		p(`>`, "\n")
		if u.Article != "" {
			p(`      <prop type="`, ArticleProp, `">`, text(u.Article), `</prop>`, "\n")
		}
		for _, v := range u.Variants {
			p(`      <tuv xml:lang="`, attr(v.Lang), `"><seg>`, text(v.Text), `</seg></tuv>`, "\n")
		}
		p(`    </tu>`, "\n")
	}
	p(`  </body>`, "\n", `</tmx>`, "\n")
	return bw.Flush()
}

// text escapes character data, dropping characters XML 1.0 cannot carry.
func text(s string) string {
	var b strings.Builder
	for _, r := range xliff.Clean(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func attr(s string) string {
	s = text(s)
	return strings.NewReplacer(`"`, "&quot;", "\n", "&#xA;", "\t", "&#x9;").Replace(s)
}

// tmxReader walks the tokens of one file.
type tmxReader struct {
	name      string
	dec       *xml.Decoder
	line, col int
	depth     int
}

// ReadTMX parses a TMX document. name is the path shown in errors.
func ReadTMX(name string, r io.Reader) (*TMX, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTMXSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxTMXSize {
		return nil, diag.Text(name, 1, 1, "tm_too_large", "MiB", MaxTMXSize>>20)
	}
	rd := &tmxReader{name: name, dec: xliff.Decoder(data)}
	return rd.document()
}

func (r *tmxReader) next() (xml.Token, error) {
	tok, line, col, err := xliff.Token(r.dec, r.name, "a TMX file")
	r.line, r.col = line, col
	return tok, err
}

// errAt returns err at the position of the token last read.
func (r *tmxReader) errAt(err error) error {
	return &diag.PosError{File: r.name, Line: r.line, Col: r.col, Err: err}
}

func (r *tmxReader) document() (*TMX, error) {
	for {
		tok, err := r.next()
		if err == io.EOF {
			return nil, diag.Text(r.name, 1, 1, "tm_no_root")
		}
		if err != nil {
			return nil, err
		}
		if e, ok := tok.(xml.StartElement); ok {
			if e.Name.Local != "tmx" {
				return nil, r.errAt(clitext.NewError("tm_root", "Name", diag.EscapeLine(e.Name.Local)))
			}
			if v := attrOf(e, "version"); v != "" && !strings.HasPrefix(v, "1.") {
				return nil, r.errAt(clitext.NewError("tm_version", "Version", strconv.Quote(v)))
			}
			t := &TMX{}
			if err := r.tmx(t); err != nil {
				return nil, err
			}
			// Nothing but comments and white space may follow.
			for {
				tok, err := r.next()
				if err == io.EOF {
					return t, nil
				}
				if err != nil {
					return nil, err
				}
				if _, ok := tok.(xml.StartElement); ok {
					return nil, r.errAt(clitext.NewError("tm_second_root"))
				}
			}
		}
	}
}

func attrOf(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// langOf returns xml:lang (or TMX 1.1's lang).
func langOf(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Local == "lang" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace" || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

// children calls fn for each child element of the element just opened and
// returns after its end tag; fn must consume the child with its end tag.
// Character data between children is passed to data when it is not nil.
func (r *tmxReader) children(fn func(xml.StartElement) error, data func([]byte)) error {
	if r.depth++; r.depth > maxDepth {
		return r.errAt(clitext.NewError("tm_too_deep", "Max", maxDepth))
	}
	defer func() { r.depth-- }()
	for {
		tok, err := r.next()
		if err == io.EOF {
			return r.errAt(clitext.NewError("tm_eof"))
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.CharData:
			if data != nil {
				data(t)
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (r *tmxReader) skip() error {
	return r.children(func(xml.StartElement) error { return r.skip() }, nil)
}

func (r *tmxReader) tmx(t *TMX) error {
	return r.children(func(e xml.StartElement) error {
		switch e.Name.Local {
		case "header":
			t.SrcLang = attrOf(e, "srclang")
			return r.skip()
		case "body":
			return r.body(t)
		}
		return r.skip()
	}, nil)
}

func (r *tmxReader) body(t *TMX) error {
	return r.children(func(e xml.StartElement) error {
		if e.Name.Local != "tu" {
			return r.skip()
		}
		if len(t.Units) >= MaxUnits {
			return r.errAt(clitext.NewError("tm_too_many_units", "Max", MaxUnits))
		}
		u := TU{SrcLang: attrOf(e, "srclang"), Line: r.line, Col: r.col}
		if u.SrcLang == "" {
			u.SrcLang = t.SrcLang
		}
		for _, name := range []string{"changedate", "creationdate"} {
			if d := attrOf(e, name); d != "" && u.Date.IsZero() {
				when, err := time.Parse(DateFormat, d)
				if err != nil {
					return r.errAt(clitext.NewError("tm_bad_date", "Attr", name, "Value", strconv.Quote(diag.EscapeLine(d))))
				}
				u.Date = when
			}
		}
		props := 0
		err := r.children(func(c xml.StartElement) error {
			switch c.Name.Local {
			case "tuv":
				if len(u.Variants) >= maxVariants {
					return r.errAt(clitext.NewError("tm_too_many_variants", "Max", maxVariants))
				}
				v := Variant{Lang: langOf(c), Line: r.line, Col: r.col}
				if v.Lang == "" {
					return r.errAt(clitext.NewError("tm_tuv_no_lang"))
				}
				err := r.children(func(s xml.StartElement) error {
					if s.Name.Local != "seg" {
						return r.skip()
					}
					var b strings.Builder
					err := r.seg(&b)
					v.Text = b.String()
					return err
				}, nil)
				u.Variants = append(u.Variants, v)
				return err
			case "prop", "note":
				if props++; props > maxProps {
					return r.errAt(clitext.NewError("tm_too_many_props", "Max", maxProps))
				}
				var b strings.Builder
				err := r.seg(&b)
				if c.Name.Local == "prop" && attrOf(c, "type") == ArticleProp {
					u.Article = b.String()
				}
				return err
			}
			return r.skip()
		}, nil)
		if err != nil {
			return err
		}
		t.Units = append(t.Units, u)
		return nil
	}, nil)
}

// seg collects the text of a <seg> (or <prop>) into b, the text of inline
// elements (<ph>, <bpt>, <hi> ...) included.
func (r *tmxReader) seg(b *strings.Builder) error {
	return r.children(func(xml.StartElement) error { return r.seg(b) }, func(d []byte) { b.Write(d) })
}
