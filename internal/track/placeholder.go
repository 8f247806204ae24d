package track

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
)

// placeholder reports whether translation v of source src is a placeholder,
// not a translation (docs/front-matter.md, "Placeholders"): it carries the
// configured marker field (placeholder.field in ceviri.yaml) set to a value
// markerSet counts, or its body is empty (nothing but white space after the
// front matter) while the source's is not (a Hugo section page, _index.md,
// may have no body in any language). A placeholder is Missing, whatever its
// translation record says.
//
// It decides from what parsing kept. A version parsed for states only
// (project.Project.StatesOnly) keeps no Doc, a translation with a record
// that is not a draft no segments either, and one from the status cache
// neither: what is not known of them counts as no placeholder. (Issue 12:
// project.Version is to carry both facts from parsing, so that status
// decides as every other command does.)
//
// It returns why ("untranslated: 1 marks it", "its body is empty") and the
// line to point at (the marker's, or the first of the body), or "" when v is
// no placeholder.
func placeholder(cfg *config.Config, src, v *project.Version) (why string, line int) {
	if v.Doc != nil && cfg.Placeholder.Field != "" {
		if f, ok := v.Doc.Get(cfg.Placeholder.Field); ok && markerSet(f.Value) {
			return fmt.Sprintf("%s: %s marks it", f.Key.Value, f.Value.Inline()), f.Key.Line
		}
	}
	if empty, known := emptyBody(v); !empty || !known {
		return "", 0
	}
	if empty, known := emptyBody(src); !known || empty {
		return "", 0
	}
	line = 1
	if v.Doc != nil {
		line = v.Doc.BodyLine
	}
	return "its body is empty", line
}

// emptyBody reports whether v's body is nothing but white space, and
// whether that is known (see placeholder).
func emptyBody(v *project.Version) (empty, known bool) {
	switch {
	case len(v.Body) > 0:
		return false, true
	case v.Doc != nil:
		return len(bytes.TrimSpace(v.Doc.Body)) == 0, true
	case v.Fingerprint != "" && hasSegments(v):
		// Segmented, without its Doc: no segment is an empty body.
		return true, true
	}
	return false, false
}

// markerSet reports whether a placeholder marker's value marks a
// placeholder: anything but false, 0, no, null or an empty value (text of
// white space, an empty list or map). Case does not matter ("False", "NO").
func markerSet(n *frontmatter.Node) bool {
	if n.Blank() {
		return false
	}
	if n.Kind != frontmatter.Scalar {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "false", "0", "no":
		return false
	}
	return true
}
