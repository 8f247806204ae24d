package report

import (
	"io"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestWriteErrorText: a model in a language the page has no text for is
// refused, in English as it always read and in Turkish through
// clitext.Printer.Error.
func TestWriteErrorText(t *testing.T) {
	err := Write(io.Discard, &Model{UILang: "de"})
	if err == nil {
		t.Fatal("Write in German gave no error")
	}
	if got, want := err.Error(), `report: unknown UI language "de" (known: en, tr)`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := clitext.New("tr").Error(err), `report: bilinmeyen arayüz dili "de" (bilinenler: en, tr)`; got != want {
		t.Errorf("Turkish: %q, want %q", got, want)
	}
}
