package check

import (
	"errors"
	"fmt"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func displayName(t language.Tag, code string) string {
	if n := display.English.Tags().Name(t); n != "" {
		return n
	}
	return code
}

// stateFindings are the findings of the state rules for one translation.
func stateFindings(cfg *config.Config, f finder, src *project.Version, v *track.VersionStatus) []Finding {
	srcName := ""
	if src != nil {
		srcName = langName(cfg, src.Lang)
	}
	recLine := 1
	// A record in the lock file (Record.File) has no line in the translation.
	if v.Parsed != nil && v.Parsed.Record != nil && v.Parsed.Record.Line > 0 && v.Parsed.Record.File == "" {
		recLine = v.Parsed.Record.Line
	}
	switch v.State {
	case track.Missing:
		if v.Placeholder {
			return []Finding{f.at(MissingTranslation, v.PlaceholderLine, "a placeholder, not a translation (%s); translate it from the %s source %s, then run `ceviri done %s --lang %s`",
				v.PlaceholderWhy, srcName, src.Path, f.id, f.lang)}
		}
		return []Finding{f.at(MissingTranslation, 0, "no %s version of this article (the %s source is %s); run `ceviri translate %s --lang %s`",
			langName(cfg, f.lang), srcName, src.Path, f.id, f.lang)}
	case track.Stale:
		msg := fmt.Sprintf("the %s source %s changed since this translation was made", srcName, src.Path)
		if v.ChangedSegments != nil {
			msg += fmt.Sprintf(" (%s", countOf(*v.ChangedSegments, "segment"))
			if v.PendingWords != nil {
				msg += fmt.Sprintf(", %s to translate", countOf(*v.PendingWords, "word"))
			}
			msg += ")"
		}
		msg += fmt.Sprintf("; see `ceviri diff %s --lang %s`", f.id, f.lang)
		return []Finding{f.at(StaleTranslation, recLine, "%s", msg)}
	case track.Draft:
		return []Finding{f.at(DraftTranslation, recLine, "the translation is a draft (translation.draft: true); finish it and run `ceviri done %s --lang %s`", f.id, f.lang)}
	case track.Untracked:
		return []Finding{f.at(UntrackedTranslation, 1, "no translation record: ceviri cannot tell which version of the %s source this translates; if it matches the current source, run `ceviri done %s --lang %s`", srcName, f.id, f.lang)}
	case track.Orphan:
		return []Finding{f.at(OrphanTranslation, recLine, "no source version: every version of %q has a translation record, so there is nothing this translates", f.id)}
	}
	return nil
}

func countOf(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// unreadable turns the errors of versions that could not be read into
// invalid-front-matter findings.
func unreadable(cfg *config.Config, errs []error) []Finding {
	var layout *project.Layout
	if cfg != nil {
		layout, _ = project.LayoutOf(cfg)
	}
	var out []Finding
	for _, err := range errs {
		var pe *diag.PosError
		if !errors.As(err, &pe) {
			out = append(out, Finding{Rule: InvalidFrontMatter, Message: err.Error()})
			continue
		}
		f := Finding{Rule: InvalidFrontMatter, File: pe.File, Line: max(pe.Line, 1), Message: pe.Err.Error()}
		if layout != nil {
			if id, lang, ok := layout.Match(pe.File); ok {
				f.ID, f.Lang = id, lang
			}
		}
		out = append(out, f)
	}
	return out
}
