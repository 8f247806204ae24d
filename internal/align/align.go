// Package align pairs the body segments of a translation with those of the
// source version it was made from, so that a change in the source can be
// shown beside the translated segment to edit. A translation usually keeps
// the source's structure, and then the pairing is position by position;
// where it does not (a paragraph split, a list item dropped), segments are
// paired by a best alignment of the two sequences that only pairs segments
// of the same kind and prefers pairs that share names, numbers, links and
// code, which translation leaves as they are.
package align

import (
	"strings"
	"unicode"

	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/sequence"
)

// maxCells bounds the alignment table (4 Mi cells); beyond it Segments
// pairs by position.
const maxCells = 4 << 20

// Segments returns, for each segment of src, the index of the segment of tr
// it corresponds to, or -1. Pairs never cross: if src[i] pairs with tr[j]
// and src[k] with tr[l], then i < k means j < l.
func Segments(src, tr []segment.Segment) []int {
	n, m := len(src), len(tr)
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	if n == 0 || m == 0 {
		return out
	}
	if n*m > maxCells {
		for i := 0; i < n && i < m; i++ {
			if src[i].Kind == tr[i].Kind {
				out[i] = i
			}
		}
		return out
	}
	st, tt := tokenSets(src), tokenSets(tr)
	// dp[i][j]: best score aligning src[i:] with tr[j:].
	dp := make([][]float64, n+1)
	for i := range dp {
		dp[i] = make([]float64, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := max(dp[i+1][j], dp[i][j+1])
			if s, ok := score(src[i], tr[j], st[i], tt[j]); ok && s+dp[i+1][j+1] >= best {
				best = s + dp[i+1][j+1]
			}
			dp[i][j] = best
		}
	}
	// Walk the table, preferring a pair over a skip on a tie, so that two
	// sequences of the same shape pair position by position.
	for i, j := 0, 0; i < n && j < m; {
		if s, ok := score(src[i], tr[j], st[i], tt[j]); ok && s+dp[i+1][j+1] >= dp[i][j] {
			out[i] = j
			i++
			j++
			continue
		}
		if dp[i+1][j] >= dp[i][j+1] {
			i++
		} else {
			j++
		}
	}
	return out
}

// score is the value of pairing a source segment with a translated one:
// only segments of the same kind pair; each pair is worth 1, plus up to 2
// for the tokens they share, plus 0.5 for the same heading level or key.
func score(a, b segment.Segment, ta, tb map[string]bool) (float64, bool) {
	if a.Kind != b.Kind {
		return 0, false
	}
	s := 1 + 2*sequence.Jaccard(ta, tb)
	if a.Key == b.Key {
		s += 0.5
	}
	return s, true
}

// tokenSets returns the lower-cased words of each segment's Markdown text,
// link destinations and code included: the words a translation shares with
// its source are names, numbers, URLs and code.
func tokenSets(segs []segment.Segment) []map[string]bool {
	out := make([]map[string]bool, len(segs))
	for i, s := range segs {
		set := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsNumber(r)
		}) {
			if len(w) > 1 || unicode.IsNumber(rune(w[0])) {
				set[w] = true
			}
		}
		out[i] = set
	}
	return out
}
