package check

import "github.com/ceviri/ceviri/internal/sequence"

// maxStructure is the most structure findings one translation gets; past
// it one more finding says how many differences were left out, since a
// translation restructured throughout needs a reader, not a list.
const maxStructure = 5

// structure compares the top-level blocks of the source and the
// translation: headings and their levels, paragraphs, lists and their items,
// tables and their shape, code blocks, quotes and footnotes.
func (c *comparison) structure() {
	sb, tb := c.src.md.blocks, c.tr.md.blocks
	sl, tl := make([]string, len(sb)), make([]string, len(tb))
	for i, b := range sb {
		sl[i] = b.kind
	}
	for j, b := range tb {
		tl[j] = b.kind
	}
	pair := sequence.Pairs(sl, tl)
	paired := make([]bool, len(tb))
	var found []Finding
	note := func(line int, id string, pairs ...any) {
		found = append(found, c.f.at(Structure, line, id, pairs...))
	}
	// trAt is where a source block without a partner would be.
	trAt := func(i int) int {
		for k := i; k >= 0; k-- {
			if pair[k] >= 0 {
				return tb[pair[k]].line
			}
		}
		return c.tr.Doc.BodyLine
	}
	next := 0 // the next translation block not yet reported
	for i, j := range pair {
		if j < 0 {
			note(trAt(i), "check_structure_lacks", "Block", describe(sb[i]), "Line", sb[i].line)
			continue
		}
		for ; next < j; next++ {
			if !paired[next] {
				note(tb[next].line, "check_structure_added", "Block", describe(tb[next]), "Source", c.srcName)
			}
		}
		paired[j] = true
		next = j + 1
		s, t := sb[i], tb[j]
		if s.level != t.level || s.ordered != t.ordered || s.n != t.n || s.rows != t.rows || s.cols != t.cols {
			note(t.line, "check_structure_differs", "SourceBlock", describe(s), "Line", s.line, "Block", describe(t))
		}
	}
	for ; next < len(tb); next++ {
		if !paired[next] {
			note(tb[next].line, "check_structure_added", "Block", describe(tb[next]), "Source", c.srcName)
		}
	}
	if len(found) > maxStructure {
		rest := len(found) - maxStructure
		found = append(found[:maxStructure], c.f.at(Structure, found[maxStructure].Line,
			"check_structure_more", "N", rest, "Source", c.srcName))
	}
	c.out = append(c.out, found...)
}
