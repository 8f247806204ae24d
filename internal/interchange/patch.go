package interchange

import (
	"bytes"
	"sort"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
)

// patch edits the translation's body in place, or returns nil when it
// cannot. Every source segment with work to do (translated by the import,
// pending, changed or added) must either have its segment in the
// translation, in the source's order, or be a block that can be inserted
// before the translated segment of the next source segment (a paragraph,
// ATX heading, list item, quote paragraph or code block, copied from the
// source with the translation in it). Translated segments whose source
// segment was removed are deleted with their lines. Every other byte stays
// as it was: the translator's wrapping, extra paragraphs and comments. A
// segment the translation left out when it was made, and that did not
// change since, stays left out.
func (rb *rebuild) patch() *bodyPlan {
	al, segs, nF, tr := rb.al, rb.segs, rb.nF, rb.tr
	if al.moved {
		return nil
	}
	for k := range al.removed {
		if !deletable(rb.trBody, tr.Body[k]) {
			return nil
		}
	}
	at := placeChanged(al.links, nF)
	plan := &bodyPlan{place: map[int]int{}}
	var edits []edit
	before := map[int][]int{} // translation index -> source segments inserted before it
	after := map[int][]int{}  // translation index -> list items inserted after it
	var atEnd []int           // source segments appended at the end
	var pendingInserts []int  // inserted segments waiting for the next placed one
	last, lastJ := -1, -1
	// flush anchors a run of inserted segments: list items that follow a
	// translated list item go right after it, the rest before the next
	// translated segment (or, returned, at the end).
	flush := func(next int) []int {
		if len(pendingInserts) == 0 {
			return nil
		}
		run := pendingInserts
		pendingInserts = nil
		if lastJ >= 0 && segs[run[0]].Kind == segment.ListItem && segs[lastJ].Kind == segment.ListItem && tr.Body[at[lastJ]].Kind == segment.ListItem {
			n := 0
			for n < len(run) && segs[run[n]].Kind == segment.ListItem {
				n++
			}
			after[at[lastJ]] = run[:n]
			run = run[n:]
		}
		if next >= 0 && len(run) > 0 {
			before[next] = run
			return nil
		}
		return run
	}
	for j := nF; j < len(segs); j++ {
		l := al.links[j]
		_, translated := rb.acc.Targets[j]
		if at[j] < 0 {
			if !translated && !l.pending && l.op != track.Changed && l.op != track.Added {
				continue // left out of the translation, and unchanged
			}
			if !insertable(rb.srcBody, segs[j]) {
				return nil
			}
			pendingInserts = append(pendingInserts, j)
			continue
		}
		if at[j] <= last {
			return nil
		}
		flush(at[j])
		last, lastJ = at[j], j
		t := tr.Body[at[j]]
		switch {
		case translated:
			if target := rb.acc.Targets[j]; target != t.Text {
				edits = append(edits, edit{t.Start, t.End, target})
				plan.applied++
			}
		case !segs[j].Translatable():
			if l.op == track.Changed {
				edits = append(edits, edit{t.Start, t.End, string(rb.srcBody[segs[j].Start:segs[j].End])})
			}
		case l.pending:
			plan.left++
		}
	}
	atEnd = flush(-1)
	for k, js := range before {
		pos := blockStart(rb.trBody, tr.Body[k])
		for _, j := range js {
			edits = append(edits, edit{pos, pos, rb.block(j, false)})
		}
	}
	for k, js := range after {
		pos := lineEnd(rb.trBody, tr.Body[k].End)
		text := ""
		if pos == len(rb.trBody) && (pos == 0 || rb.trBody[pos-1] != '\n') {
			text = "\n"
		}
		for _, j := range js {
			text += rb.block(j, true)
		}
		edits = append(edits, edit{pos, pos, text})
	}
	if len(atEnd) > 0 {
		pos := len(rb.trBody)
		sep := ""
		if pos > 0 && rb.trBody[pos-1] != '\n' {
			sep = "\n"
		}
		sep += "\n"
		for i, j := range atEnd {
			text := rb.block(j, false)
			if i == 0 {
				text = sep + text
			}
			edits = append(edits, edit{pos, pos, text})
		}
	}
	for _, j := range append(append(append([]int{}, atEnd...), flatten(before)...), flatten(after)...) {
		if _, ok := rb.acc.Targets[j]; ok {
			plan.applied++
		} else if segs[j].Translatable() {
			plan.left++
		}
	}
	for k := range al.removed {
		edits = append(edits, deletion(rb.trBody, tr.Body[k]))
	}
	plan.body = splice(rb.trBody, edits)
	// The segments the result must have, in order.
	newIndex := map[int]int{}
	for k, t := range tr.Body {
		for _, j := range before[k] {
			plan.place[j] = len(plan.want)
			plan.want = append(plan.want, segs[j].Kind)
		}
		if !al.removed[k] {
			newIndex[k] = len(plan.want)
			plan.want = append(plan.want, t.Kind)
		}
		for _, j := range after[k] {
			plan.place[j] = len(plan.want)
			plan.want = append(plan.want, segs[j].Kind)
		}
	}
	for _, j := range atEnd {
		plan.place[j] = len(plan.want)
		plan.want = append(plan.want, segs[j].Kind)
	}
	for j := range rb.acc.Targets {
		if j >= nF && at[j] >= 0 {
			plan.place[j] = newIndex[at[j]]
		}
	}
	return plan
}

func flatten(m map[int][]int) []int {
	var out []int
	for _, js := range m {
		out = append(out, js...)
	}
	return out
}

// block returns the source's lines for segment j, from the start of its
// block to the start of the next segment's (with own, to the end of its own
// last line), with the translation (or, when there is none, the source's
// text) in it.
func (rb *rebuild) block(j int, own bool) string {
	s := rb.segs[j]
	start := blockStart(rb.srcBody, s)
	end := len(rb.srcBody)
	if own {
		end = lineEnd(rb.srcBody, s.End)
	} else if j+1 < len(rb.segs) {
		end = blockStart(rb.srcBody, rb.segs[j+1])
	}
	if end < s.End {
		end = s.End
	}
	text := string(rb.srcBody[s.Start:s.End])
	if target, ok := rb.acc.Targets[j]; ok {
		text = target
	}
	out := string(rb.srcBody[start:s.Start]) + text + string(rb.srcBody[s.End:end])
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out += "\n"
	}
	return out
}

// insertable reports whether a source segment can be inserted as a block
// of its own lines.
func insertable(body []byte, s segment.Segment) bool {
	switch s.Kind {
	case segment.Paragraph, segment.ListItem, segment.Quote, segment.Code:
		return s.End > s.Start
	case segment.Heading:
		return bytes.Contains(body[lineStart(body, s.Start):s.Start], []byte("#"))
	}
	return false
}

// deletable reports whether a translated segment is a block of whole lines
// that can go.
func deletable(body []byte, s segment.Segment) bool {
	switch s.Kind {
	case segment.Paragraph, segment.ListItem, segment.Quote, segment.Footnote:
		return true
	case segment.Heading:
		// An ATX heading; a setext heading's underline would stay.
		return bytes.Contains(body[lineStart(body, s.Start):s.Start], []byte("#"))
	}
	return false
}

// blockStart returns where a segment's block starts: the start of its first
// line, or of the opening fence of a fenced code block.
func blockStart(body []byte, s segment.Segment) int {
	ls := lineStart(body, s.Start)
	if s.Kind == segment.Code && ls > 0 {
		prev := lineStart(body, ls-1)
		l := bytes.TrimSpace(body[prev:ls])
		if bytes.HasPrefix(l, []byte("```")) || bytes.HasPrefix(l, []byte("~~~")) {
			return prev
		}
	}
	return ls
}

// placeChanged returns where each source body segment goes in the
// translation: its translated segment, except that within a run of changed
// (and added) segments the translated segments of the changed ones are
// taken in the order they stand in the translation. The comparison pairs a
// changed segment with the old one it resembles most, which may cross; its
// text is replaced anyway, so only the order matters.
func placeChanged(links []link, nF int) []int {
	at := make([]int, len(links))
	for j, l := range links {
		at[j] = l.trBody
	}
	for j := nF; j < len(links); {
		if links[j].op != track.Changed && links[j].op != track.Added {
			j++
			continue
		}
		var js, ks []int
		k := j
		for ; k < len(links) && (links[k].op == track.Changed || links[k].op == track.Added); k++ {
			if links[k].op == track.Changed && links[k].trBody >= 0 {
				js = append(js, k)
				ks = append(ks, links[k].trBody)
			}
		}
		sort.Ints(ks)
		for i, jj := range js {
			at[jj] = ks[i]
		}
		j = k
	}
	return at
}

// deletion removes a segment's lines, and a blank line after them when one
// comes before, so that blocks stay one blank line apart.
func deletion(body []byte, s segment.Segment) edit {
	start, end := lineStart(body, s.Start), s.End
	if i := bytes.IndexByte(body[end:], '\n'); i >= 0 {
		end += i + 1
	} else {
		end = len(body)
	}
	if start >= 2 && body[start-1] == '\n' && body[start-2] == '\n' && end < len(body) && body[end] == '\n' {
		end++
	}
	return edit{start, end, ""}
}

// lineEnd returns the offset just after the newline ending the line that
// holds off (the end of b when the last line has none).
func lineEnd(b []byte, off int) int {
	if i := bytes.IndexByte(b[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(b)
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(b []byte, off int) int {
	return bytes.LastIndexByte(b[:off], '\n') + 1
}

// edit replaces body[start:end] with text; start == end inserts.
type edit struct {
	start, end int
	text       string
}

// splice applies edits to b in order of position (insertions at one place
// in the order given, before a replacement starting there); overlapping
// edits are skipped.
func splice(b []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].start == edits[i].end && edits[j].start != edits[j].end
	})
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		if e.start < pos || e.end > len(b) || e.start > e.end {
			continue
		}
		out.Write(b[pos:e.start])
		out.WriteString(e.text)
		pos = e.end
	}
	out.Write(b[pos:])
	return out.Bytes()
}
