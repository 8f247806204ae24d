package glossary

import "golang.org/x/text/unicode/norm"

// Text is a text read for matching: its words, folded by its language's
// casing and as written. Read it once and ask it about many entries.
type Text struct {
	g       *Glossary
	lang    string
	ix      *langIndex
	folded  []token
	written []token // nil when no entry of the language is case-sensitive
}

// Read reads text (NFC, as segments are) in a project language.
func (g *Glossary) Read(lang, text string) *Text {
	t := &Text{g: g, lang: lang}
	if g == nil {
		return t
	}
	t.ix = g.index[lang]
	if t.ix == nil {
		return t
	}
	t.folded = tokens(fold(g.tag(lang), text))
	if t.ix.hasCaseful {
		t.written = tokens(norm.NFC.String(text))
	}
	return t
}

// Matches returns the entries whose term in lang the text uses, in the
// order of the glossary: for export, the entries a translator of a source
// segment should see.
func (g *Glossary) Matches(lang, text string) []*Entry {
	return g.Read(lang, text).Entries()
}

// Entries returns the entries whose term the text uses, in glossary order.
// An occurrence inside a longer one does not count: "cloud" in "cloud
// native" is the entry "cloud native", not "cloud" (the longest match).
func (t *Text) Entries() []*Entry {
	if t.ix == nil {
		return nil
	}
	var ms []occurrence
	ms = t.scan(t.folded, t.ix.ci, ms)
	ms = t.scan(t.written, t.ix.cs, ms)
	if len(ms) == 0 {
		return nil
	}
	longest := map[int]int{} // start -> the furthest end of an occurrence there
	for _, m := range ms {
		longest[m.start] = max(longest[m.start], m.end)
	}
	found := map[*Entry]bool{}
	for _, m := range ms {
		if !found[m.e] && !covered(m, longest) {
			found[m.e] = true
		}
	}
	out := make([]*Entry, 0, len(found))
	for _, e := range t.g.Entries {
		if found[e] {
			out = append(out, e)
		}
	}
	return out
}

// occurrence is a term found in text: its entry and its words' range.
type occurrence struct {
	e          *Entry
	start, end int // words [start, end)
}

// covered reports whether a longer occurrence spans m. One that does
// starts at most maxTermWords words before it.
func covered(m occurrence, longest map[int]int) bool {
	for s := m.start; s >= 0 && s >= m.start-maxTermWords; s-- {
		if end, ok := longest[s]; ok && end >= m.end && end-s > m.end-m.start {
			return true
		}
	}
	return false
}

// scan looks up every word's beginnings in an index and keeps the terms
// that match there.
func (t *Text) scan(toks []token, m map[string][]ref, ms []occurrence) []occurrence {
	if len(m) == 0 {
		return ms
	}
	for i, tok := range toks {
		s := tok.s
		for end := 1; end <= len(s) && end <= t.ix.maxKey; end++ {
			if end < len(s) && !runeStart(s[end]) {
				continue
			}
			for _, r := range m[s[:end]] {
				ws := r.e.words[t.lang][r.term]
				if t.matchAt(toks, i, ws) {
					ms = append(ms, occurrence{r.e, i, i + len(ws)})
				}
			}
		}
	}
	return ms
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }

// Has reports whether the text uses one of e's terms in its language.
func (t *Text) Has(e *Entry) bool {
	if t.ix == nil {
		return false
	}
	toks := t.folded
	if e.CaseSensitive {
		toks = t.written
	}
	for _, ws := range e.words[t.lang] {
		for i := range toks {
			if t.matchAt(toks, i, ws) {
				return true
			}
		}
	}
	return false
}

// matchAt reports whether the term's words ws are at toks[i:].
func (t *Text) matchAt(toks []token, i int, ws []termWord) bool {
	if i+len(ws) > len(toks) {
		return false
	}
	for m, w := range ws {
		tok := toks[i+m]
		if m > 0 && tok.sep != w.sep {
			return false
		}
		if m < len(ws)-1 {
			if tok.s != w.w {
				return false
			}
			continue
		}
		if !lastWordMatches(t.ix.gr, tok.s, w) {
			return false
		}
	}
	return true
}
