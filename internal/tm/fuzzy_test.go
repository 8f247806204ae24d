package tm

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// benchMemory returns a memory of n sources drawn from a vocabulary with a
// long tail (a few words very common, most rare), a third of them near
// copies of an earlier one (a boilerplate paragraph with a word or two
// changed, as a newsroom's memory holds), and queries of both kinds.
func benchMemory(n, queries int) (*Memory, []string) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 5000)
	for i := range vocab {
		var b strings.Builder
		for range 3 + r.IntN(7) {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		vocab[i] = b.String()
	}
	word := func() string { return vocab[int(float64(len(vocab))*r.Float64()*r.Float64()*r.Float64())] }
	sentence := func() []string {
		w := make([]string, 8+r.IntN(30))
		for i := range w {
			w[i] = word()
		}
		return w
	}
	vary := func(w []string) []string {
		w = append([]string(nil), w...)
		for range 1 + r.IntN(3) {
			w[r.IntN(len(w))] = word()
		}
		return w
	}
	m := New()
	var made [][]string
	for i := range n {
		w := sentence()
		if i%3 == 2 {
			w = vary(made[r.IntN(len(made))])
		}
		made = append(made, w)
		m.Add(trEN, Entry{Source: strings.Join(w, " ") + ".", Target: "x"})
	}
	q := make([]string, queries)
	for i := range q {
		w := sentence()
		if i%2 == 0 {
			w = vary(made[r.IntN(len(made))])
		}
		q[i] = strings.Join(w, " ") + "."
	}
	return m, q
}

// BenchmarkBest measures Best over a built index: what pending's match
// bands cost per owed segment.
func BenchmarkBest(b *testing.B) {
	m, q := benchMemory(30000, 1000)
	m.Best(trEN, q[0]) // builds the index
	for i := 0; b.Loop(); i++ {
		m.Best(trEN, q[i%len(q)])
	}
}

// BenchmarkIndex measures building the fuzzy index of a memory (on its
// first fuzzy lookup).
func BenchmarkIndex(b *testing.B) {
	m, q := benchMemory(30000, 1)
	for b.Loop() {
		for _, bk := range m.banks {
			bk.once = sync.Once{}
		}
		m.Best(trEN, q[0])
	}
}

// TestBestAgainstAll checks Best, lookup after lookup on one index (whose
// counters each lookup must leave at zero), against scoring every source
// of the memory.
func TestBestAgainstAll(t *testing.T) {
	m, q := benchMemory(3000, 400)
	b := m.banks[trEN]
	b.build()
	differ := 0
	for _, s := range q {
		key := Key(s)
		qt := b.intern(tokenize(b.lang, key), false)
		want := 0
		for i, src := range b.sources {
			switch {
			case src == key:
				want = 100
			case b.toks[i] != nil && want < 100:
				want = max(want, score(qt, b.toks[i]))
			}
		}
		if got := m.Best(trEN, s); got != want {
			differ++
			t.Errorf("Best(%.40q...) = %d, every source scored gives %d", s, got, want)
		}
		// The lookup left its counters at zero (a counter left over
		// would keep its source from ever being a candidate again).
		cp := b.scratch.Get().(*[]uint16)
		for id, c := range *cp {
			if c != 0 {
				t.Fatalf("after Best(%.40q...): source %d's counter is %d", s, id, c)
			}
		}
		b.scratch.Put(cp)
	}
	t.Logf("%d queries, %d differ", len(q), differ)
}
