package gitlog

import (
	"errors"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// TestErrorsInTurkish: an unknown revision and missing history read as
// before in English and in Turkish for a Turkish reader, alone and inside
// the usage error the command line makes of them. Fails on the code
// before they were ceviri's words (English in Turkish).
func TestErrorsInTurkish(t *testing.T) {
	en, tr := clitext.New("en"), clitext.New("tr")
	tests := []struct {
		name   string
		err    error
		en, tr string
	}{
		{"no history", ErrNoRepo,
			"no git history (not a repository, no commit yet, or git is not installed)",
			"git geçmişi yok (bir depo değil, henüz commit yok ya da git kurulu değil)"},
		{"unknown revision", &diag.UsageError{Err: &RevError{Rev: "nosuchref"}},
			`unknown revision "nosuchref": no commit of this repository has that name`,
			`bilinmeyen sürüm "nosuchref": bu depoda bu adı taşıyan bir commit yok`},
		{"shallow", &RevError{Rev: "main~3", Shallow: true},
			`unknown revision "main~3": this is a shallow clone, which may not hold it; fetch the history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)`,
			`bilinmeyen sürüm "main~3": bu sığ bir klon, o commit'i içermiyor olabilir; geçmişi indirin (git fetch --unshallow ya da actions/checkout'ta fetch-depth: 0)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := en.Error(tt.err); got != tt.en || tt.err.Error() != tt.en {
				t.Errorf("English:\n%s\nwant\n%s", got, tt.en)
			}
			if got := tr.Error(tt.err); got != tt.tr {
				t.Errorf("Turkish:\n%s\nwant\n%s", got, tt.tr)
			}
		})
	}
	var re *RevError
	if !errors.As(tests[1].err, &re) || re.Rev != "nosuchref" {
		t.Error("the usage error does not hold the RevError")
	}
}
