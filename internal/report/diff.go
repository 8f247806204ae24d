package report

import (
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
)

// entries renders a stale cell's diff as ceviri diff does: a header per
// change, the text with the changed words marked, and what to do in the
// translation.
func entries(lang string, t map[string]string, c *Cell) []entryView {
	var out []entryView
	for _, d := range c.Diff {
		e := entryView{}
		kind := kindName(lang, d.Kind)
		switch d.Op {
		case track.Removed:
			e.Header = fmt.Sprintf("%s %s %s ("+t["at_line"]+")", t["op_removed"], kind, d.Segment, d.OldLine)
			e.Spans = []spanView{{Op: "del", Text: d.Old}}
		case track.Added:
			e.Header = fmt.Sprintf("%s %s %s ("+t["at_line"]+")", t["op_added"], kind, d.Segment, d.NewLine)
			e.Spans = []spanView{{Op: "ins", Text: d.New}}
		case track.Moved:
			e.Header = fmt.Sprintf("%s %s %s ("+t["at_moved"]+")", t["op_moved"], kind, d.Segment, d.NewLine, d.OldLine)
			e.Spans = []spanView{{Text: d.New}}
		default:
			e.Header = fmt.Sprintf("%s %s %s ("+t["at_line"]+")", t["op_changed"], kind, d.Segment, d.NewLine)
			for _, s := range d.Diff {
				op := ""
				switch s.Op {
				case wordiff.Delete:
					op = "del"
				case wordiff.Insert:
					op = "ins"
				}
				e.Spans = append(e.Spans, spanView{Op: op, Text: s.Text})
			}
		}
		e.TrPrefix, e.Translation = translationText(t, c.Path, d)
		out = append(out, e)
	}
	return out
}

// translationText says what to do in the translation for a change, as
// ceviri diff does: a prefix naming the place, and the translation's text.
func translationText(t map[string]string, path string, d *track.DiffEntry) (string, string) {
	switch {
	case d.Translation != "" && d.Op == track.Removed:
		return fmt.Sprintf(t["tr_remove"], path, d.TranslationLine), d.Translation
	case d.Translation != "" && d.Op == track.Moved:
		return fmt.Sprintf(t["tr_move"], path, d.TranslationLine), d.Translation
	case d.Translation != "":
		return fmt.Sprintf(t["tr_edit"], path, d.TranslationLine), d.Translation
	case d.InsertAfterLine > 0:
		return fmt.Sprintf(t["tr_insert"], path, d.InsertAfterLine), ""
	case d.Kind == segment.Field && d.Op != track.Removed:
		name, _, _ := strings.Cut(d.Segment, ".")
		return fmt.Sprintf(t["tr_field"], path, name), ""
	case d.Op == track.Added:
		return fmt.Sprintf(t["tr_added"], path), ""
	default:
		return fmt.Sprintf(t["tr_none"], path), ""
	}
}
