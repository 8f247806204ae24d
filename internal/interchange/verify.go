package interchange

import (
	"strconv"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/project"
)

// verify parses the rebuilt file and checks that it has the body segments
// it should have (want: their kinds, in order) and that each imported
// segment (index in the source -> index in want) reads as it was
// translated: a translation that Markdown would read as something else (a
// paragraph that starts with "# ") is reported at its unit.
func verify(cfg *config.Config, acc *Accepted, f project.File, data []byte, want []string, place map[int]int) error {
	src := acc.Article.SourceFile
	got := project.Parse(f, data, cfg)
	if got.Err != nil {
		return clitext.Wrap(got.Err, "ix_rebuilt_unreadable")
	}
	segs := src.Segments()
	nF := len(src.Fields)
	count := len(got.Body) == len(want)
	shape := count
	for i := 0; shape && i < len(want); i++ {
		shape = got.Body[i].Kind == want[i]
	}
	var errs []error
	for j, target := range acc.Targets {
		s := acc.From[j]
		if j < nF {
			ok := false
			for _, g := range got.Fields {
				ok = ok || (g.Key == segs[j].Key && g.Text == target)
			}
			if !ok {
				errs = append(errs, unitError(s, 0, 0, clitext.Msg("ix_field_not_set", "Field", segs[j].Key)))
			}
			continue
		}
		k, ok := place[j]
		if !ok || !count {
			continue
		}
		if g := got.Body[k]; g.Kind != want[k] || g.Text != target {
			errs = append(errs, unitError(s, 0, 0, clitext.Msg("ix_reads_as", "Kind", kindText(segs[j].Kind, segs[j].Kind), "Got", kindText(g.Kind, g.Kind), "Text", strconv.Quote(clip(g.Text)))))
		}
	}
	if !shape && len(errs) == 0 {
		errs = append(errs, diag.Text(f.Path, 1, 1, "ix_structure", "Got", len(got.Body), "Want", len(want)))
	}
	return sortedJoin(errs)
}
