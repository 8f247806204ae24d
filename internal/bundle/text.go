package bundle

import (
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// textList is a list of messages in ceviri's words joined by sep, as the
// value of another message: it reads in English as strings.Join of their
// English, and in the reader's language item by item (In).
type textList struct {
	items []error
	sep   string
}

func (l textList) Error() string { return l.In(error.Error) }

// In returns the list with each item written by msg (in the reader's
// language: clitext.Printer.Error).
func (l textList) In(msg func(error) string) string {
	parts := make([]string, len(l.items))
	for i, e := range l.items {
		parts[i] = msg(e)
	}
	return strings.Join(parts, l.sep)
}

// problems is a build refused by policy: t, an error that wraps the
// *diag.Problems of its English text (exit code 1), written in the
// reader's language.
func problems(t clitext.Text) error {
	return &clitext.TextError{Text: t, Err: &diag.Problems{Msg: t.String()}}
}
