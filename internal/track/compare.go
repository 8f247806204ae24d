package track

import (
	"strings"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/sequence"
)

// Ops of a Change between two versions of a source.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
	Moved   = "moved"
)

// Change is one difference between an old and a new list of segments.
type Change struct {
	Op       string
	Old, New *segment.Segment // Old is nil for added, New for removed
	OldIndex int              // index in the old list, -1 when added
	NewIndex int              // index in the new list, -1 when removed
}

// Compare lists the changes that turn old into new, in the order of the new
// list (removed segments where they used to be). Unchanged segments are
// matched by a longest common subsequence of hashes; within each run of
// differences, a segment whose hash appears elsewhere is moved, a segment
// paired with an old one of the same kind is changed, and the rest are added
// or removed.
func Compare(old, new []segment.Segment) []Change {
	pairs := sequence.Common(hashes(old), hashes(new))
	// Hashes of segments outside the common subsequence, for moves.
	oldFree := map[string][]int{}
	inLCSOld := make([]bool, len(old))
	inLCSNew := make([]bool, len(new))
	for _, p := range pairs {
		inLCSOld[p[0]], inLCSNew[p[1]] = true, true
	}
	for i, s := range old {
		if !inLCSOld[i] {
			oldFree[s.Hash] = append(oldFree[s.Hash], i)
		}
	}
	usedOld := make([]bool, len(old))
	moved := map[int]int{} // new index -> old index
	for j, s := range new {
		if inLCSNew[j] {
			continue
		}
		if idx := oldFree[s.Hash]; len(idx) > 0 {
			moved[j] = idx[0]
			usedOld[idx[0]] = true
			oldFree[s.Hash] = idx[1:]
		}
	}
	var out []Change
	pairs = append(pairs, [2]int{len(old), len(new)}) // sentinel
	oi, nj := 0, 0
	sets := map[int]map[string]bool{} // word sets of old segments, made once
	for _, p := range pairs {
		// The gap old[oi:p[0]] / new[nj:p[1]].
		var olds []int
		for i := oi; i < p[0]; i++ {
			if !usedOld[i] {
				olds = append(olds, i)
			}
		}
		paired := map[int]bool{}
		// Pairing every new segment with its closest old one compares each
		// with each; past maxPairings a gap is paired in order instead
		// (a hostile rewrite of a whole long article, issue 11).
		inOrder := len(olds)*(p[1]-nj) > maxPairings
		next := 0
		for j := nj; j < p[1]; j++ {
			if i, ok := moved[j]; ok {
				out = append(out, Change{Op: Moved, Old: &old[i], New: &new[j], OldIndex: i, NewIndex: j})
				continue
			}
			var pick int
			if inOrder {
				pick, next = inOrderPick(old, olds, next, new[j])
			} else {
				pick = closest(old, olds, paired, new[j], sets)
			}
			if pick < 0 {
				out = append(out, Change{Op: Added, New: &new[j], OldIndex: -1, NewIndex: j})
				continue
			}
			paired[pick] = true
			out = append(out, Change{Op: Changed, Old: &old[pick], New: &new[j], OldIndex: pick, NewIndex: j})
		}
		for _, i := range olds {
			if !paired[i] {
				out = append(out, Change{Op: Removed, Old: &old[i], OldIndex: i, NewIndex: -1})
			}
		}
		if p[0] < len(old) {
			oi, nj = p[0]+1, p[1]+1
		}
	}
	return out
}

// sameSlot reports whether two segments can be versions of each other: the
// same kind, and for fields the same field.
func sameSlot(a, b segment.Segment) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == segment.Field || a.Kind == segment.Code {
		return a.Key == b.Key || a.Kind == segment.Code
	}
	return true
}

// Bounds on comparing two versions of a source: an article rewritten
// whole, or a hostile one of 50,000 new paragraphs, must not take minutes
// and gigabytes (a status took 255 s and 9.9 GB before these).
const (
	// maxPairings is the most old x new segment comparisons in one run of
	// differences; past it the run is paired in order.
	maxPairings = 1 << 20
)

// closest returns the unpaired old segment in the same slot as n that
// shares the most words with it (the first on a tie), or -1. sets keeps
// the word sets of old segments between calls.
func closest(old []segment.Segment, olds []int, paired map[int]bool, n segment.Segment, sets map[int]map[string]bool) int {
	best, bestScore := -1, -1.0
	var nw map[string]bool
	for _, i := range olds {
		if paired[i] || !sameSlot(old[i], n) {
			continue
		}
		if nw == nil {
			nw = wordSet(n.Text)
		}
		ow, ok := sets[i]
		if !ok {
			ow = wordSet(old[i].Text)
			sets[i] = ow
		}
		if sc := overlap(ow, nw); sc > bestScore {
			best, bestScore = i, sc
		}
	}
	return best
}

// inOrderPick returns the first old segment from olds[next:] in the same
// slot as n (or -1), and where the next search starts.
func inOrderPick(old []segment.Segment, olds []int, next int, n segment.Segment) (int, int) {
	for k := next; k < len(olds); k++ {
		if sameSlot(old[olds[k]], n) {
			return olds[k], k + 1
		}
	}
	return -1, next
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// overlap is the Jaccard similarity of two word sets; two empty sets are
// alike.
func overlap(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return sequence.Jaccard(a, b)
}

// hashes returns the hashes of segs, the keys of their common subsequence.
func hashes(segs []segment.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Hash
	}
	return out
}
