package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"regexp"
	"strconv"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// XMLError returns err, an error of encoding/xml's decoder, as "malformed
// XML: ..." at line:col of file name, in ceviri's words: the messages the
// decoder writes most (unexpected EOF, an element closed by another, an
// invalid entity...) are said in the reader's language, their parts
// escaped for a terminal (diag.EscapeLine); any other reads as the decoder
// wrote it. In English it reads "malformed XML: " and the decoder's
// message (a SyntaxError's Msg, without its "XML syntax error on line N"),
// escaped.
func XMLError(name string, line, col int, err error) *diag.PosError {
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg // it may quote the file
	}
	return diag.Text(name, line, col, "xliff_malformed", "Detail", XMLMessage(msg))
}

// xmlMessage is a message encoding/xml writes, as a pattern whose
// submatches are the message's values (names).
type xmlMessage struct {
	re    *regexp.Regexp
	id    string
	names []string
}

// xmlMessages are compiled when an XML error is first written.
var xmlMessages = sync.OnceValue(func() []xmlMessage {
	m := func(re, id string, names ...string) xmlMessage {
		return xmlMessage{regexp.MustCompile(re), id, names}
	}
	return []xmlMessage{
		m(`^unexpected EOF$`, "xliff_xml_eof"),
		m(`^unexpected EOF in CDATA section$`, "xliff_xml_eof_cdata"),
		m(`^unexpected end element </(.*)>$`, "xliff_xml_unexpected_end", "Name"),
		m(`^element <(.*)> in space (.*) closed by </(.*)> in space (.*)$`, "xliff_xml_closed_by_space", "Name", "Space", "End", "EndSpace"),
		m(`^element <(.*)> closed by </(.*)>$`, "xliff_xml_closed_by", "Name", "End"),
		m(`^expected element name after </$`, "xliff_xml_end_name"),
		m(`^invalid characters between </(.*) and >$`, "xliff_xml_end_chars", "Name"),
		m(`^expected target name after <\?$`, "xliff_xml_pi_name"),
		m(`^invalid sequence <!- not part of <!--$`, "xliff_xml_bad_comment_start"),
		m(`^invalid sequence "--" not allowed in comments$`, "xliff_xml_comment_dashes"),
		m(`^invalid <!\[ sequence$`, "xliff_xml_bad_cdata"),
		m(`^expected element name after <$`, "xliff_xml_element_name"),
		m(`^expected /> in element$`, "xliff_xml_empty_end"),
		m(`^expected attribute name in element$`, "xliff_xml_attr_name"),
		m(`^attribute name without = in element$`, "xliff_xml_attr_eq"),
		m(`^unquoted or missing attribute value in element$`, "xliff_xml_attr_value"),
		m(`^unescaped \]\]> not in CDATA section$`, "xliff_xml_cdata_end"),
		m(`^unescaped < inside quoted string$`, "xliff_xml_lt_in_string"),
		m(`^invalid character entity (.*) \(no semicolon\)$`, "xliff_xml_entity_no_semicolon", "Entity"),
		m(`^invalid character entity (.*)$`, "xliff_xml_entity", "Entity"),
		m(`^invalid UTF-8$`, "xliff_xml_utf8"),
		m(`^illegal character code (.*)$`, "xliff_xml_char", "Code"),
		m(`^invalid XML name: (.*)$`, "xliff_xml_name", "Name"),
		m(`^xml: unsupported version (".*"); only version 1\.0 is supported$`, "xliff_xml_version", "Version"),
		m(`^xml: opening charset (".*"): encoding (".*") is not supported; save the file as UTF-8$`, "xliff_xml_charset", "Label", "Encoding"),
	}
})

// XMLMessage returns msg, a message of encoding/xml, escaped for a
// terminal (diag.EscapeLine): as a clitext.Text when it is one the
// decoder writes and ceviri says in its words, else as a string. The Text
// reads in English exactly as the escaped msg.
func XMLMessage(msg string) any {
	esc := diag.EscapeLine(msg)
	for _, x := range xmlMessages() {
		sub := x.re.FindStringSubmatch(msg)
		if sub == nil {
			continue
		}
		pairs := make([]any, 0, 2*len(x.names))
		for i, n := range x.names {
			pairs = append(pairs, n, diag.EscapeLine(sub[i+1]))
		}
		t := clitext.Msg(x.id, pairs...)
		if t.String() != esc {
			return esc // never other words than the decoder's in English
		}
		return t
	}
	return esc
}

// directive returns what a <!...> directive of an imported file is, in
// ceviri's words: a DTD, one with entity declarations, or an entity
// declaration.
func directive(d []byte) clitext.Text {
	switch {
	case bytes.HasPrefix(d, []byte("ENTITY")):
		return clitext.Msg("xliff_entity_declaration")
	case bytes.Contains(d, []byte("ENTITY")):
		return clitext.Msg("xliff_dtd_entities")
	}
	return clitext.Msg("xliff_dtd")
}

// Directive returns the error for a <!...> directive d (a DTD, an entity
// declaration) met at line:col of file name, which refuses it; kind is
// what the file is, as the message says it ("an XLIFF file", "a TMX
// file").
func Directive(name string, line, col int, d []byte, kind string) *diag.PosError {
	var k any = kind
	switch kind {
	case "an XLIFF file":
		k = clitext.Msg("xliff_kind_xliff")
	case "a TMX file":
		k = clitext.Msg("xliff_kind_tmx")
	}
	return diag.Text(name, line, col, "xliff_directive_refused", "What", directive(d), "Word", diag.EscapeLine(firstWord(d)), "Kind", k)
}

// DirectiveText returns what a <!...> directive is (DTD, entity
// declaration), for the glossary's refusal of one.
func DirectiveText(d []byte) clitext.Text { return directive(d) }

// errAt returns err at the position of the token last read.
func (r *reader) errAt(err error) error {
	return &diag.PosError{File: r.name, Line: r.line, Col: r.col, Err: err}
}

// quote quotes s as %q does, for a message's value.
func quote(s string) string { return strconv.Quote(s) }
