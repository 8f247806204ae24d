package po

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/diag"
)

// MaxSize is the largest file Read accepts.
const MaxSize = 64 << 20

// parser holds the state of Read.
type parser struct {
	name     string
	file     *File
	cur      *Entry
	started  bool     // cur has a keyword
	hasID    bool     // cur has msgid
	hasStr   bool     // cur has msgstr
	obsolete bool     // cur is an obsolete (#~) entry
	last     *string  // where a continuation line goes
	more     []string // continuation lines not yet added to *last
	seen     map[string]bool
}

// Read parses a PO file. name is the path shown in errors. The file must be
// UTF-8; obsolete (#~) entries are skipped.
func Read(name string, r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxSize {
		return nil, diag.Errorf(name, 1, 1, "file is larger than %d MiB", MaxSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p := &parser{name: name, file: &File{}}
	p.reset()
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		n := i + 1
		if !utf8.ValidString(line) {
			return nil, diag.Errorf(name, n, 1, "invalid UTF-8; save the file as UTF-8")
		}
		if err := p.line(n, strings.TrimRight(line, "\r")); err != nil {
			return nil, err
		}
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
	if p.last != nil && len(p.more) > 0 {
		*p.last += strings.Join(p.more, "")
	}
	p.more = nil
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
		return diag.Errorf(p.name, e.Line, e.Col, "entry has no msgstr")
	}
	if !p.obsolete {
		if e.Msgid == "" && !e.HasCtxt {
			if err := p.header(e); err != nil {
				return err
			}
		} else {
			p.file.Entries = append(p.file.Entries, *e)
		}
	}
	p.reset()
	return nil
}

func (p *parser) header(e *Entry) error {
	for _, l := range strings.Split(e.Str(), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return diag.Errorf(p.name, e.StrLine, 1, "header line %q is not \"Key: value\"", l)
		}
		p.file.Header = append(p.file.Header, Field{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
	}
	if ct := p.file.Get("Content-Type"); ct != "" {
		if _, cs, ok := strings.Cut(strings.ToLower(ct), "charset="); ok && cs != "utf-8" && cs != "charset" {
			return diag.Errorf(p.name, e.StrLine, 1, "charset %q is not supported; save the file as UTF-8", cs)
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
			return diag.Errorf(p.name, n, col, "comment inside an entry (msgstr expected first)")
		}
		p.comment(t)
		return nil
	case strings.HasPrefix(t, `"`):
		if p.last == nil {
			return diag.Errorf(p.name, n, col, "string without a keyword before it")
		}
		s, err := p.unquote(n, col, t)
		if err != nil {
			return err
		}
		p.more = append(p.more, s)
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
		return diag.Errorf(p.name, n, col, "%s repeated in one entry (is a msgstr missing?)", kw)
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
			return diag.Errorf(p.name, n, col, "msgctxt after msgid")
		}
		e.HasCtxt, e.Msgctxt = true, s
		p.last = &e.Msgctxt
	case kw == "msgid":
		e.Msgid, p.hasID = s, true
		p.last = &e.Msgid
	case kw == "msgid_plural":
		if !p.hasID || p.hasStr {
			return diag.Errorf(p.name, n, col, "msgid_plural must follow msgid")
		}
		e.MsgidPlural = s
		p.last = &e.MsgidPlural
	case kw == "msgstr" || strings.HasPrefix(kw, "msgstr["):
		if !p.hasID {
			return diag.Errorf(p.name, n, col, "msgstr without msgid")
		}
		idx := 0
		if kw != "msgstr" {
			v, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(kw, "msgstr["), "]"))
			if err != nil || !strings.HasSuffix(kw, "]") || v != len(e.Msgstr) || v > 100 {
				return diag.Errorf(p.name, n, col, "bad plural index in %s", kw)
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
		return diag.Errorf(p.name, n, col, "unknown keyword %q", kw)
	}
	p.seen[kw] = true
	return nil
}

func (p *parser) comment(t string) {
	e := p.cur
	body := func() string { return strings.TrimSpace(t[2:]) }
	switch {
	case strings.HasPrefix(t, "#."):
		e.Extracted = append(e.Extracted, body())
	case strings.HasPrefix(t, "#:"):
		e.References = append(e.References, strings.Fields(body())...)
	case strings.HasPrefix(t, "#,"):
		for _, f := range strings.Split(body(), ",") {
			if f = strings.TrimSpace(f); f != "" {
				e.Flags = append(e.Flags, f)
			}
		}
	default:
		e.Comments = append(e.Comments, strings.TrimPrefix(strings.TrimPrefix(t, "#"), " "))
	}
	p.last = nil
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
			p.more = append(p.more, s)
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
	return diag.Errorf(p.name, n, col, "unknown #| line")
}

// unquote reads one C-quoted string that makes up the rest of a line.
func (p *parser) unquote(n, col int, s string) (string, error) {
	s = strings.TrimRight(s, " \t")
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", diag.Errorf(p.name, n, col, "expected a string in double quotes")
	}
	var b strings.Builder
	in := s[1 : len(s)-1]
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch c {
		case '"':
			return "", diag.Errorf(p.name, n, col+1+i, "unescaped \" inside a string")
		case '\\':
		default:
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(in) {
			return "", diag.Errorf(p.name, n, col+i, "string ends with a backslash")
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
				return "", diag.Errorf(p.name, n, col+i, "octal escape out of range")
			}
			b.WriteByte(byte(v))
			i = j - 1
		default:
			return "", diag.Errorf(p.name, n, col+i, "unknown escape \\%c", e)
		}
	}
	out := b.String()
	if !utf8.ValidString(out) {
		return "", diag.Errorf(p.name, n, col, "string escapes make invalid UTF-8")
	}
	return out, nil
}
