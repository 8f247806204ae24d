package tm

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Fuzzy matching scores a candidate as CAT tools do, by the Levenshtein
// distance between the two segments' token sequences (words, numbers and
// each punctuation or markup character), relative to the longer one:
// score = floor(100 × (1 − distance / max(len(a), len(b)))). Two segments
// that differ only in case or in white space score 99, never 100: only the
// same normalised source is an exact match.
//
// It is not quadratic over the memory: an inverted index maps each token
// occurrence ("the" twice is "the#1" and "the#2") to the sources holding
// it. For a score of at least MinFuzzy, a source must share at least
// t = ⌈0.75 n⌉ of the query's n token occurrences (the distance is at least
// the longer length minus the shared ones), so it must share one of the
// n − t + 1 rarest (prefix filtering); only sources reached that way, of a
// length that allows the score, are scored.

// maxTokens bounds the tokens of a segment matched fuzzily: a longer one
// (a whole table's worth in one paragraph) is matched exactly only, so a
// lookup costs at most maxTokens² steps per candidate.
const maxTokens = 400

// candidate is a source that scored.
type candidate struct {
	id    int
	score int
}

// tokenize returns the case-folded tokens of s: its white-space separated
// words, with the punctuation and symbols that start or end a word as
// tokens of their own ("(", "[", "." , "!"). A word keeps what is inside
// it: "İstanbul'da", "Trump-Zelensky", "1.250,5" and a link's text with its
// destination ("rapor](https://x.org/a") are one token each, so that a
// changed address or number costs one edit, as a tag does in a CAT tool,
// not one per piece of it.
func tokenize(lang, s string) []string {
	s = lower(lang, s)
	var out []string
	for _, w := range strings.Fields(s) {
		i := 0
		for i < len(w) {
			r, size := utf8.DecodeRuneInString(w[i:])
			if !edge(r) {
				break
			}
			out = append(out, w[i:i+size])
			i += size
		}
		j := len(w)
		var tail []string
		for j > i {
			r, size := utf8.DecodeLastRuneInString(w[i:j])
			if !edge(r) {
				break
			}
			tail = append(tail, w[j-size:j])
			j -= size
		}
		if j > i {
			out = append(out, w[i:j])
		}
		for k := len(tail) - 1; k >= 0; k-- {
			out = append(out, tail[k])
		}
	}
	return out
}

// edge reports whether r is punctuation or a symbol, a token of its own at
// the start or end of a word.
func edge(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// occ is a token occurrence: an interned token id and how many times it
// occurred before in the segment ("the" twice is (the, 0) and (the, 1)),
// so that the overlap of two segments' occurrence sets is that of their
// token multisets.
type occ int64

func occurrences(ids []int32) []occ {
	seen := map[int32]int64{}
	out := make([]occ, len(ids))
	for i, id := range ids {
		out[i] = occ(int64(id)<<20 | seen[id])
		seen[id]++
	}
	return out
}

// build makes the index, once, on the first fuzzy lookup: each source's
// interned tokens and occurrences, and for each occurrence the sources
// holding it, shortest first, so that a lookup visits only those of a
// length that allows the score.
func (b *bank) build() {
	b.once.Do(func() {
		b.ids = map[string]int32{}
		b.index = map[occ][]int32{}
		b.toks = make([][]int32, len(b.sources))
		b.occs = make([][]occ, len(b.sources))
		b.lens = make([]uint16, len(b.sources))
		byLen := make([][]int32, maxTokens+1)
		for i, s := range b.sources {
			toks := tokenize(b.lang, s)
			if len(toks) == 0 || len(toks) > maxTokens {
				continue
			}
			b.toks[i] = b.intern(toks, true)
			b.lens[i] = uint16(len(toks))
			byLen[len(toks)] = append(byLen[len(toks)], int32(i))
		}
		b.pairs = map[bigram][]int32{}
		for _, ids := range byLen {
			for _, i := range ids {
				b.occs[i] = occurrences(b.toks[i])
				for _, k := range b.occs[i] {
					b.index[k] = append(b.index[k], i)
				}
				for _, k := range bigrams(b.toks[i]) {
					b.pairs[k] = append(b.pairs[k], i)
				}
			}
		}
		b.scratch = sync.Pool{New: func() any { c := make([]uint16, len(b.sources)); return &c }}
	})
}

// intern maps tokens to ids; unknown tokens get -1 unless add.
func (b *bank) intern(toks []string, add bool) []int32 {
	out := make([]int32, len(toks))
	for i, t := range toks {
		id, ok := b.ids[t]
		if !ok {
			if !add {
				id = -1
			} else {
				id = int32(len(b.ids))
				b.ids[t] = id
			}
		}
		out[i] = id
	}
	return out
}

// bigram is an occurrence of two consecutive tokens: their ids and how
// many times the pair occurred before in the segment.
type bigram struct{ a, b, k int32 }

func bigrams(ids []int32) []bigram {
	if len(ids) < 2 {
		return nil
	}
	seen := map[[2]int32]int32{}
	out := make([]bigram, 0, len(ids)-1)
	for i := 1; i < len(ids); i++ {
		p := [2]int32{ids[i-1], ids[i]}
		out = append(out, bigram{p[0], p[1], seen[p]})
		seen[p]++
	}
	return out
}

// maxVisits bounds the postings one fuzzy lookup walks; maxScored the
// candidates it scores (those sharing the most token pairs with the query,
// the likeliest best matches: a boilerplate paragraph that recurs with one
// word changed in thousands of articles has thousands of 95 % matches).
const (
	maxVisits = 1 << 22
	maxScored = 200
)

// fuzzy returns the sources other than key itself that score at least
// MinFuzzy against it, best first (then in the order added).
//
// Candidates come from the index. Each edit changes at most two of a
// segment's consecutive token pairs, so a source within distance d of a
// query of n tokens shares at least n − 1 − 2d of its pairs (as
// multisets); with d at most a quarter of the longer length, when that
// bound is positive the source must hold one of the query's rarest
// n − 1 − bound + 1 pairs (prefix filtering), and only the postings of
// those pairs are walked. For a short query, where the bound is not
// positive, the postings of all its tokens are. Postings are sorted by
// length, and only sources of a length that allows the score are visited.
// A candidate is then scored only if its token overlap allows the score.
func (b *bank) fuzzy(key string) []candidate {
	toks := tokenize(b.lang, key)
	n := len(toks)
	if n == 0 || n > maxTokens {
		return nil
	}
	b.build()
	q := b.intern(toks, false)
	shortest := (MinFuzzy*n + 99) / 100 // ⌈0.75 n⌉: the least length, and the least overlap
	longest := n * 100 / MinFuzzy
	cp := b.scratch.Get().(*[]uint16)
	defer b.scratch.Put(cp)
	count := *cp
	var touched []int32
	visits := 0
	// walk counts the sources of ps of a length that allows the score;
	// with add false, only those already counted.
	walk := func(ps []int32, add bool) {
		j := sort.Search(len(ps), func(j int) bool { return int(b.lens[ps[j]]) >= shortest })
		for ; j < len(ps) && visits < maxVisits; j++ {
			id := ps[j]
			if int(b.lens[id]) > longest {
				break
			}
			visits++
			switch {
			case count[id] > 0:
				if count[id] < 1<<16-1 {
					count[id]++
				}
			case add:
				count[id] = 1
				touched = append(touched, id)
			}
		}
	}
	need := 1
	if bound := n - 1 - 2*(longest*(100-MinFuzzy)/100); bound > 0 {
		// Candidates from the rarest pairs; their pair overlap counted
		// over the other pairs too, but for a pair held by far more
		// sources than there are candidates, which is not walked and
		// lowers the overlap asked for by one (it might have counted);
		// only candidates reaching it go on.
		// Each pair's postings, looked up once, rarest first.
		keys := bigrams(q)
		posts := make([][]int32, len(keys))
		for i, k := range keys {
			posts[i] = b.pairs[k]
		}
		sort.SliceStable(posts, func(i, j int) bool { return len(posts[i]) < len(posts[j]) })
		need = bound
		for i, ps := range posts {
			prefix := i < len(posts)-bound+1
			if !prefix && len(ps) > 2*len(touched)+64 {
				need--
				continue
			}
			walk(ps, prefix)
		}
		need = max(need, 1)
	} else {
		for _, k := range occurrences(q) {
			walk(b.index[k], true)
		}
	}
	inQuery := make(map[occ]bool, n)
	for i, k := range occurrences(q) {
		if q[i] >= 0 {
			inQuery[k] = true
		}
	}
	// The candidates that share the most pairs (or tokens) first, at most
	// maxScored of them.
	// (kept reuses touched; a counter goes back to zero once its source
	// is dropped or sorted.)
	kept := touched[:0]
	for _, id := range touched {
		if int(count[id]) >= need {
			kept = append(kept, id)
		} else {
			count[id] = 0
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if count[kept[i]] != count[kept[j]] {
			return count[kept[i]] > count[kept[j]]
		}
		return kept[i] < kept[j]
	})
	for _, id := range kept {
		count[id] = 0
	}
	if len(kept) > maxScored {
		kept = kept[:maxScored]
	}
	var out []candidate
	for _, id := range kept {
		c := b.toks[id]
		common := 0
		for _, o := range b.occs[id] {
			if inQuery[o] {
				common++
			}
		}
		// The distance is at least the longer length less the overlap.
		if 100*common < MinFuzzy*max(n, len(c)) || b.sources[id] == key {
			continue
		}
		if s := score(q, c); s > 0 {
			out = append(out, candidate{id: int(id), score: s})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].id < out[j].id
	})
	return out
}

// score is the similarity of two token sequences in percent, below 100
// (they are different segments), or 0 when it is below MinFuzzy.
func score(a, b []int32) int {
	m := max(len(a), len(b))
	d, ok := within(a, b, m*(100-MinFuzzy)/100)
	if !ok {
		return 0
	}
	s := 100 * (m - d) / m
	if s < MinFuzzy {
		return 0
	}
	return min(s, 99)
}

// within returns the Levenshtein distance between two token sequences
// when it is at most k (ok), computing only the diagonal band of width
// 2k+1 and stopping as soon as every cell of a row exceeds k (Ukkonen).
// Unknown tokens (-1) equal nothing.
func within(a, b []int32, k int) (int, bool) {
	if len(a) < len(b) {
		a, b = b, a
	}
	n, m := len(a), len(b)
	if n-m > k {
		return 0, false
	}
	const inf = 1 << 30
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := range prev {
		prev[j] = j
		if j > k {
			prev[j] = inf
		}
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		if lo > 1 {
			cur[lo-1] = inf
		}
		cur[0] = i
		if i > k {
			cur[0] = inf
		}
		best := cur[0]
		if lo > 1 {
			best = inf
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] && a[i-1] >= 0 {
				cost = 0
			}
			v := prev[j-1] + cost
			if prev[j]+1 < v {
				v = prev[j] + 1
			}
			if cur[j-1]+1 < v {
				v = cur[j-1] + 1
			}
			cur[j] = v
			best = min(best, v)
		}
		if hi < m {
			cur[hi+1] = inf
		}
		if best > k {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if prev[m] > k {
		return 0, false
	}
	return prev[m], true
}

// distance is the Levenshtein distance between two token sequences.
func distance(a, b []int32) int {
	d, _ := within(a, b, max(len(a), len(b)))
	return d
}
