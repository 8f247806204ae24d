// Package sequence holds the alignments of two sequences that ceviri's
// comparisons share: a longest common subsequence of keys (Common, with a
// patience fallback on long inputs), the pairing of two label sequences
// (Pairs), and the Jaccard similarity of two sets. track compares versions
// of a source with Common; check pairs blocks, align pairs segments and
// wordiff diffs words with Pairs and Jaccard.
package sequence

// Affixes returns the lengths of the longest common prefix of a and b and
// of their longest common suffix in what the prefix leaves.
func Affixes(a, b []string) (pre, suf int) {
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}

// Common returns the index pairs of a longest common subsequence of a and
// b, in order. A common prefix and suffix are paired first; past maxCells
// cells of the table the subsequence is found among the keys that occur
// once in each (patience diff), in O(n log n). track compares two versions
// of a source with it, by segment hashes.
func Common(a, b []string) [][2]int {
	// Common prefix and suffix first: most edits touch a few segments.
	pre, suf := Affixes(a, b)
	var out [][2]int
	for i := 0; i < pre; i++ {
		out = append(out, [2]int{i, i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	if n > 0 && m > 0 && n*m > maxCells {
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
				if ma[i] == mb[j] {
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
			case ma[i] == mb[j]:
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
func patience(a, b []string) [][2]int {
	type seen struct{ ia, ib, na, nb int }
	count := map[string]*seen{}
	for i, s := range a {
		c := count[s]
		if c == nil {
			c = &seen{}
			count[s] = c
		}
		c.ia, c.na = i, c.na+1
	}
	for j, s := range b {
		if c := count[s]; c != nil {
			c.ib, c.nb = j, c.nb+1
		}
	}
	// Candidates in the order of a; the longest run increasing in b.
	var cand [][2]int
	for i, s := range a {
		if c := count[s]; c.na == 1 && c.nb == 1 {
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

// Pairs pairs two sequences by the longest common subsequence of their
// labels: pair[i] is the index in tr paired with src[i], or -1. Past
// maxCells cells equal labels pair by index. check pairs the blocks of a
// source and a translation with it, by kind (and heading level).
func Pairs(src, tr []string) []int {
	pair := make([]int, len(src))
	for i := range pair {
		pair[i] = -1
	}
	n, m := len(src), len(tr)
	if n == 0 || m == 0 {
		return pair
	}
	if n*m > maxCells {
		for i := 0; i < n && i < m; i++ {
			if src[i] == tr[i] {
				pair[i] = i
			}
		}
		return pair
	}
	// lcs[i][j] is the LCS length of src[i:] and tr[j:].
	w := m + 1
	lcs := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case src[i] == tr[j]:
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				lcs[i*w+j] = lcs[(i+1)*w+j]
			default:
				lcs[i*w+j] = lcs[i*w+j+1]
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case src[i] == tr[j]:
			pair[i] = j
			i++
			j++
		case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return pair
}

// Jaccard is the Jaccard similarity of two sets: what they share over
// what either has; 0 when either is empty.
func Jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// maxCells bounds the tables of Common and Pairs (4 Mi cells): beyond it
// Common finds its subsequence by patience and Pairs pairs by position.
const maxCells = 4 << 20
