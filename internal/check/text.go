package check

import (
	"strconv"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The pieces findings' messages are made of, as clitext.Text values, so
// that a message is whole in the reader's language (messages/check.*.yaml).
// A language's name is a clitext.Localized, which each language writes
// its own way; numbers are ints, which clitext writes as the language
// does (1.250 in Turkish).

// names are a language's names in English and in Turkish.
type names struct{ en, tr string }

// InLang returns the name in lang.
func (x *names) InLang(lang string) string {
	if lang == "tr" {
		return x.tr
	}
	return x.en
}

// langNames caches languageName by tag and code: it is asked once per
// translation compared.
var langNames sync.Map

// languageName is the name of the language of tag t, in English and in
// Turkish ("Turkish", "Türkçe"), falling back to code.
func languageName(t language.Tag, code string) clitext.Text {
	key := code + "\x00" + t.String()
	if x, ok := langNames.Load(key); ok {
		return x.(clitext.Text)
	}
	x := clitext.Msg("check_lang_name", "Name", &names{nameIn(display.English, t, code), nameIn(display.Turkish, t, code)})
	langNames.Store(key, x)
	return x
}

func nameIn(d *display.Dictionary, t language.Tag, code string) string {
	if n := d.Tags().Name(t); n != "" {
		return n
	}
	return code
}

// counted is message one when n is 1, else message other with n as N
// (check writes its English itself, english, which has no plural forms:
// the two forms are two messages).
func counted(one, other string, n int) clitext.Text {
	if n == 1 {
		return clitext.Msg(one)
	}
	return clitext.Msg(other, "N", n)
}

// words is "1 word", "12 words" ("12 kelime").
func words(n int) clitext.Text { return counted("check_word_one", "check_words", n) }

// segments is "1 segment", "3 segments" ("3 bölüm").
func segments(n int) clitext.Text { return counted("check_segment_one", "check_segments", n) }

// messages is "1 message", "30 messages" ("30 ileti").
func messages(n int) clitext.Text { return counted("check_message_one", "check_messages", n) }

// joinSemicolon joins the values xs (texts or strings) with "; ".
func joinSemicolon(xs []any) any { return join("check_join_semicolon", xs) }

// joinOr joins the values xs with " or " ("ya da").
func joinOr(xs []any) any { return join("check_join_or", xs) }

// join joins the values xs with message id, whose template joins First
// and Rest.
func join(id string, xs []any) any {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return clitext.Msg(id, "First", xs[0], "Rest", join(id, xs[1:]))
}

// segmentKind names a segment's kind for a message ("list item").
func segmentKind(kind string) clitext.Text {
	switch kind {
	case "heading":
		return clitext.Msg("check_kind_heading")
	case "paragraph":
		return clitext.Msg("check_kind_paragraph")
	case "list_item":
		return clitext.Msg("check_kind_list_item")
	case "table_cell":
		return clitext.Msg("check_kind_table_cell")
	case "blockquote":
		return clitext.Msg("check_kind_blockquote")
	case "footnote":
		return clitext.Msg("check_kind_footnote")
	case "html":
		return clitext.Msg("check_kind_html")
	}
	return clitext.Msg("check_kind_other", "Kind", kind)
}

// errorText is err as a message, written in the reader's language where
// it is in ceviri's words (clitext.Printer.Error).
func errorText(err error) clitext.Text {
	return clitext.Msg("check_error", "Err", err)
}

// q quotes s as %q does.
func q(s string) string { return strconv.Quote(s) }
