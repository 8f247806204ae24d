package po

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/diag"
)

// MaxSize is the largest file Read accepts: 64 MiB, checked while reading.
const MaxSize = 64 << 20

// MaxEntries is the most entries Read accepts in one file: an export of
// 64 MiB holds about 150,000 (the CNCF glossary's 691 take 0.3 MiB); a file
// of empty entries could hold two million, each costing memory and a check
// on import.
const MaxEntries = 250_000

// maxComments is the most comment items (translator and extracted comments,
// references, flags) Read keeps from one file, and maxHeader the most header
// fields: ceviri writes two or three comments per entry and ten fields, and
// each item costs more memory than its few bytes of input.
const (
	maxComments = 2_000_000
	maxHeader   = 1000
)

// The limits Read applies; tests lower them.
var entryLimit, commentLimit = MaxEntries, maxComments

// parser holds the state of Read.
type parser struct {
	name       string
	file       *File
	cur        *Entry
	started    bool            // cur has a keyword
	hasID      bool            // cur has msgid
	hasStr     bool            // cur has msgstr
	obsolete   bool            // cur is an obsolete (#~) entry
	last       *string         // where a continuation line goes
	more       strings.Builder // continuation lines not yet added to *last
	seen       map[string]bool
	headerLine int // line of the header entry, 0 before it
	comments   int // comment items kept so far (maxComments)
}

// Read parses a PO file. name is the path shown in errors. The file must be
// UTF-8; obsolete (#~) entries are skipped.
func Read(name string, r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxSize {
		return nil, diag.Text(name, 1, 1, "po_too_large", "MiB", MaxSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p := &parser{name: name, file: &File{}}
	p.reset()
	// Line by line, without a slice of all the lines: a file of 64 MiB of
	// newlines would make one of 64 million strings (1 GiB).
	text := string(data)
	for n := 1; ; n++ {
		line, rest, found := strings.Cut(text, "\n")
		if !utf8.ValidString(line) {
			return nil, diag.Text(name, n, 1, "po_invalid_utf8")
		}
		if err := p.line(n, strings.TrimRight(line, "\r")); err != nil {
			return nil, err
		}
		if !found {
			break
		}
		text = rest
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	return p.file, nil
}

func (p *parser) reset() {
	p.cur, p.started, p.hasID, p.hasStr, p.obsolete, p.last = &Entry{}, false, false, false, false, nil
	p.seen = map[string]bool{}
}

// flush adds the pending continuation lines to the string they continue
// (joined once: a long string in many lines costs linear time).
func (p *parser) flush() {
	if p.last != nil && p.more.Len() > 0 {
		*p.last += p.more.String()
	}
	p.more.Reset()
}

// finish ends the current entry, if any.
func (p *parser) finish() error {
	p.flush()
	if !p.started {
		p.reset() // comments with no entry after them
		return nil
	}
	e := p.cur
	if !p.hasStr {
		return diag.Text(p.name, e.Line, e.Col, "po_no_msgstr")
	}
	if !p.obsolete {
		if e.Msgid == "" && !e.HasCtxt {
			if p.headerLine > 0 {
				return diag.Text(p.name, e.Line, e.Col, "po_second_header", "Line", p.headerLine)
			}
			p.headerLine = e.Line
			if err := p.header(e); err != nil {
				return err
			}
		} else {
			if len(p.file.Entries) >= entryLimit {
				return diag.Text(p.name, e.Line, e.Col, "po_too_many_entries", "Max", entryLimit)
			}
			p.file.Entries = append(p.file.Entries, *e)
		}
	}
	p.reset()
	return nil
}

func (p *parser) header(e *Entry) error {
	rest := e.Str()
	for rest != "" {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(p.file.Header) >= maxHeader {
			return diag.Text(p.name, e.StrLine, 1, "po_header_too_long", "Max", maxHeader)
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return diag.Text(p.name, e.StrLine, 1, "po_header_line", "Text", strconv.Quote(l))
		}
		p.file.Header = append(p.file.Header, Field{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
	}
	if ct := p.file.Get("Content-Type"); ct != "" {
		if _, cs, ok := strings.Cut(strings.ToLower(ct), "charset="); ok && cs != "utf-8" && cs != "charset" {
			return diag.Text(p.name, e.StrLine, 1, "po_charset", "Charset", strconv.Quote(cs))
		}
	}
	return nil
}

func (p *parser) line(n int, l string) error {
	t := strings.TrimLeft(l, " \t")
	col := len(l) - len(t) + 1
	if !strings.HasPrefix(t, `"`) && !(strings.HasPrefix(t, "#|") && strings.HasPrefix(strings.TrimLeft(t[2:], " \t"), `"`)) {
		p.flush()
	}
	switch {
	case t == "":
		return nil
	case strings.HasPrefix(t, "#~"):
		if p.hasStr {
			if err := p.finish(); err != nil {
				return err
			}
		}
		p.obsolete = true
		p.started = true
		p.hasID, p.hasStr = true, true
		return nil
	case strings.HasPrefix(t, "#|"):
		return p.previous(n, col+2, strings.TrimLeft(t[2:], " \t"))
	case strings.HasPrefix(t, "#"):
		if p.hasStr {
			if err := p.finish(); err != nil {
				return err
			}
		} else if p.started {
			return diag.Text(p.name, n, col, "po_comment_in_entry")
		}
		return p.comment(n, col, t)
	case strings.HasPrefix(t, `"`):
		if p.last == nil {
			return diag.Text(p.name, n, col, "po_string_no_keyword")
		}
		s, err := p.unquote(n, col, t)
		if err != nil {
			return err
		}
		p.more.WriteString(s)
		return nil
	}
	kw, rest, _ := strings.Cut(t, " ")
	rest = strings.TrimLeft(rest, " \t")
	scol := col + len(t) - len(rest)
	if kw == "msgctxt" || kw == "msgid" {
		if p.hasStr {
			if err := p.finish(); err != nil {
				return err
			}
		}
	}
	if p.seen[kw] {
		return diag.Text(p.name, n, col, "po_repeated", "Keyword", kw)
	}
	s, err := p.unquote(n, scol, rest)
	if err != nil {
		return err
	}
	e := p.cur
	if !p.started {
		e.Line, e.Col = n, col
		p.started = true
	}
	switch {
	case kw == "msgctxt":
		if p.hasID {
			return diag.Text(p.name, n, col, "po_ctxt_after_id")
		}
		e.HasCtxt, e.Msgctxt = true, s
		p.last = &e.Msgctxt
	case kw == "msgid":
		e.Msgid, p.hasID = s, true
		p.last = &e.Msgid
	case kw == "msgid_plural":
		if !p.hasID || p.hasStr {
			return diag.Text(p.name, n, col, "po_plural_order")
		}
		e.MsgidPlural = s
		p.last = &e.MsgidPlural
	case kw == "msgstr" || strings.HasPrefix(kw, "msgstr["):
		if !p.hasID {
			return diag.Text(p.name, n, col, "po_str_no_id")
		}
		idx := 0
		if kw != "msgstr" {
			v, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(kw, "msgstr["), "]"))
			if err != nil || !strings.HasSuffix(kw, "]") || v != len(e.Msgstr) || v > 100 {
				return diag.Text(p.name, n, col, "po_plural_index", "Keyword", diag.EscapeLine(kw))
			}
			idx = v
		}
		if idx == 0 {
			e.StrLine = n
		}
		e.Msgstr = append(e.Msgstr, s)
		p.last = &e.Msgstr[idx]
		p.hasStr = true
	default:
		return diag.Text(p.name, n, col, "po_unknown_keyword", "Keyword", strconv.Quote(kw))
	}
	p.seen[kw] = true
	return nil
}

func (p *parser) comment(n, col int, t string) error {
	e := p.cur
	p.last = nil
	body := func() string { return strings.TrimSpace(t[2:]) }
	add := func(list *[]string, item string) error {
		if p.comments++; p.comments > commentLimit {
			return diag.Text(p.name, n, col, "po_too_many_comments", "Max", commentLimit)
		}
		*list = append(*list, item)
		return nil
	}
	switch {
	case strings.HasPrefix(t, "#."):
		return add(&e.Extracted, body())
	case strings.HasPrefix(t, "#:"):
		// One by one rather than strings.Fields, which would make a slice
		// of every word of a hostile line first.
		rest := body()
		for {
			rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
			if rest == "" {
				return nil
			}
			i := strings.IndexFunc(rest, unicode.IsSpace)
			if i < 0 {
				i = len(rest)
			}
			if err := add(&e.References, rest[:i]); err != nil {
				return err
			}
			rest = rest[i:]
		}
	case strings.HasPrefix(t, "#,"):
		rest := body()
		for rest != "" {
			var f string
			f, rest, _ = strings.Cut(rest, ",")
			if f = strings.TrimSpace(f); f != "" {
				if err := add(&e.Flags, f); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return add(&e.Comments, strings.TrimPrefix(strings.TrimPrefix(t, "#"), " "))
}

// previous reads a "#|" line: the previous msgctxt or msgid of a fuzzy entry.
func (p *parser) previous(n, col int, t string) error {
	if p.hasStr {
		if err := p.finish(); err != nil {
			return err
		}
	}
	e := p.cur
	kw, rest, _ := strings.Cut(t, " ")
	switch {
	case strings.HasPrefix(t, `"`):
		s, err := p.unquote(n, col, t)
		if err != nil {
			return err
		}
		if p.last != nil && (p.last == &e.PrevMsgid || p.last == &e.PrevMsgctxt) {
			p.more.WriteString(s)
		}
		return nil
	case kw == "msgctxt" || kw == "msgid" || kw == "msgid_plural":
		s, err := p.unquote(n, col, strings.TrimLeft(rest, " \t"))
		if err != nil {
			return err
		}
		switch kw {
		case "msgctxt":
			e.PrevMsgctxt, p.last = s, &e.PrevMsgctxt
		case "msgid":
			e.PrevMsgid, p.last = s, &e.PrevMsgid
		default:
			p.last = nil
		}
		return nil
	}
	return diag.Text(p.name, n, col, "po_unknown_previous")
}

// unquote reads one C-quoted string that makes up the rest of a line.
func (p *parser) unquote(n, col int, s string) (string, error) {
	s = strings.TrimRight(s, " \t")
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", diag.Text(p.name, n, col, "po_expected_string")
	}
	in := s[1 : len(s)-1]
	if !strings.ContainsAny(in, `"\`) {
		return in, nil // the common case: nothing to unescape (the line is UTF-8)
	}
	var b strings.Builder
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch c {
		case '"':
			return "", diag.Text(p.name, n, col+1+i, "po_unescaped_quote")
		case '\\':
		default:
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(in) {
			return "", diag.Text(p.name, n, col+i, "po_trailing_backslash")
		}
		switch e := in[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '"', '\\', '\'', '?':
			b.WriteByte(e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, j := 0, i
			for ; j < len(in) && j < i+3 && in[j] >= '0' && in[j] <= '7'; j++ {
				v = v*8 + int(in[j]-'0')
			}
			if v > 0xff {
				return "", diag.Text(p.name, n, col+i, "po_octal_range")
			}
			b.WriteByte(byte(v))
			i = j - 1
		default:
			r, _ := utf8.DecodeRuneInString(in[i:])
			return "", diag.Text(p.name, n, col+i, "po_unknown_escape", "Char", diag.EscapeLine(string(r)))
		}
	}
	out := b.String()
	if !utf8.ValidString(out) {
		return "", diag.Text(p.name, n, col, "po_escapes_utf8")
	}
	return out, nil
}
