package interchange

import (
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
)

// Accepted holds the translations that came back for one article in one
// language, checked against its current source.
type Accepted struct {
	Article *track.Article
	Lang    string
	Targets map[int]string    // index in the source's Segments() -> translated Markdown
	From    map[int]Submitted // where each target came from, for later errors
}

// Check matches submitted units with the current sources of arts. Every
// unit is checked, translated or not: its id must name a segment of a known
// article, and its source text must be that segment's current text. Any
// problem is reported at the unit's position and nothing is accepted.
// Units with an empty target are checked and then left out.
func Check(arts []*track.Article, langs []string, subs []Submitted) ([]*Accepted, error) {
	byID := map[string]*track.Article{}
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
	var errs []error
	bad := func(s Submitted, line, col int, format string, args ...any) {
		if line == 0 {
			line, col = s.Line, s.Col
		}
		errs = append(errs, diag.Errorf(s.File, line, col, "unit %q: "+format, append([]any{s.ID}, args...)...))
	}
	for _, s := range subs {
		article, slot, hash, err := ParseID(s.ID)
		if err != nil {
			errs = append(errs, diag.Errorf(s.File, s.Line, s.Col, "%v", err))
			continue
		}
		a := byID[article]
		if a == nil || a.SourceFile == nil {
			bad(s, 0, 0, "unknown article %q (no source version of it in this project)", article)
			continue
		}
		src := a.SourceFile
		switch {
		case !known[s.Lang]:
			bad(s, 0, 0, "target language %q is not one of the project's languages %v", s.Lang, langs)
			continue
		case s.Lang == src.Lang:
			bad(s, 0, 0, "target language %q is the source language of %q", s.Lang, article)
			continue
		case s.SrcLang != "" && s.SrcLang != src.Lang:
			bad(s, 0, 0, "source language %q, but the source of %q is in %q", s.SrcLang, article, src.Lang)
			continue
		}
		segs := src.Segments()
		j := find(segs, len(src.Fields), slot, hash)
		if j < 0 {
			if k := slotIndex(segs, len(src.Fields), slot); k >= 0 {
				bad(s, 0, 0, "the source changed since the export: %s:%d now reads %q; export again", src.Path, segs[k].Line, clip(segs[k].Text))
			} else {
				bad(s, 0, 0, "the source changed since the export: %s no longer has this segment; export again", src.Path)
			}
			continue
		}
		cur := segs[j]
		if !cur.Translatable() {
			bad(s, 0, 0, "segment %s of %s is %s, which is not translated", slot, src.Path, cur.Kind)
			continue
		}
		pieces, ok := refCache[s.ID]
		if !ok {
			pieces = Split(cur.Text, References(segment.Normalize(src.Doc.Body)))
			refCache[s.ID] = pieces
		}
		if !sameSource(s, cur.Text, pieces) {
			bad(s, 0, 0, "the unit's source text is not the current source of %s:%d; export again", src.Path, cur.Line)
			continue
		}
		k := key{article, s.Lang}
		if prev, dup := seen[k][j]; dup {
			bad(s, 0, 0, "also imported at %s:%d:%d", prev.File, prev.Line, prev.Col)
			continue
		}
		if seen[k] == nil {
			seen[k] = map[int]Submitted{}
		}
		seen[k][j] = s
		target, ok := rebuildTarget(s, pieces, bad)
		if !ok {
			continue
		}
		target = segment.Collapse(target)
		if target == "" {
			continue
		}
		if cur.Kind == segment.TableCell {
			target = escapePipes(target)
		}
		if acc[k] == nil {
			acc[k] = &Accepted{Article: a, Lang: s.Lang, Targets: map[int]string{}, From: map[int]Submitted{}}
		}
		acc[k].Targets[j] = target
		acc[k].From[j] = s
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}
	out := make([]*Accepted, 0, len(acc))
	for _, a := range acc {
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

// find returns the index of the segment a unit names, or -1. A segment that
// moved keeps its hash, so a unique match elsewhere of the same sort (field
// or body) is accepted.
func find(segs []segment.Segment, nFields int, slot, hash string) int {
	j := slotIndex(segs, nFields, slot)
	if j >= 0 && strings.HasPrefix(segs[j].Hash, hash) {
		return j
	}
	body := j >= nFields || (j < 0 && strings.HasPrefix(slot, "b"))
	match := -1
	for i, s := range segs {
		if strings.HasPrefix(s.Hash, hash) && (i >= nFields) == body {
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
	if !s.Markup || len(s.SourceParts) == 0 {
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
	return segment.Collapse(b.String()) == cur
}

// rebuildTarget turns a target's pieces into Markdown: placeholders take
// the source's markup with the same id. Every placeholder of the source
// must be there exactly once, so that links, code and emphasis survive.
func rebuildTarget(s Submitted, src []Piece, bad func(Submitted, int, int, string, ...any)) (string, bool) {
	native := map[string]string{}
	for _, p := range src {
		if p.Code {
			native[strconv.Itoa(p.ID)] = p.Text
		}
	}
	var b strings.Builder
	used := map[string]bool{}
	ok := true
	hasText := false
	for _, p := range s.Target {
		if !p.Ph {
			b.WriteString(p.Text)
			if strings.TrimSpace(p.Text) != "" {
				hasText = true
			}
			continue
		}
		n, known := native[p.ID]
		switch {
		case !known:
			bad(s, p.Line, p.Col, "placeholder id %q is not in the source", p.ID)
			ok = false
		case used[p.ID]:
			bad(s, p.Line, p.Col, "placeholder id %q appears twice", p.ID)
			ok = false
		}
		used[p.ID] = true
		b.WriteString(n)
	}
	if s.Markup && hasText {
		// A placeholder may be missing only if its markup was typed as text.
		text := b.String()
		var missing []string
		for _, p := range src {
			if p.Code && !used[strconv.Itoa(p.ID)] && !strings.Contains(text, p.Text) {
				missing = append(missing, strconv.Itoa(p.ID)+" ("+p.Text+")")
			}
		}
		if len(missing) > 0 {
			bad(s, 0, 0, "the target lacks placeholder(s) %s of the source", strings.Join(missing, ", "))
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
