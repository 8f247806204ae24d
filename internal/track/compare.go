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
	for _, p := range pairs {
		// The gap old[oi:p[0]] / new[nj:p[1]].
		var olds []int
		for i := oi; i < p[0]; i++ {
			if !usedOld[i] {
				olds = append(olds, i)
			}
		}
		paired := map[int]bool{}
		for j := nj; j < p[1]; j++ {
			if i, ok := moved[j]; ok {
				out = append(out, Change{Op: Moved, Old: &old[i], New: &new[j], OldIndex: i, NewIndex: j})
				continue
			}
			pick := closest(old, olds, paired, new[j])
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

// closest returns the unpaired old segment in the same slot as n that
// shares the most words with it (the first on a tie), or -1.
func closest(old []segment.Segment, olds []int, paired map[int]bool, n segment.Segment) int {
	best, bestScore := -1, -1.0
	var nw map[string]bool
	for _, i := range olds {
		if paired[i] || !sameSlot(old[i], n) {
			continue
		}
		if nw == nil {
			nw = wordSet(n.Text)
		}
		if sc := overlap(wordSet(old[i].Text), nw); sc > bestScore {
			best, bestScore = i, sc
		}
	}
	return best
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
	if n > 0 && m > 0 {
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
