package track

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestMissingCopyErrorText: the error of a record whose stored copy is
// gone reads in English as it always did (its Problem and Hint too), and
// in Turkish through clitext.Printer.Error, alone or after a prefix; it is
// still ErrNoSnapshot.
func TestMissingCopyErrorText(t *testing.T) {
	e := &MissingCopyError{Path: "articles/a/en.md", Line: 4, Hash: "sha256:abcdef", ID: "a", Lang: "en", SourcePath: "articles/a/tr.md"}
	copyPath := e.Copy()
	wantProblem := fmt.Sprintf("the source version this translation record names is not stored (looked for %s)", copyPath)
	wantHint := "in a git repository `ceviri diff a --lang en` recovers it from history; " +
		"otherwise check the translation against articles/a/tr.md and run `ceviri done a --lang en`"
	if got := e.Problem(); got != wantProblem {
		t.Errorf("Problem() = %q, want %q", got, wantProblem)
	}
	if got := e.Hint(); got != wantHint {
		t.Errorf("Hint() = %q, want %q", got, wantHint)
	}
	if got, want := e.Error(), "articles/a/en.md:4: "+wantProblem+"; "+wantHint; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(e, ErrNoSnapshot) {
		t.Error("a MissingCopyError is no longer ErrNoSnapshot")
	}
	tr := clitext.New("tr")
	want := "articles/a/en.md:4: bu çeviri kaydının andığı kaynak sürümü saklanmamış (" + copyPath + " arandı); " +
		"bir git deposunda `ceviri diff a --lang en` onu geçmişten kurtarır; değilse çeviriyi articles/a/tr.md ile karşılaştırıp `ceviri done a --lang en` çalıştırın"
	if got := tr.Error(e); got != want {
		t.Errorf("in Turkish:\n got %q\nwant %q", got, want)
	}
	if got := tr.Error(fmt.Errorf("x: %w", e)); got != "x: "+want {
		t.Errorf("in Turkish after a prefix: %q", got)
	}
	if got := clitext.New("en").Error(e); got != e.Error() {
		t.Errorf("in English: %q, want %q", got, e.Error())
	}
	if got, want := tr.Text(e.ProblemText()), "bu çeviri kaydının andığı kaynak sürümü saklanmamış ("+copyPath+" arandı)"; got != want {
		t.Errorf("ProblemText in Turkish = %q, want %q", got, want)
	}
	if got, want := ErrNoSnapshot.Error(), "no stored copy of the recorded source version"; got != want {
		t.Errorf("ErrNoSnapshot = %q, want %q", got, want)
	}
	if got, want := tr.Error(ErrNoSnapshot), "kaydedilmiş kaynak sürümünün saklanan kopyası yok"; got != want {
		t.Errorf("ErrNoSnapshot in Turkish = %q, want %q", got, want)
	}
}
