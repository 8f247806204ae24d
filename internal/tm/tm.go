// Package tm is ceviri's translation memory: pairs of a source segment and
// its approved translation, per language pair, looked up exactly (the same
// normalised source) or fuzzily (a word-level similarity of at least 75 %,
// as CAT tools score it). The project's own memory is built from the
// aligned segments of every current translation (the command line does
// that, through package interchange, and keeps it in the status cache); an
// external memory comes from a TMX file (ReadTMX) and is only ever offered
// as matches.
//
// Sources are normalised as segment fingerprints are (NFC, white space
// collapsed, see segment.Collapse), so a source typed in NFD on macOS or
// reflowed over several lines matches. Fuzzy scoring folds case with the
// source language's rules (Turkish İ/i and I/ı).
package tm

import (
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/ceviri/ceviri/internal/segment"
)

// MinFuzzy is the lowest similarity, in percent, that counts as a match.
const MinFuzzy = 75

// Entry is one translation of a source segment.
type Entry struct {
	Source, Target string    // normalised (Key)
	Article        string    // the article it came from; empty for an external memory
	Date           time.Time // the article's date (or the TMX creationdate); zero when unknown
	Origin         string    // "" for the project's translations, else the external memory's name
}

// Match is an entry offered for a segment, with its similarity in percent
// (100: the same normalised source).
type Match struct {
	Entry
	Score int
}

// Pair names a language pair: source and target language tags.
type Pair struct{ Source, Target string }

// Memory holds entries by language pair. Add entries, then look them up;
// lookups may run from several goroutines once adding is done.
type Memory struct {
	banks map[Pair]*bank
}

// New returns an empty memory.
func New() *Memory { return &Memory{banks: map[Pair]*bank{}} }

// Key returns the normalised form of a segment that exact matches compare:
// NFC, with white space collapsed (segment.Collapse), as fingerprints are.
func Key(s string) string { return segment.Collapse(s) }

// Add adds an entry for the language pair. Entries with the same
// normalised source are kept together; a target already held for that
// source (normalised) is kept once, with the newest date.
func (m *Memory) Add(p Pair, e Entry) {
	e.Source, e.Target = Key(e.Source), Key(e.Target)
	if e.Source == "" || e.Target == "" {
		return
	}
	b := m.banks[p]
	if b == nil {
		b = &bank{lang: p.Source, byKey: map[string]int{}}
		m.banks[p] = b
	}
	b.add(e)
}

// Len returns how many distinct sources the memory holds for p.
func (m *Memory) Len(p Pair) int {
	if b := m.banks[p]; b != nil {
		return len(b.sources)
	}
	return 0
}

// Pairs returns the language pairs the memory holds, sorted.
func (m *Memory) Pairs() []Pair {
	out := make([]Pair, 0, len(m.banks))
	for p := range m.banks {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Target < out[j].Target
	})
	return out
}

// Entries returns every entry for p: sources in the order they were first
// added, each source's targets newest first.
func (m *Memory) Entries(p Pair) []Entry {
	b := m.banks[p]
	if b == nil {
		return nil
	}
	var out []Entry
	for i := range b.sources {
		out = append(out, b.sorted(i)...)
	}
	return out
}

// Exact returns the entries whose normalised source is source's, newest
// first.
func (m *Memory) Exact(p Pair, source string) []Entry {
	b := m.banks[p]
	if b == nil {
		return nil
	}
	i, ok := b.byKey[Key(source)]
	if !ok {
		return nil
	}
	return b.sorted(i)
}

// Lookup returns up to limit matches for source with a score of at least
// MinFuzzy: exact ones first, then fuzzy ones by score, each source's
// targets newest first.
func (m *Memory) Lookup(p Pair, source string, limit int) []Match {
	b := m.banks[p]
	if b == nil || limit <= 0 {
		return nil
	}
	key := Key(source)
	var out []Match
	if i, ok := b.byKey[key]; ok {
		for _, e := range b.sorted(i) {
			out = append(out, Match{Entry: e, Score: 100})
		}
	}
	if len(out) >= limit {
		return out[:limit]
	}
	for _, c := range b.fuzzy(key) {
		for _, e := range b.sorted(c.id) {
			out = append(out, Match{Entry: e, Score: c.score})
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Best returns the best score for source (0 when nothing reaches
// MinFuzzy).
func (m *Memory) Best(p Pair, source string) int {
	if ms := m.Lookup(p, source, 1); len(ms) > 0 {
		return ms[0].Score
	}
	return 0
}

// Band returns the CAT analysis band of a score: "100", "95-99", "85-94",
// "75-84" or "none".
func Band(score int) string {
	switch {
	case score >= 100:
		return "100"
	case score >= 95:
		return "95-99"
	case score >= 85:
		return "85-94"
	case score >= MinFuzzy:
		return "75-84"
	}
	return "none"
}

// Bands lists the bands in the order reports show them.
var Bands = []string{"100", "95-99", "85-94", "75-84", "none"}

// bank is the memory of one language pair.
type bank struct {
	lang    string
	sources []string
	targets [][]Entry // by source index, in the order added
	byKey   map[string]int

	once  sync.Once
	toks  [][]int32          // by source index: its tokens, interned
	lens  []uint16           // by source index: its number of tokens
	occs  [][]occ            // by source index: its token occurrences
	index map[occ][]int32    // token occurrence -> source indices, shortest sources first
	pairs map[bigram][]int32 // token pair occurrence -> source indices, shortest first
	ids   map[string]int32   // token -> interned id
	// scratch holds per-lookup overlap counters, one per source.
	scratch sync.Pool
}

func (b *bank) add(e Entry) {
	i, ok := b.byKey[e.Source]
	if !ok {
		i = len(b.sources)
		b.byKey[e.Source] = i
		b.sources = append(b.sources, e.Source)
		b.targets = append(b.targets, nil)
	}
	for k, t := range b.targets[i] {
		if t.Target == e.Target {
			if e.Date.After(t.Date) {
				b.targets[i][k] = e
			}
			return
		}
	}
	b.targets[i] = append(b.targets[i], e)
}

// sorted returns the targets of source i, newest first (then by article,
// then by target, so that the order does not depend on the order added).
func (b *bank) sorted(i int) []Entry {
	out := append([]Entry(nil), b.targets[i]...)
	sort.SliceStable(out, func(x, y int) bool {
		a, c := out[x], out[y]
		if !a.Date.Equal(c.Date) {
			return a.Date.After(c.Date)
		}
		if a.Article != c.Article {
			return a.Article < c.Article
		}
		return a.Target < c.Target
	})
	return out
}

// lower folds case as the language does: Turkish and Azerbaijani map İ to
// i and I to ı.
func lower(lang, s string) string {
	switch primary(lang) {
	case "tr", "az":
		return strings.ToLowerSpecial(unicode.TurkishCase, s)
	}
	return strings.ToLower(s)
}

// primary returns the primary subtag of a language tag, lower-cased.
func primary(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
