package check

import (
	"errors"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// stateFindings are the findings of the state rules for one translation.
func stateFindings(cfg *config.Config, f finder, src *project.Version, v *track.VersionStatus) []Finding {
	var srcName any = ""
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
			return []Finding{f.at(MissingTranslation, v.PlaceholderLine, "check_missing_placeholder",
				"Why", v.PlaceholderWhy, "Source", srcName, "Path", src.Path, "ID", f.id, "Lang", f.lang)}
		}
		return []Finding{f.at(MissingTranslation, 0, "check_missing",
			"Name", langName(cfg, f.lang), "Source", srcName, "Path", src.Path, "ID", f.id, "Lang", f.lang)}
	case track.Stale:
		pairs := []any{"Source", srcName, "Path", src.Path, "ID", f.id, "Lang", f.lang}
		switch {
		case v.ChangedSegments != nil && v.PendingWords != nil:
			return []Finding{f.at(StaleTranslation, recLine, "check_stale_words",
				append(pairs, "Segments", segments(*v.ChangedSegments), "Words", words(*v.PendingWords))...)}
		case v.ChangedSegments != nil:
			return []Finding{f.at(StaleTranslation, recLine, "check_stale_segments",
				append(pairs, "Segments", segments(*v.ChangedSegments))...)}
		}
		return []Finding{f.at(StaleTranslation, recLine, "check_stale", pairs...)}
	case track.Draft:
		return []Finding{f.at(DraftTranslation, recLine, "check_draft", "ID", f.id, "Lang", f.lang)}
	case track.Untracked:
		return []Finding{f.at(UntrackedTranslation, 1, "check_untracked", "Source", srcName, "ID", f.id, "Lang", f.lang)}
	case track.Orphan:
		return []Finding{f.at(OrphanTranslation, recLine, "check_orphan", "ID", q(f.id))}
	}
	return nil
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
			out = append(out, newFinding(InvalidFrontMatter, errorText(err)))
			continue
		}
		f := newFinding(InvalidFrontMatter, errorText(pe.Err))
		f.File, f.Line = pe.File, max(pe.Line, 1)
		if layout != nil {
			if id, lang, ok := layout.Match(pe.File); ok {
				f.ID, f.Lang = id, lang
			}
		}
		out = append(out, f)
	}
	return out
}
