package check

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/sequence"
)

// maxCodeRegions is how many differing places a code finding names before
// "and N more".
const maxCodeRegions = 3

// codeItem is an inline code span, a code block or the name of a Hugo
// shortcode, in the segment that holds it.
type codeItem struct {
	kind string // "span", "block", "shortcode"
	text string // the span's text, the block's content, the shortcode's name
	info string // a block's language (the first word of its info string)
	seg  int
	line int // file line: the span's, the block's first content line
	lx   *lexed
}

// show names the item for a message: "`x`", "shortcode youtube", "code
// block".
func (x *codeItem) show() any {
	switch x.kind {
	case "span":
		return "`" + x.text + "`"
	case "shortcode":
		return clitext.Msg("check_shortcode", "Name", x.text)
	}
	return clitext.Msg("check_block_code")
}

func (x *codeItem) lexed(holes []*regexp.Regexp) *lexed {
	if x.lx == nil {
		info := x.info
		if x.kind != "block" {
			info = ""
		}
		x.lx = lex(x.text, info, holes)
	}
	return x.lx
}

// code compares inline code, code blocks and the names of Hugo shortcodes,
// which a translation carries over: identifiers, keywords, numbers,
// operators and the places of string literals must be the same (code);
// comments, the text of string literals and text between markup tags may
// be translated, and a difference only there is a code-text finding.
// Placeholders matching Options.CodePlaceholders are compared by place
// only.
func (c *comparison) code() {
	holes := c.opts.CodePlaceholders
	mk := func(v *version) []*codeItem {
		var out []*codeItem
		for _, in := range v.md.inlines {
			if in.kind == "code" {
				out = append(out, &codeItem{kind: "span", text: in.value, seg: segAt(v.Body, in.line), line: in.line})
			}
		}
		for i, s := range v.Body {
			if s.Kind == segment.Code && !proseBlock(s.Key) {
				out = append(out, &codeItem{kind: "block", text: s.Text, info: fenceLang(s.Key), seg: i, line: s.Line})
			}
			for _, name := range shortcodes(s.Text) {
				out = append(out, &codeItem{kind: "shortcode", text: name, seg: i, line: s.Line})
			}
		}
		return out
	}
	src, tr := mk(c.src), mk(c.tr)
	m := newCodeMatch(src, tr, c.pair)
	// Equal text, then equal code (translated comments or strings).
	m.match(func(x *codeItem) string { return x.kind + "\x00" + x.info + "\x00" + x.text })
	for _, p := range m.match(func(x *codeItem) string {
		if x.kind == "shortcode" {
			return "" // names only: no shape beyond the text
		}
		return x.kind + "\x00" + x.info + "\x00" + x.lexed(holes).shape
	}) {
		c.codeText(src[p[0]], tr[p[1]])
	}
	var srcText, trText *string // built only when needed
	text := func(p **string, v *version) string {
		if *p == nil {
			s := plainOf(v)
			*p = &s
		}
		return **p
	}
	for _, d := range m.rest() {
		s, t := d[0], d[1]
		// Inline code in one version whose text the other has as plain
		// text ("kubernetes.mp4" and `kubernetes.mp4`) is formatting.
		if s == nil && t.kind == "span" && strings.Contains(text(&srcText, c.src), t.text) ||
			t == nil && s.kind == "span" && strings.Contains(text(&trText, c.tr), s.text) {
			continue
		}
		switch {
		case s != nil && t != nil && s.kind == "block":
			c.add(Code, t.line, "check_code_block_differs", "Line", s.line, "Detail", c.codeRegions(s, t))
		case s != nil && t != nil && s.kind == "span" && labelSpans(s.text, t.text):
			c.add(CodeText, t.line, "check_code_text_span", "Code", t.show(), "SourceCode", s.show(), "Line", s.line, "Detail", "")
		case s != nil && t != nil && s.kind == "span":
			var more any = ""
			if len(s.text)+len(t.text) > 60 {
				more = c.codeRegions(s, t)
			}
			c.add(Code, t.line, "check_code_differs", "SourceCode", s.show(), "Line", s.line, "Code", t.show(), "Detail", more)
		case s != nil && t != nil:
			c.add(Code, t.line, "check_code_differs", "SourceCode", s.show(), "Line", s.line, "Code", t.show(), "Detail", "")
		case s != nil:
			c.add(Code, c.trLineOf(&item{seg: s.seg, line: s.line}), "check_code_lacks", "Code", s.show(), "Line", s.line)
		default:
			c.add(Code, t.line, "check_code_added", "Code", t.show(), "Source", c.srcName)
		}
	}
}

// labelSpans reports whether two inline code spans of paired segments are
// words, as the label of a button or a menu ("Add to cart" and "Sepete
// ekle"): nothing but letters, spaces and sentence punctuation, no digits,
// and at least one of them several words or with a letter beyond ASCII.
// A single ASCII word on both sides (useState, useStat) stays code.
func labelSpans(a, b string) bool {
	words := func(s string) (ok, prose bool) {
		letters := false
		for _, r := range s {
			switch {
			case unicode.IsLetter(r):
				letters = true
				if r >= utf8.RuneSelf {
					prose = true
				}
			case r == ' ':
				prose = true
			case unicode.Is(unicode.Mn, r) || strings.ContainsRune(".,!?'’", r):
			default:
				return false, false
			}
		}
		return letters, prose
	}
	okA, proseA := words(a)
	okB, proseB := words(b)
	return okA && okB && (proseA || proseB)
}

// codeText reports a span or block whose code equals the source's but
// whose comments, strings or markup text differ.
func (c *comparison) codeText(s, t *codeItem) {
	holes := c.opts.CodePlaceholders
	a, b := s.lexed(holes), t.lexed(holes)
	if a.words == b.words {
		return // only white space differs
	}
	// Each comment or string is a whole: a run of them replaced one for
	// one is shown one by one.
	var regions []region
	for _, r := range diffRegions(a, b, a.text, b.text, (*lexed).textOf) {
		if r.a1-r.a0 != r.b1-r.b0 {
			regions = append(regions, r)
			continue
		}
		for k := 0; k < r.a1-r.a0; k++ {
			regions = append(regions, region{r.a0 + k, r.a0 + k + 1, r.b0 + k, r.b0 + k + 1})
		}
	}
	msg := describeRegions(a, b, a.text, b.text, s.line, t.line, s.kind, regions)
	if s.kind == "block" {
		c.add(CodeText, t.line, "check_code_text_block", "Line", s.line, "Detail", msg)
		return
	}
	c.add(CodeText, t.line, "check_code_text_span", "Code", t.show(), "SourceCode", s.show(), "Line", s.line, "Detail", msg)
}

// textOf is the text of token i for comparison: white space collapsed.
func (x *lexed) textOf(i int) string {
	t := x.toks[i]
	return segment.Collapse(x.src[t.off:t.end])
}

// codeRegions describes where the code of two texts differs (a message,
// or "").
func (c *comparison) codeRegions(s, t *codeItem) any {
	holes := c.opts.CodePlaceholders
	a, b := s.lexed(holes), t.lexed(holes)
	if s.kind == "block" && s.info != t.info {
		return clitext.Msg("check_code_marked", "SourceInfo", orNone(s.info), "Info", orNone(t.info))
	}
	regions := diffRegions(a, b, a.code, b.code, func(x *lexed, i int) string { return x.toks[i].label })
	return describeRegions(a, b, a.code, b.code, s.line, t.line, s.kind, regions)
}

func orNone(s string) any {
	if s == "" {
		return clitext.Msg("check_code_no_language")
	}
	return s
}

// region is a run of differing tokens: positions [a0, a1) of the source's
// token list against [b0, b1) of the translation's.
type region struct{ a0, a1, b0, b1 int }

// diffRegions pairs two token lists (indexes into a's and b's tokens) by
// the longest common subsequence of their keys, bounded like the
// alignment of segments, and returns the runs that differ. Common ends are
// trimmed first, so a long block with one change costs little.
func diffRegions(a, b *lexed, as, bs []int, key func(*lexed, int) string) []region {
	n, m := len(as), len(bs)
	pre := 0
	for pre < n && pre < m && key(a, as[pre]) == key(b, bs[pre]) {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && key(a, as[n-1-suf]) == key(b, bs[m-1-suf]) {
		suf++
	}
	ka := make([]string, n-pre-suf)
	for i := range ka {
		ka[i] = key(a, as[pre+i])
	}
	kb := make([]string, m-pre-suf)
	for i := range kb {
		kb[i] = key(b, bs[pre+i])
	}
	pair := sequence.Pairs(ka, kb)
	var out []region
	for i, j := 0, 0; i < len(ka) || j < len(kb); {
		if i < len(ka) && pair[i] == j {
			i++
			j++
			continue
		}
		r := region{a0: i, b0: j}
		for i < len(ka) && pair[i] < 0 {
			i++
		}
		next := len(kb)
		if i < len(ka) {
			next = max(pair[i], j)
		}
		j = next
		if i == r.a0 && j == r.b0 {
			i++ // a pairing that is not monotone; never loop
			continue
		}
		out = append(out, region{pre + r.a0, pre + i, pre + r.b0, pre + j})
	}
	return out
}

// describeRegions writes the differing places: "`fetchData` in the source
// (line 12) is `fetchDta` in the translation (line 14)", up to
// maxCodeRegions, then "and N more". It is a message, or "" when there
// are none.
func describeRegions(a, b *lexed, as, bs []int, aLine, bLine int, kind string, regions []region) any {
	var parts []any
	for k, r := range regions {
		if k == maxCodeRegions {
			parts = append(parts, clitext.Msg("check_region_more", "N", len(regions)-k))
			break
		}
		sa, la := a.snippet(as[r.a0:r.a1], aLine, kind)
		sb, lb := b.snippet(bs[r.b0:r.b1], bLine, kind)
		switch {
		case sa != "" && sb != "":
			parts = append(parts, clitext.Msg("check_region_differs", "SourceCode", sa, "SourceLine", la, "Code", sb, "Line", lb))
		case sa != "":
			parts = append(parts, clitext.Msg("check_code_lacks", "Code", sa, "Line", la))
		case sb != "":
			parts = append(parts, clitext.Msg("check_region_added", "Code", sb, "Line", lb))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return clitext.Msg("check_code_regions", "List", joinSemicolon(parts))
}

// snippet returns the text from the first to the last of the tokens toks,
// quoted in backticks, white space collapsed and shortened, and its file
// line ("" when there are none). firstLine is the file line of the text's
// first line (of a block; a span's own line).
func (x *lexed) snippet(toks []int, firstLine int, kind string) (string, int) {
	if len(toks) == 0 {
		return "", 0
	}
	first, last := x.toks[toks[0]], x.toks[toks[len(toks)-1]]
	s := segment.Collapse(x.src[first.off:last.end])
	if r := []rune(s); len(r) > 60 {
		s = strings.TrimSpace(string(r[:59])) + "…"
	}
	line := firstLine
	if kind == "block" {
		line += first.line
	}
	return "`" + s + "`", line
}

// fenceLang is the language of a fenced block's info string: its first
// word, lower case ("" for none).
func fenceLang(info string) string {
	f := strings.Fields(info)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[0])
}

// codeMatch pairs the code items of a source and a translation: first in
// the same pair of segments, then anywhere in the article (a span moved to
// the next paragraph is not a difference).
type codeMatch struct {
	src, tr      []*codeItem
	pair         []int
	usedS, usedT []bool
}

func newCodeMatch(src, tr []*codeItem, pair []int) *codeMatch {
	return &codeMatch{src: src, tr: tr, pair: pair, usedS: make([]bool, len(src)), usedT: make([]bool, len(tr))}
}

// match pairs unused items with equal keys ("" never matches) and returns
// the pairs, as indexes into src and tr.
func (m *codeMatch) match(key func(*codeItem) string) [][2]int {
	var out [][2]int
	// The translation's unused items by segment and key, in order.
	type sk struct {
		seg int
		key string
	}
	bySeg := map[sk][]int{}
	byKey := map[string][]int{}
	keys := make([]string, len(m.tr))
	for j, y := range m.tr {
		if m.usedT[j] {
			continue
		}
		keys[j] = key(y)
		if keys[j] == "" {
			continue
		}
		bySeg[sk{y.seg, keys[j]}] = append(bySeg[sk{y.seg, keys[j]}], j)
		byKey[keys[j]] = append(byKey[keys[j]], j)
	}
	take := func(js []int) ([]int, int) {
		for len(js) > 0 && m.usedT[js[0]] {
			js = js[1:]
		}
		if len(js) == 0 {
			return js, -1
		}
		return js[1:], js[0]
	}
	var later []int
	for i, x := range m.src {
		if m.usedS[i] {
			continue
		}
		k := key(x)
		if k == "" {
			continue
		}
		if x.seg >= 0 && x.seg < len(m.pair) && m.pair[x.seg] >= 0 {
			id := sk{m.pair[x.seg], k}
			var j int
			if bySeg[id], j = take(bySeg[id]); j >= 0 {
				m.usedS[i], m.usedT[j] = true, true
				out = append(out, [2]int{i, j})
				continue
			}
		}
		later = append(later, i)
	}
	for _, i := range later {
		k := key(m.src[i])
		var j int
		if byKey[k], j = take(byKey[k]); j >= 0 {
			m.usedS[i], m.usedT[j] = true, true
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

// rest returns the unmatched items: a source item with the first unused
// translation item of its kind in the paired segment, or alone.
func (m *codeMatch) rest() [][2]*codeItem {
	type sk struct {
		seg  int
		kind string
	}
	free := map[sk][]int{}
	for j, y := range m.tr {
		if !m.usedT[j] {
			free[sk{y.seg, y.kind}] = append(free[sk{y.seg, y.kind}], j)
		}
	}
	var out [][2]*codeItem
	for i, x := range m.src {
		if m.usedS[i] {
			continue
		}
		d := [2]*codeItem{x, nil}
		if x.seg >= 0 && x.seg < len(m.pair) && m.pair[x.seg] >= 0 {
			id := sk{m.pair[x.seg], x.kind}
			if js := free[id]; len(js) > 0 {
				m.usedT[js[0]] = true
				d[1] = m.tr[js[0]]
				free[id] = js[1:]
			}
		}
		out = append(out, d)
	}
	for j, y := range m.tr {
		if !m.usedT[j] {
			out = append(out, [2]*codeItem{nil, y})
		}
	}
	return out
}

// proseBlock reports whether a fenced code block's info string names a
// language of prose (Markdown, plain text), whose content is translated like
// the rest of the page: a Markdown template in a style guide, say.
func proseBlock(info string) bool {
	lang := strings.ToLower(strings.Fields(info + " x")[0])
	switch lang {
	case "md", "markdown", "text", "txt", "plain", "plaintext":
		return true
	}
	return false
}

// plainOf returns the reader's text of a version's body, one segment a line.
func plainOf(v *version) string {
	var b strings.Builder
	for _, s := range v.Body {
		b.WriteString(s.Plain)
		b.WriteByte('\n')
	}
	return b.String()
}
