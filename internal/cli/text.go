package cli

import "github.com/ceviri/ceviri/internal/clitext"

// text returns ceviri's own words in the user's language: CEVIRI_LANG,
// then LC_ALL, LC_MESSAGES and LANG (clitext.FromEnv). Machine outputs
// (--json, JUnit, GitHub annotations) never use it.
func (e *Env) text() *clitext.Printer {
	if e.Getenv == nil {
		return clitext.New("en")
	}
	return clitext.New(clitext.FromEnv(e.Getenv))
}
