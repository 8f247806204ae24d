package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// ParseCSV reads a CSV glossary (RFC 4180: commas, fields in double quotes
// when they hold commas, quotes or line breaks). The first line names the
// columns: project languages (BCP 47, "tr", "en") and an optional note; each
// other line is an entry; a cell may give several terms separated by |,
// the first to use and the others accepted. name is the path shown in errors; every problem
// is reported at its line and column (in characters).
func ParseCSV(name string, data []byte, langs []string) (*Glossary, error) {
	if len(data) > MaxSize {
		return nil, diag.Text(name, 1, 1, "glossary_too_large", "MiB", MaxSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lines := lineStarts(data)
	at := func(line, byteCol int, err error) error {
		return &diag.PosError{File: name, Line: line, Col: runeCol(data, lines, line, byteCol), Err: err}
	}
	if !utf8.Valid(data) {
		l, c := invalidUTF8(data)
		return nil, diag.Text(name, l, c, "glossary_invalid_utf8")
	}
	g := newGlossary(name, langs)
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return nil, diag.Text(name, 1, 1, "glossary_empty", "Langs", strings.Join(langs, ","))
	}
	if err != nil {
		return nil, csvError(at, err)
	}
	var errs []error
	cols := make([]string, len(header)) // language of each column; "note", or "" for none
	seen := map[string]bool{}
	noteCol := -1
	for i, h := range header {
		l, c := r.FieldPos(i)
		h = strings.TrimSpace(h)
		switch lang, ok := g.projectLang(h); {
		case strings.EqualFold(h, "note") || strings.EqualFold(h, "notes"):
			if noteCol >= 0 {
				errs = append(errs, at(l, c, clitext.NewError("glossary_two_notes")))
				continue
			}
			noteCol, cols[i] = i, "note"
		case h == "":
			errs = append(errs, at(l, c, clitext.NewError("glossary_column_no_name", "N", i+1, "Langs", strings.Join(langs, ", "))))
		case !ok:
			errs = append(errs, at(l, c, clitext.NewError("glossary_column_unknown", "Name", strconv.Quote(diag.EscapeLine(h)), "Langs", strings.Join(langs, ", "))))
		case seen[lang]:
			errs = append(errs, at(l, c, clitext.NewError("glossary_lang_twice", "Lang", strconv.Quote(lang))))
		default:
			seen[lang], cols[i] = true, lang
		}
	}
	if len(errs) == 0 && len(seen) == 0 {
		errs = append(errs, at(1, 1, clitext.NewError("glossary_no_language", "Langs", strings.Join(langs, ","))))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(at, err))
			break
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			l, c := r.FieldPos(min(len(rec), len(header)) - 1)
			errs = append(errs, at(l, c, clitext.NewError("glossary_field_count", "Got", len(rec), "Want", len(header))))
			continue
		}
		e := &Entry{Terms: map[string][]string{}, Line: line}
		blank := true
		for i, f := range rec {
			if strings.TrimSpace(f) != "" {
				blank = false
			}
			switch cols[i] {
			case "note":
				e.Note = f
			default:
				// "mikroservis | mikro servis": the first is the term to
				// use, the others are accepted too.
				e.Terms[cols[i]] = strings.Split(f, "|")
			}
		}
		if blank {
			continue // a line of empty fields: ",,"
		}
		if err := g.add(e); err != nil {
			errs = append(errs, at(line, 1, err))
			if len(g.Entries) >= MaxEntries {
				break
			}
		}
	}
	if len(errs) > 0 {
		diag.Sort(errs)
		return nil, errors.Join(errs...)
	}
	g.finish(langs)
	return g, nil
}

// csvError positions an error of encoding/csv.
func csvError(at func(int, int, error) error, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		var what any = pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			what = clitext.Msg("glossary_csv_bare_quote")
		case errors.Is(pe.Err, csv.ErrQuote):
			what = clitext.Msg("glossary_csv_quote")
		}
		if pe.StartLine != pe.Line {
			what = clitext.Msg("glossary_csv_field_start", "What", what, "Line", pe.StartLine)
		}
		return at(pe.Line, pe.Column, clitext.NewError("glossary_csv_malformed", "What", what))
	}
	return at(1, 1, err)
}

// lineStarts returns the byte offset of each line's start (index 0 is
// line 1).
func lineStarts(data []byte) []int {
	out := []int{0}
	for i, b := range data {
		if b == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}

// runeCol turns a 1-based byte column of a line into a column in
// characters.
func runeCol(data []byte, lines []int, line, byteCol int) int {
	if line < 1 || line > len(lines) || byteCol < 1 {
		return max(byteCol, 1)
	}
	start := lines[line-1]
	end := min(start+byteCol-1, len(data))
	return utf8.RuneCount(data[start:end]) + 1
}

// invalidUTF8 returns the line and column of the first byte that is not
// UTF-8.
func invalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return line, col
}
