package interchange

import (
	"fmt"

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
		return fmt.Errorf("rebuilt translation does not parse: %w", got.Err)
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
				errs = append(errs, diag.Errorf(s.File, s.Line, s.Col, "unit %q: field %s could not be set", s.ID, segs[j].Key))
			}
			continue
		}
		k, ok := place[j]
		if !ok || !count {
			continue
		}
		if g := got.Body[k]; g.Kind != want[k] || g.Text != target {
			errs = append(errs, diag.Errorf(s.File, s.Line, s.Col, "unit %q: in Markdown the translation does not stay one %s (it reads as a %s: %q); rephrase its start or escape it with a backslash", s.ID, segs[j].Kind, g.Kind, clip(g.Text)))
		}
	}
	if !shape && len(errs) == 0 {
		errs = append(errs, diag.Errorf(f.Path, 1, 1, "rebuilding the translation would change its structure (%d segments instead of %d); an imported segment reads as Markdown structure (a line starting with \"#\", \"- \" or \"1. \", a blank line): check the units of this article", len(got.Body), len(want)))
	}
	return sortedJoin(errs)
}
