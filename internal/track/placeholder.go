package track

import (
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/project"
)

// placeholder reports whether translation v of source src is a placeholder,
// not a translation (docs/front-matter.md, "Placeholders"): it carries the
// configured marker field (placeholder.field in ceviri.yaml) set to anything
// but false, 0, no, off or nothing (project.Version.Marker), or its body is
// empty (nothing but white space after the front matter) while the
// source's is not: a Hugo section page (_index.md) may have no body in any
// language. A placeholder is Missing, whatever its translation record says.
//
// It returns why ("untranslated: 1 marks it", "its body is empty", in
// ceviri's words) and the line to point at (the marker's, or the first of
// the body), or a Text without an id when v is no placeholder. Parsing keeps both facts in every mode and the status
// cache keeps them, so every command decides alike.
func placeholder(src, v *project.Version) (why clitext.Text, line int) {
	switch {
	case v.Marker != "":
		return clitext.Msg("track_placeholder_marker", "Marker", v.Marker), max(v.MarkerLine, 1)
	case v.EmptyBody && !src.EmptyBody:
		line = 1
		if v.Doc != nil {
			line = v.Doc.BodyLine
		}
		return clitext.Msg("track_placeholder_empty"), line
	}
	return clitext.Text{}, 0
}
