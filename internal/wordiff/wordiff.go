// Package wordiff compares two texts word by word, the way
// `git diff --word-diff` does, so a translator sees which words of a changed
// source segment are new. Words are found at Unicode word boundaries
// (UAX #29), so Turkish suffixes after an apostrophe stay with their word
// and punctuation is a change of its own.
package wordiff

import (
	"strings"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/sequence"
	"github.com/rivo/uniseg"
)

// Op is what a span of text is in the new text compared with the old.
type Op string

// The ops of a Span.
const (
	Equal  Op = "equal"  // in both texts
	Delete Op = "delete" // only in the old text
	Insert Op = "insert" // only in the new text
)

// Span is a run of text with one op.
type Span struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// maxCells bounds the table of the longest common subsequence; beyond it the
// differing middle of two texts is reported as one replacement, which is
// what a reader would make of so large a change anyway.
const maxCells = 4 << 20

// Diff returns the spans that turn old into new: joining the Equal and
// Delete spans gives old, joining the Equal and Insert spans gives new. A
// deletion comes before the insertion that replaces it, and white space
// between two changed words is folded into the change, so "a b" replaced by
// "c d" reads as one replacement rather than two.
func Diff(old, new string) []Span {
	a, b := tokens(old), tokens(new)
	var edits []Span
	// Common prefix and suffix first: most edits touch a few words.
	pre, suf := sequence.Affixes(a, b)
	for _, t := range a[:pre] {
		edits = append(edits, Span{Equal, t})
	}
	edits = append(edits, middle(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, t := range a[len(a)-suf:] {
		edits = append(edits, Span{Equal, t})
	}
	return tidy(edits)
}

// tokens splits s into words, runs of white space and single other
// characters, at Unicode word boundaries.
func tokens(s string) []string {
	var out []string
	state := -1
	var w string
	for len(s) > 0 {
		w, s, state = uniseg.FirstWordInString(s, state)
		out = append(out, w)
	}
	return out
}

// middle diffs two token lists with no common prefix or suffix by a longest
// common subsequence (sequence.Pairs).
func middle(a, b []string) []Span {
	n, m := len(a), len(b)
	var out []Span
	if n == 0 || m == 0 || n*m > maxCells {
		for _, t := range a {
			out = append(out, Span{Delete, t})
		}
		for _, t := range b {
			out = append(out, Span{Insert, t})
		}
		return out
	}
	// The same pairing as check's blocks (sequence.Pairs); the order of a
	// change's deletions and insertions does not matter, tidy merges them.
	j := 0
	for i, p := range sequence.Pairs(a, b) {
		if p < 0 {
			out = append(out, Span{Delete, a[i]})
			continue
		}
		for ; j < p; j++ {
			out = append(out, Span{Insert, b[j]})
		}
		out = append(out, Span{Equal, a[i]})
		j = p + 1
	}
	for ; j < m; j++ {
		out = append(out, Span{Insert, b[j]})
	}
	return out
}

// hunk is a run of edits: equal text, or a change of old into new text.
type hunk struct {
	equal    bool
	old, new string
}

// tidy merges token edits into hunks, folds small equal text between two
// changes into one change, moves white space shared by both sides of a
// change out of it, and returns the spans, deletions before insertions.
func tidy(edits []Span) []Span {
	var hs []hunk
	for _, e := range edits {
		isEq := e.Op == Equal
		if len(hs) == 0 || hs[len(hs)-1].equal != isEq {
			hs = append(hs, hunk{equal: isEq})
		}
		h := &hs[len(hs)-1]
		switch e.Op {
		case Equal:
			h.old += e.Text
			h.new += e.Text
		case Delete:
			h.old += e.Text
		case Insert:
			h.new += e.Text
		}
	}
	merged := foldSmallEqual(hs)
	var out []Span
	add := func(op Op, s string) {
		if s == "" {
			return
		}
		if len(out) > 0 && out[len(out)-1].Op == op {
			out[len(out)-1].Text += s
			return
		}
		out = append(out, Span{op, s})
	}
	for _, h := range merged {
		if h.equal {
			add(Equal, h.old)
			continue
		}
		pre, old, new, suf := trimSharedSpace(h.old, h.new)
		add(Equal, pre)
		add(Delete, old)
		add(Insert, new)
		add(Equal, suf)
	}
	return out
}

// foldSmallEqual folds an equal hunk between two changes into one change
// when it is no longer than either of them (the semantic clean-up of
// diff-match-patch): a space between two changed words, or the "-" and "/"
// left equal inside a rewritten URL, reads better as part of one
// replacement than as a scatter of small ones.
func foldSmallEqual(hs []hunk) []hunk {
	var out []hunk
	for _, h := range hs {
		out = append(out, h)
		for len(out) >= 3 {
			a, e, b := out[len(out)-3], out[len(out)-2], out[len(out)-1]
			if a.equal || !e.equal || b.equal {
				break
			}
			n := utf8.RuneCountInString(e.old)
			if n > size(a) || n > size(b) {
				break
			}
			out = append(out[:len(out)-3], hunk{old: a.old + e.old + b.old, new: a.new + e.new + b.new})
		}
	}
	return out
}

// size is the length of a change in runes: the longer of its two sides.
func size(h hunk) int {
	return max(utf8.RuneCountInString(h.old), utf8.RuneCountInString(h.new))
}

// trimSharedSpace splits off white space that both sides of a change begin
// or end with.
func trimSharedSpace(old, new string) (pre, o, n, suf string) {
	i := 0
	for i < len(old) && i < len(new) && old[i] == new[i] && isSpaceByte(old[i]) {
		i++
	}
	pre, old, new = old[:i], old[i:], new[i:]
	j := 0
	for j < len(old) && j < len(new) && old[len(old)-1-j] == new[len(new)-1-j] && isSpaceByte(old[len(old)-1-j]) {
		j++
	}
	return pre, old[:len(old)-j], new[:len(new)-j], old[len(old)-j:]
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// Old returns the old text of spans.
func Old(spans []Span) string { return join(spans, Delete) }

// New returns the new text of spans.
func New(spans []Span) string { return join(spans, Insert) }

func join(spans []Span, side Op) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Op == Equal || s.Op == side {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Changed reports whether spans hold any deletion or insertion.
func Changed(spans []Span) bool {
	for _, s := range spans {
		if s.Op != Equal {
			return true
		}
	}
	return false
}
