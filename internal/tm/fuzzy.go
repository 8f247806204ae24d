package tm

import (
	"sort"
	"strconv"
	"unicode"
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

// maxCandidates bounds the sources scored for one lookup.
const maxCandidates = 5000

// candidate is a source that scored.
type candidate struct {
	id    int
	score int
}

// tokenize returns the case-folded tokens of s.
func tokenize(lang, s string) []string {
	s = lower(lang, s)
	var out []string
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		if !unicode.IsSpace(r) {
			out = append(out, string(r))
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// occurrences returns the index keys of tokens: each token with the number
// of times it occurred before.
func occurrences(toks []string) []string {
	seen := map[string]int{}
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t + "#" + strconv.Itoa(seen[t])
		seen[t]++
	}
	return out
}

// build makes the index, once, on the first fuzzy lookup.
func (b *bank) build() {
	b.once.Do(func() {
		b.ids = map[string]int32{}
		b.index = map[string][]int32{}
		b.toks = make([][]int32, len(b.sources))
		for i, s := range b.sources {
			toks := tokenize(b.lang, s)
			if len(toks) == 0 || len(toks) > maxTokens {
				continue
			}
			b.toks[i] = b.intern(toks, true)
			for _, k := range occurrences(toks) {
				b.index[k] = append(b.index[k], int32(i))
			}
		}
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

// fuzzy returns the sources other than key itself that score at least
// MinFuzzy against it, best first (then in the order added).
func (b *bank) fuzzy(key string) []candidate {
	toks := tokenize(b.lang, key)
	n := len(toks)
	if n == 0 || n > maxTokens {
		return nil
	}
	b.build()
	q := b.intern(toks, false)
	keys := occurrences(toks)
	sort.SliceStable(keys, func(i, j int) bool { return len(b.index[keys[i]]) < len(b.index[keys[j]]) })
	t := (MinFuzzy*n + 99) / 100 // ⌈0.75 n⌉
	seen := map[int32]bool{}
	var out []candidate
	for _, k := range keys[:n-t+1] {
		if len(seen) >= maxCandidates {
			break
		}
		for _, id := range b.index[k] {
			if seen[id] || len(seen) >= maxCandidates {
				continue
			}
			seen[id] = true
			c := b.toks[id]
			if b.sources[id] == key || 100*min(n, len(c)) < MinFuzzy*max(n, len(c)) {
				continue
			}
			if s := score(q, c); s >= MinFuzzy {
				out = append(out, candidate{id: int(id), score: s})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].id < out[j].id
	})
	return out
}

// score is the similarity of two token sequences in percent, below 100
// (they are different segments).
func score(a, b []int32) int {
	d := distance(a, b)
	m := max(len(a), len(b))
	s := 100 * (m - d) / m
	if s >= 100 {
		s = 99
	}
	return s
}

// distance is the Levenshtein distance between two token sequences.
func distance(a, b []int32) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] && a[i-1] >= 0 {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
