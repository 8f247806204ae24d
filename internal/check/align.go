package check

import (
	"sort"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/sequence"
)

// pairBlocks pairs the body segments of a source and a translation: the longest
// common subsequence of their kinds (and heading levels), so one paragraph
// added or dropped does not shift every pair after it. pair[i] is the index
// of the translation segment paired with source segment i, or -1.
func pairBlocks(src, tr []segment.Segment) []int {
	return sequence.Pairs(labels(src), labels(tr))
}

func labels(segs []segment.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = label(s)
	}
	return out
}

func label(s segment.Segment) string {
	if s.Kind == segment.Heading {
		return s.Kind + s.Key
	}
	return s.Kind
}

// segAt returns the index of the segment that holds file line l: the last
// segment starting at or before it; -1 before the first.
func segAt(segs []segment.Segment, l int) int {
	return sort.Search(len(segs), func(i int) bool { return segs[i].Line > l }) - 1
}

// item is something that must be the same in the source and the translation
// (a number, a link, a code span), in the segment that holds it.
type item struct {
	keys []string // the readings that count as the same; equal when any is shared
	show string   // as written, for messages
	seg  int      // index of its segment, -1 when outside every segment
	line int      // file line
	soft bool     // not reported when it has no partner (a date's month)
}

func (a item) same(b item) bool {
	for _, x := range a.keys {
		for _, y := range b.keys {
			if x == y {
				return true
			}
		}
	}
	return false
}

// unmatched removes the items of a and b that have an equal item on the
// other side and returns the rest of each. Each item of a takes the first
// unused item of b that shares a reading with it, found through an index of
// b's readings, so long lists cost n log n rather than n*m.
func unmatched(a, b []item) (ra, rb []item) {
	used := make([]bool, len(b))
	byKey := map[string][]int{}
	for j, y := range b {
		for _, k := range y.keys {
			byKey[k] = append(byKey[k], j)
		}
	}
	for _, x := range a {
		best := -1
		for _, k := range x.keys {
			js := byKey[k]
			for len(js) > 0 && used[js[0]] {
				js = js[1:]
			}
			byKey[k] = js
			if len(js) > 0 && (best < 0 || js[0] < best) {
				best = js[0]
			}
		}
		if best >= 0 {
			used[best] = true
		} else {
			ra = append(ra, x)
		}
	}
	for j, y := range b {
		if !used[j] {
			rb = append(rb, y)
		}
	}
	return ra, rb
}

// difference is an item of the source with no equal in the translation
// (tr nil), or of the translation with none in the source (src nil), or
// both, found in the same pair of segments.
type difference struct {
	src, tr *item
}

// diffItems compares items segment pair by segment pair first, then lets
// what is left over cancel out across the article (a number moved to the
// next paragraph is not a difference), and pairs what remains in the same
// segment pair ("22 in the source, 23 in the translation").
func diffItems(src, tr []item, pair []int) []difference {
	bySrc := map[int][]item{}
	byTr := map[int][]item{}
	for _, x := range src {
		bySrc[x.seg] = append(bySrc[x.seg], x)
	}
	for _, y := range tr {
		byTr[y.seg] = append(byTr[y.seg], y)
	}
	var restS, restT []item
	pairedTr := map[int]bool{}
	for i, j := range pair {
		if j >= 0 {
			pairedTr[j] = true
			a, b := unmatched(bySrc[i], byTr[j])
			restS, restT = append(restS, a...), append(restT, b...)
		}
	}
	for i, xs := range bySrc {
		if i < 0 || i >= len(pair) || pair[i] < 0 {
			restS = append(restS, xs...)
		}
	}
	for j, ys := range byTr {
		if !pairedTr[j] {
			restT = append(restT, ys...)
		}
	}
	sortItems(restS)
	sortItems(restT)
	restS, restT = unmatched(restS, restT)
	var out []difference
	usedT := make([]bool, len(restT))
	for i := range restS {
		x := &restS[i]
		d := difference{src: x}
		if x.seg >= 0 && x.seg < len(pair) && pair[x.seg] >= 0 {
			for j := range restT {
				if !usedT[j] && restT[j].seg == pair[x.seg] {
					usedT[j] = true
					d.tr = &restT[j]
					break
				}
			}
		}
		out = append(out, d)
	}
	for j := range restT {
		if !usedT[j] {
			out = append(out, difference{tr: &restT[j]})
		}
	}
	return out
}

func sortItems(xs []item) {
	sort.SliceStable(xs, func(i, j int) bool {
		if xs[i].seg != xs[j].seg {
			return xs[i].seg < xs[j].seg
		}
		return xs[i].line < xs[j].line
	})
}

// trLine is the translation line a finding about a source item points at:
// the line of the translation segment paired with its segment, or with the
// nearest paired segment before it, else the translation's first body line.
func trLine(x *item, pair []int, tr []segment.Segment, bodyLine int) int {
	for i := x.seg; i >= 0 && i < len(pair); i-- {
		if pair[i] >= 0 {
			return tr[pair[i]].Line
		}
	}
	return bodyLine
}
