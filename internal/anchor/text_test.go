package anchor

import (
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestParseErrorText: an unknown build.anchors reads in English as it
// always did and in Turkish through clitext.Printer.Error.
func TestParseErrorText(t *testing.T) {
	_, err := Parse("slug")
	if err == nil {
		t.Fatal(`Parse("slug") gave no error`)
	}
	if got, want := err.Error(), `build.anchors must be ascii, github or hugo, not "slug"`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := clitext.New("tr").Error(err), `build.anchors ascii, github ya da hugo olmalı, "slug" değil`; got != want {
		t.Errorf("Turkish: %q, want %q", got, want)
	}
}
