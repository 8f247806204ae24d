package track

import (
	"strings"

	"github.com/ceviri/ceviri/internal/segment"
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
	pairs := lcs(old, new)
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
	// maxLCSCells is the most cells of the longest-common-subsequence
	// table; past it the common subsequence is found among the hashes that
	// occur once in each version (patience diff).
	maxLCSCells = 4 << 20
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

// overlap is the Jaccard similarity of two word sets.
func overlap(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// lcs returns the index pairs of a longest common subsequence of hashes.
func lcs(a, b []segment.Segment) [][2]int {
	// Common prefix and suffix first: most edits touch a few segments.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre].Hash == b[pre].Hash {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf].Hash == b[len(b)-1-suf].Hash {
		suf++
	}
	var out [][2]int
	for i := 0; i < pre; i++ {
		out = append(out, [2]int{i, i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	if n > 0 && m > 0 && n*m > maxLCSCells {
		for _, p := range patience(ma, mb) {
			out = append(out, [2]int{pre + p[0], pre + p[1]})
		}
	} else if n > 0 && m > 0 {
		dp := make([][]int32, n+1)
		for i := range dp {
			dp[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i].Hash == mb[j].Hash {
					dp[i][j] = dp[i+1][j+1] + 1
				} else if dp[i+1][j] >= dp[i][j+1] {
					dp[i][j] = dp[i+1][j]
				} else {
					dp[i][j] = dp[i][j+1]
				}
			}
		}
		for i, j := 0, 0; i < n && j < m; {
			switch {
			case ma[i].Hash == mb[j].Hash:
				out = append(out, [2]int{pre + i, pre + j})
				i++
				j++
			case dp[i+1][j] >= dp[i][j+1]:
				i++
			default:
				j++
			}
		}
	}
	for k := suf; k > 0; k-- {
		out = append(out, [2]int{len(a) - k, len(b) - k})
	}
	return out
}

// patience returns index pairs of a common subsequence of a and b in time
// O(n log n): the longest increasing run of the pairs of hashes that occur
// exactly once in each (patience diff). It is exact when every hash is
// unique, and a good common subsequence otherwise.
func patience(a, b []segment.Segment) [][2]int {
	type seen struct{ ia, ib, na, nb int }
	count := map[string]*seen{}
	for i, s := range a {
		c := count[s.Hash]
		if c == nil {
			c = &seen{}
			count[s.Hash] = c
		}
		c.ia, c.na = i, c.na+1
	}
	for j, s := range b {
		if c := count[s.Hash]; c != nil {
			c.ib, c.nb = j, c.nb+1
		}
	}
	// Candidates in the order of a; the longest run increasing in b.
	var cand [][2]int
	for i, s := range a {
		if c := count[s.Hash]; c.na == 1 && c.nb == 1 {
			cand = append(cand, [2]int{i, c.ib})
		}
	}
	tails := []int{}               // tails[k]: index in cand ending the best run of length k+1
	prev := make([]int, len(cand)) // predecessor in that run
	for k, c := range cand {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if cand[tails[mid]][1] < c[1] {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[k] = -1
		if lo > 0 {
			prev[k] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, k)
		} else {
			tails[lo] = k
		}
	}
	out := make([][2]int, len(tails))
	for k, i := len(tails)-1, -1; k >= 0; k-- {
		if i < 0 {
			i = tails[len(tails)-1]
		} else {
			i = prev[i]
		}
		out[k] = cand[i]
	}
	return out
}
