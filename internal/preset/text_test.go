package preset

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestGetErrorText: an unknown preset reads in English as it always did
// and in Turkish through clitext.Printer.Error.
func TestGetErrorText(t *testing.T) {
	_, err := Get("jekyl")
	if err == nil {
		t.Fatal(`Get("jekyl") gave no error`)
	}
	known := strings.Join(Names(), ", ")
	if got, want := err.Error(), `unknown preset "jekyl" (known: `+known+`)`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := clitext.New("tr").Error(err), `bilinmeyen hazır düzen "jekyl" (bilinenler: `+known+`)`; got != want {
		t.Errorf("Turkish: %q, want %q", got, want)
	}
}
