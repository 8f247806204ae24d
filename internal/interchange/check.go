package interchange

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/xliff"
	"github.com/yuin/goldmark/parser"
)

// Accepted holds the translations that came back for one article in one
// language, checked against its current source.
type Accepted struct {
	Article *track.ArticleStatus
	Lang    string
	Targets map[int]string    // index in the source's Segments() -> translated Markdown
	From    map[int]Submitted // where each target came from, for later errors
	// Units holds every unit of the article in the import, translated or
	// not, by the index of its segment: a segment with work to do that has
	// no unit was not in the export (the source changed since).
	Units map[int]Submitted
	// Warnings are positioned problems of the units that did not refuse
	// the import (Options.LinkWarnings, Options.DraftOnProblems).
	Warnings []error
	// Draft is set when a unit was taken with a problem
	// (Options.DraftOnProblems): the article is recorded as a draft.
	Draft bool
}

// maxProblems is how many problems Check describes; a hostile file can hold
// a quarter of a million bad units, and a person reads the first ones.
const maxProblems = 100

// source is what Check needs of an article's current source, worked out
// once per article rather than once per unit.
type source struct {
	format segment.Format // of the source's file
	refs   []parser.Reference
	byHash map[string][]int // the first 8 hex digits of a segment's hash -> its indices
}

func newSource(a *track.ArticleStatus) *source {
	src := a.SourceFile
	f := segment.FormatOf(src.Path)
	s := &source{format: f, refs: ReferencesAs(segment.Normalize(src.Doc.Body), f), byHash: map[string][]int{}}
	for i, seg := range src.Segments() {
		if len(seg.Hash) >= 8 {
			s.byHash[seg.Hash[:8]] = append(s.byHash[seg.Hash[:8]], i)
		}
	}
	return s
}

// Check is CheckWith with the zero Options.
func Check(arts []*track.ArticleStatus, langs []string, subs []Submitted) ([]*Accepted, error) {
	return CheckWith(arts, langs, subs, Options{})
}

// CheckWith matches submitted units with the current sources of arts.
// Every unit is checked, translated or not: its id must name a segment of
// a known article, and its source text must be that segment's current
// text. A translated unit must keep the source's markup and, with
// opts.Links, link where the source links (as ceviri check reads links). Any
// problem is reported at the unit's position and nothing is accepted;
// with opts.DraftOnProblems, a problem of markup or links is a warning
// instead and the article a draft. Units with an empty target are checked
// and then left out.
func CheckWith(arts []*track.ArticleStatus, langs []string, subs []Submitted, opts Options) ([]*Accepted, error) {
	byID := map[string]*track.ArticleStatus{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	known := map[string]bool{}
	for _, l := range langs {
		known[l] = true
	}
	type key struct{ id, lang string }
	acc := map[key]*Accepted{}
	seen := map[key]map[int]Submitted{}
	refCache := map[string][]Piece{}
	sources := map[string]*source{}
	var errs []error
	more := 0 // problems beyond maxProblems
	bad := func(s Submitted, line, col int, msg clitext.Text) {
		if len(errs) >= maxProblems {
			more++
			return
		}
		errs = append(errs, unitError(s, line, col, msg))
	}
	warnings := map[key][]error{}
	drafts := map[key]bool{}
	var k key // the article and language of the unit being checked
	// problem reports what the content rules find in a translation:
	// refused, or with opts.DraftOnProblems a warning on a draft; it
	// reports whether the unit is still taken.
	problem := func(s Submitted, line, col int, msg clitext.Text) bool {
		if !opts.DraftOnProblems {
			bad(s, line, col, msg)
			return false
		}
		warnings[k] = append(warnings[k], unitError(s, line, col, msg))
		drafts[k] = true
		return true
	}
	for _, s := range subs {
		article, slot, hash, err := ParseID(s.ID)
		if err != nil {
			if len(errs) >= maxProblems {
				more++
			} else {
				errs = append(errs, &diag.PosError{File: s.File, Line: s.Line, Col: s.Col, Err: err})
			}
			continue
		}
		a := byID[article]
		if a == nil || a.SourceFile == nil {
			bad(s, 0, 0, clitext.Msg("ix_unknown_article", "Article", strconv.Quote(article)))
			continue
		}
		src := a.SourceFile
		switch {
		case !known[s.Lang]:
			bad(s, 0, 0, clitext.Msg("ix_lang_unknown", "Lang", strconv.Quote(s.Lang), "Langs", fmt.Sprint(langs)))
			continue
		case s.Lang == src.Lang:
			bad(s, 0, 0, clitext.Msg("ix_lang_is_source", "Lang", strconv.Quote(s.Lang), "Article", strconv.Quote(article)))
			continue
		case s.SrcLang != "" && s.SrcLang != src.Lang:
			bad(s, 0, 0, clitext.Msg("ix_source_lang", "Lang", strconv.Quote(s.SrcLang), "Article", strconv.Quote(article), "SourceLang", strconv.Quote(src.Lang)))
			continue
		}
		segs := src.Segments()
		cs := sources[article]
		if cs == nil {
			cs = newSource(a)
			sources[article] = cs
		}
		j := find(segs, len(src.Fields), slot, hash, cs.byHash[hash])
		if j < 0 {
			if k := slotIndex(segs, len(src.Fields), slot); k >= 0 {
				bad(s, 0, 0, clitext.Msg("ix_source_changed", "Path", diag.EscapeLine(src.Path), "Line", segs[k].Line, "Text", strconv.Quote(clip(segs[k].Text))))
			} else {
				bad(s, 0, 0, clitext.Msg("ix_source_gone", "Path", diag.EscapeLine(src.Path)))
			}
			continue
		}
		cur := segs[j]
		if !cur.Translatable() {
			bad(s, 0, 0, clitext.Msg("ix_not_translatable", "Slot", diag.EscapeLine(slot), "Path", diag.EscapeLine(src.Path), "Kind", kindText(cur.Kind, cur.Kind)))
			continue
		}
		pieces, ok := refCache[s.ID]
		if !ok {
			pieces = SplitAs(cur.Text, cs.refs, cs.format)
			refCache[s.ID] = pieces
		}
		if !sameSource(s, cur.Text, pieces) {
			bad(s, 0, 0, clitext.Msg("ix_not_current_source", "Path", diag.EscapeLine(src.Path), "Line", cur.Line))
			continue
		}
		k = key{article, s.Lang}
		if prev, dup := seen[k][j]; dup {
			bad(s, 0, 0, clitext.Msg("ix_duplicate", "File", diag.EscapeLine(prev.File), "Line", prev.Line, "Col", prev.Col))
			continue
		}
		if seen[k] == nil {
			seen[k] = map[int]Submitted{}
		}
		seen[k][j] = s
		if msg, big := tooBig(s, cur.Text); big {
			bad(s, 0, 0, msg)
			continue
		}
		// With DraftOnProblems a unit gets one warning, for the first
		// problem found: a missing placeholder, then markup, then links.
		taken := len(warnings[k])
		target, ok := rebuildTarget(s, pieces, bad, problem)
		if !ok {
			continue
		}
		target = segment.Collapse(target)
		if target == "" {
			continue
		}
		var markup []clitext.Text
		if len(warnings[k]) == taken {
			markup = markupDiff(cur.Text, target, cs.refs, cs.format)
		}
		if d := markup; len(d) > 0 {
			hint := clitext.Msg("ix_hint_markup")
			if s.Markup {
				hint = clitext.Msg("ix_hint_placeholders")
			}
			if !problem(s, 0, 0, clitext.Msg("ix_markup", "Diff", list{d, "; "}, "Hint", hint)) {
				continue
			}
		}
		if opts.Links != nil && len(warnings[k]) == taken {
			d := opts.Links(article, src.Lang, s.Lang, LinksOf(cur.Text, cs.refs, cs.format), LinksOf(target, cs.refs, cs.format))
			msg := diag.EscapedLine(list{d, "; "}) // destinations as the file wrote them
			switch {
			case len(d) == 0:
			case opts.LinkWarnings:
				warnings[k] = append(warnings[k], unitError(s, 0, 0, clitext.Msg("ix_links_warning", "Links", msg)))
			default:
				if !problem(s, 0, 0, clitext.Msg("ix_links", "Links", msg)) {
					continue
				}
			}
		}
		if cur.Kind == segment.TableCell {
			target = escapePipes(target)
		}
		if acc[k] == nil {
			acc[k] = &Accepted{Article: a, Lang: s.Lang, Targets: map[int]string{}, From: map[int]Submitted{}, Units: seen[k]}
		}
		acc[k].Targets[j] = target
		acc[k].From[j] = s
	}
	if len(errs) > 0 {
		diag.Sort(errs)
		if more > 0 {
			errs = append(errs, clitext.NewError("ix_more_problems", "More", more, "Max", maxProblems))
		}
		return nil, errors.Join(errs...)
	}
	out := make([]*Accepted, 0, len(acc))
	for k, a := range acc {
		a.Warnings, a.Draft = warnings[k], drafts[k]
		diag.Sort(a.Warnings)
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Article.ID != out[j].Article.ID {
			return out[i].Article.ID < out[j].Article.ID
		}
		return out[i].Lang < out[j].Lang
	})
	return out, nil
}

// A translation is parsed as Markdown, and Markdown parsers take time
// quadratic in the length of some texts (goldmark: "[a](" repeated, 400 KB
// in minutes). A unit's translation is bounded by its source: at most four
// times as long plus 1 KiB, and at most twice its "[" plus 8.
const (
	targetFactor = 4
	targetSlack  = 1 << 10
)

// tooBig says why a unit's translation is larger than its source allows,
// if it is.
func tooBig(s Submitted, src string) (clitext.Text, bool) {
	n, brackets := 0, 0
	for _, p := range s.Target {
		if !p.Ph {
			n += len(p.Text)
			brackets += strings.Count(p.Text, "[")
		}
	}
	if limit := targetFactor*len(src) + targetSlack; n > limit {
		return clitext.Msg("ix_too_long", "Bytes", n, "SourceBytes", len(src), "Limit", limit), true
	}
	if limit := 2*strings.Count(src, "[") + 8; brackets > limit {
		return clitext.Msg("ix_too_many_brackets", "Brackets", brackets, "SourceBrackets", strings.Count(src, "["), "Limit", limit), true
	}
	return clitext.Text{}, false
}

// find returns the index of the segment a unit names, or -1. A segment that
// moved keeps its hash, so a unique match elsewhere of the same sort (field
// or body) is accepted; same holds the indices of the segments whose hash
// starts with hash.
func find(segs []segment.Segment, nFields int, slot, hash string, same []int) int {
	j := slotIndex(segs, nFields, slot)
	if j >= 0 && strings.HasPrefix(segs[j].Hash, hash) {
		return j
	}
	body := j >= nFields || (j < 0 && strings.HasPrefix(slot, "b"))
	match := -1
	for _, i := range same {
		if s := segs[i]; strings.HasPrefix(s.Hash, hash) && (i >= nFields) == body {
			if match >= 0 {
				return -1
			}
			match = i
		}
	}
	return match
}

// slotIndex returns the index of the segment in a slot ("title", "b3"), or
// -1 when the source has no such slot.
func slotIndex(segs []segment.Segment, nFields int, slot string) int {
	for i := 0; i < nFields; i++ {
		if segs[i].Key == slot {
			return i
		}
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(slot, "b")); err == nil && strings.HasPrefix(slot, "b") && n >= 0 && nFields+n < len(segs) {
		return nFields + n
	}
	return -1
}

// clip shortens a text for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

// sameSource reports whether a unit's source is the current segment text:
// as written, or (XLIFF) with its placeholders standing for the current
// source's markup of the same id.
func sameSource(s Submitted, cur string, pieces []Piece) bool {
	if segment.Collapse(s.Source) == cur {
		return true
	}
	if !s.Markup {
		return false
	}
	// XLIFF cannot carry most control characters: export wrote U+FFFD.
	cur = xliff.Clean(cur)
	if segment.Collapse(s.Source) == cur {
		return true
	}
	if len(s.SourceParts) == 0 {
		return false
	}
	native := map[string]string{}
	for _, p := range pieces {
		if p.Code {
			native[strconv.Itoa(p.ID)] = p.Text
		}
	}
	var b strings.Builder
	for _, p := range s.SourceParts {
		if !p.Ph {
			b.WriteString(p.Text)
			continue
		}
		n, ok := native[p.ID]
		if !ok {
			return false
		}
		b.WriteString(n)
	}
	return xliff.Clean(segment.Collapse(b.String())) == cur
}

// rebuildTarget turns a target's pieces into Markdown: placeholders take
// the source's markup with the same id. Every placeholder of the source
// must be there exactly once and no other, so that links, code and emphasis
// survive. A translator may type a placeholder's markup as text instead:
// then each kind of markup (its text: "[", "](https://...)", "**") must be
// there, as placeholders and typed, at least as many times as the source
// has it; one of two "[" missing is not made up by the other.
//
// A link's or image's closing markup ("](https://en.wikipedia.org/...)")
// typed as text with another destination stands in for its placeholder
// too, as often as "](" is typed: a CAT tool offers a localized link that
// way (export --all writes a translation's own markup as text), and
// CheckWith then compares the rebuilt link's destination as ceviri check
// does. A missing placeholder is reported through problem: the content
// rules' kind of problem, which --draft-on-problems takes.
func rebuildTarget(s Submitted, src []Piece, bad func(Submitted, int, int, clitext.Text), problem func(Submitted, int, int, clitext.Text) bool) (string, bool) {
	native := map[string]string{}
	for _, p := range src {
		if p.Code {
			native[strconv.Itoa(p.ID)] = p.Text
		}
	}
	var b, typed strings.Builder // the Markdown, and the text typed around placeholders
	used := map[string]bool{}
	ok := true
	for _, p := range s.Target {
		if !p.Ph {
			b.WriteString(p.Text)
			typed.WriteString(p.Text)
			typed.WriteByte(0) // a placeholder's markup cannot be typed across one
			continue
		}
		n, known := native[p.ID]
		switch {
		case !known:
			bad(s, p.Line, p.Col, clitext.Msg("ix_ph_unknown", "ID", strconv.Quote(p.ID)))
			ok = false
		case used[p.ID]:
			bad(s, p.Line, p.Col, clitext.Msg("ix_ph_twice", "ID", strconv.Quote(p.ID)))
			ok = false
		}
		used[p.ID] = true
		b.WriteString(n)
	}
	if !s.Markup || strings.TrimSpace(b.String()) == "" {
		return b.String(), ok // no placeholders to check (PO), or untranslated
	}
	// Per kind of markup: the source's ids of it, in order.
	var kinds []string
	ids := map[string][]int{}
	for _, p := range src {
		if p.Code {
			if ids[p.Text] == nil {
				kinds = append(kinds, p.Text)
			}
			ids[p.Text] = append(ids[p.Text], p.ID)
		}
	}
	var missing []string
	var short []clitext.Text
	closers := strings.Count(typed.String(), "](") // typed closing markup of links and images
	for _, kind := range kinds {
		var unused []string
		for _, id := range ids[kind] {
			if !used[strconv.Itoa(id)] {
				unused = append(unused, strconv.Itoa(id)+" ("+kind+")")
			}
		}
		if len(unused) == 0 {
			continue
		}
		n := strings.Count(typed.String(), kind)
		if n >= len(unused) {
			continue // typed as text, as many times as the placeholders left out
		}
		if strings.Contains(kind, "](") && closers >= len(unused)-n {
			closers -= len(unused) - n
			continue // a link or image with its destination typed: compared later
		}
		missing = append(missing, unused...)
		if n > 0 {
			short = append(short, clitext.Msg("ix_ph_short", "Markup", strconv.Quote(kind), "Source", timesText(len(ids[kind])), "Target", timesText(len(ids[kind])-len(unused)+n)))
		}
	}
	if len(missing) > 0 {
		msg := clitext.Msg("ix_ph_missing", "IDs", strings.Join(missing, ", "))
		if len(short) > 0 {
			msg = clitext.Msg("ix_ph_missing_short", "IDs", strings.Join(missing, ", "), "Short", list{short, "; "})
		}
		if !problem(s, 0, 0, msg) {
			ok = false
		}
	}
	return b.String(), ok
}

// escapePipes escapes "|" in the text of a table cell, which would end the
// cell.
func escapePipes(target string) string {
	var b strings.Builder
	for i := 0; i < len(target); i++ {
		c := target[i]
		if c == '\\' && i+1 < len(target) {
			b.WriteByte(c)
			b.WriteByte(target[i+1])
			i++
			continue
		}
		if c == '|' {
			b.WriteString(`\|`)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
