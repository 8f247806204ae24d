package clitext

import (
	"errors"
	"io/fs"
	"strings"
	"sync"
)

// Text is a message in ceviri's words kept as its id and the values of
// its template, so that it can be written later in the reader's language:
// a finding of check, an error of a file reader. Pairs alternate names
// and values ("Field", "title"); a value that is a Text or an error is
// written in the same language as the message.
type Text struct {
	ID    string
	Pairs []any
}

// Msg returns message id with its pairs of names and values as a Text.
func Msg(id string, pairs ...any) Text { return Text{ID: id, Pairs: pairs} }

// String returns t in English, as ceviri's output in English always read.
func (t Text) String() string { return English().Text(t) }

// Localized is a value of a message that each language writes its own
// way (a language's name: "Turkish", "Türkçe"): the Printer writes it with
// InLang of its language.
type Localized interface {
	InLang(lang string) string
}

// English is the Printer of English, which Text.String and
// TextError.Error use.
var English = sync.OnceValue(func() *Printer { return New("en") })

// Text returns t in p's language.
func (p *Printer) Text(t Text) string { return p.T(t.ID, t.Pairs...) }

// TextError is an error in ceviri's words: Error gives it in English, and
// Printer.Error in the reader's language. Err, when set, is the error it
// wraps, for errors.Is and errors.As.
type TextError struct {
	Text Text
	Err  error
}

func (e *TextError) Error() string { return e.Text.String() }

// Unwrap returns the error e wraps, or nil.
func (e *TextError) Unwrap() error { return e.Err }

// NewError returns message id with its pairs of names and values as an
// error.
func NewError(id string, pairs ...any) error {
	return &TextError{Text: Msg(id, pairs...)}
}

// Wrap returns message id, whose template shows err as {{.Err}}, as an
// error that wraps err.
func Wrap(err error, id string, pairs ...any) error {
	return &TextError{Text: Msg(id, append([]any{"Err", err}, pairs...)...), Err: err}
}

// Error returns err's message in p's language. ceviri's own words
// (TextError) are translated wherever they are: inside an error that can
// write itself with its inner error in another language (an In method,
// as diag's positioned and usage errors have), inside a list of
// errors.Join, and at the end of an error that wraps one with a prefix
// of its own (fmt.Errorf("%s: %w", path, err)). Other messages read as
// they are. In English, Error is err.Error().
func (p *Printer) Error(err error) string {
	if p.lang == "en" {
		return err.Error()
	}
	switch e := err.(type) {
	case *TextError:
		return p.Text(e.Text)
	case interface {
		In(func(error) string) string
	}:
		return e.In(p.Error)
	case interface{ Unwrap() []error }:
		// errors.Join's list, one per line (not fmt.Errorf with two %w).
		var parts, en []string
		for _, x := range e.Unwrap() {
			parts = append(parts, p.Error(x))
			en = append(en, x.Error())
		}
		if strings.Join(en, "\n") == err.Error() {
			return strings.Join(parts, "\n")
		}
		return err.Error()
	}
	msg := err.Error()
	inner := errors.Unwrap(err)
	if inner == nil {
		return p.osError(err, msg)
	}
	if prefix, ok := strings.CutSuffix(msg, inner.Error()); ok {
		return prefix + p.Error(inner)
	}
	return msg
}

// osErrors are the operating system's errors users meet most (at the end
// of "open articles/a.md: no such file or directory"), by the fs error
// they are, with ceviri's words for them.
var osErrors = []struct {
	err error
	id  string
}{
	{fs.ErrNotExist, "os_not_exist"},
	{fs.ErrPermission, "os_permission"},
	{fs.ErrExist, "os_exist"},
}

// osError returns msg, the text of err, an error that wraps no other, in
// p's language when it is one of osErrors, else as it is.
func (p *Printer) osError(err error, msg string) string {
	for _, o := range osErrors {
		if errors.Is(err, o.err) {
			return p.T(o.id)
		}
	}
	return msg
}
