package check

import (
	"github.com/ceviri/ceviri/internal/clitext"
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
	var out []string
	for _, t := range LinkDiffText(cfg, id, srcLang, trLang, src, tr) {
		out = append(out, english(t))
	}
	return out
}

// LinkDiffText is LinkDiff with each difference as a message, which the
// command line can write in the reader's language.
func LinkDiffText(cfg *config.Config, id, srcLang, trLang string, src, tr []LinkDest) []clitext.Text {
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
	var out []clitext.Text
	for _, d := range linkDiffs(mk(src, srcLang), mk(tr, trLang), []int{0}) {
		switch {
		case d.src != nil && d.tr != nil:
			out = append(out, clitext.Msg("check_unit_link_differs", "Kind", kindText(d.src), "SourceLink", d.src.show, "Link", d.tr.show, "How", whatDiffersText(d.src.show, d.tr.show)))
		case d.src != nil:
			out = append(out, clitext.Msg("check_unit_link_lacks", "Kind", kindText(d.src), "Link", d.src.show))
		default:
			out = append(out, clitext.Msg("check_unit_link_added", "Kind", kindText(d.tr), "Link", d.tr.show))
		}
	}
	return out
}
