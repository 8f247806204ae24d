package check

import (
	"fmt"

	"github.com/ceviri/ceviri/internal/config"
)

// LinkDest is a link or image destination of one segment, for LinkDiff.
type LinkDest struct {
	Image bool
	Dest  string
}

// LinkDiff compares the link and image destinations of a translated
// segment (in language trLang) with those of its source segment (srcLang)
// as the links rule does: check.paths, the localized readings of
// linkKeys and check.equivalent_links apply, a fragment alone is not
// compared, and a destination the translation gives more often than the
// source is no difference. It describes each difference, or returns nil.
// id is the article's id, for relative links under check.paths. import
// calls it on every translated unit, so that a unit is refused for what
// ceviri check would report.
func LinkDiff(cfg *config.Config, id, srcLang, trLang string, src, tr []LinkDest) []string {
	lk := newLinkKeyer(cfg, id)
	var paths map[string]string
	if cfg != nil {
		paths = cfg.Check.Paths
	}
	mk := func(ls []LinkDest, lang string) []item {
		var out []item
		for i, l := range ls {
			kind := "link"
			if l.Image {
				kind = "image"
			}
			if keys := lk.keys(kind, l.Dest, lang, paths[lang]); keys != nil {
				out = append(out, item{keys: keys, show: l.Dest, seg: 0, line: i})
			}
		}
		return out
	}
	var out []string
	for _, d := range linkDiffs(mk(src, srcLang), mk(tr, trLang), []int{0}) {
		switch {
		case d.src != nil && d.tr != nil:
			out = append(out, fmt.Sprintf("%s to %s in the source is %s in the translation%s", kindOf(d.src), d.src.show, d.tr.show, whatDiffers(d.src.show, d.tr.show)))
		case d.src != nil:
			out = append(out, fmt.Sprintf("the source's %s to %s is not in the translation", kindOf(d.src), d.src.show))
		default:
			out = append(out, fmt.Sprintf("%s to %s is not in the source", kindOf(d.tr), d.tr.show))
		}
	}
	return out
}
