package interchange

import (
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// unitError returns msg about unit s at line:col of its file (the unit's
// own position when line is 0): `unit "a#b0-1234abcd": msg`, in ceviri's
// words.
func unitError(s Submitted, line, col int, msg clitext.Text) *diag.PosError {
	if line == 0 {
		line, col = s.Line, s.Col
	}
	return diag.Text(s.File, line, col, "ix_unit", "ID", strconv.Quote(s.ID), "Msg", msg)
}

// list is texts joined by a separator, as a value of a message: an error,
// so that the printer writes each text in the reader's language (In), and
// in English (Error) the texts joined as they always were.
type list struct {
	items []clitext.Text
	sep   string
}

func (l list) Error() string { return l.In(error.Error) }

// In writes each item with msg (clitext.Printer.Error) and joins them.
func (l list) In(msg func(error) string) string {
	parts := make([]string, len(l.items))
	for i, t := range l.items {
		parts[i] = msg(&clitext.TextError{Text: t})
	}
	return strings.Join(parts, l.sep)
}

// timesText says how many times markup appears: "once", "3 times".
func timesText(n int) clitext.Text {
	if n == 1 {
		return clitext.Msg("ix_once")
	}
	return clitext.Msg("ix_times", "N", n)
}

// markupKinds are the kinds of markup whose names ceviri says in the
// reader's language.
var markupKinds = map[string]string{
	"link": "ix_markup_link", "image": "ix_markup_image", "emphasis": "ix_markup_emphasis",
	"strong": "ix_markup_strong", "strikethrough": "ix_markup_strikethrough", "code": "ix_markup_code",
	"autolink": "ix_markup_autolink", "html": "ix_markup_html", "footnote": "ix_markup_footnote",
	"shortcode": "ix_markup_shortcode", "jsx": "ix_markup_jsx", "expression": "ix_markup_expression",
}

// text returns m as Markup.String writes it, in ceviri's words.
func (m Markup) text() clitext.Text {
	var kind any = m.Kind
	if id, ok := markupKinds[m.Kind]; ok {
		kind = clitext.Msg(id)
	}
	if m.Text == "" {
		return clitext.Msg("ix_value", "Value", kind)
	}
	return clitext.Msg("ix_markup_with_text", "Kind", kind, "Text", quoteClip(m.Text))
}

// kindText returns a segment's kind as english writes it ("paragraph",
// "list item"), in the reader's language when the cli's message of that
// kind (kind_paragraph) reads the same in English.
func kindText(kind, english string) any {
	t := clitext.Msg("kind_" + kind)
	if t.String() == english {
		return t
	}
	return english
}
