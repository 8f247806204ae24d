package check

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/segment"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// number is a number as written in a text, with the values it can mean.
type numberTok struct {
	text   string   // as written, with a percent sign next to it
	values []string // canonical readings: "1250", "1.25", "t18:30"
	// soft marks the month of a numeric date: "03.12.2025" may be written
	// "3 December 2025", so a month without a partner is not reported.
	soft bool
}

// separators are a language's decimal and grouping marks, from CLDR via
// golang.org/x/text/number ("1.234,5" in Turkish gives ',' and '.').
type separators struct{ decimal, group rune }

var sepCache sync.Map // language.Tag -> separators

func separatorsOf(tag language.Tag) separators {
	if s, ok := sepCache.Load(tag); ok {
		return s.(separators)
	}
	s := separators{decimal: '.', group: ','}
	out := message.NewPrinter(tag).Sprint(number.Decimal(1234.5, number.Scale(1)))
	var marks []rune
	for _, r := range out {
		if r < '0' || r > '9' {
			marks = append(marks, r)
		}
	}
	switch len(marks) {
	case 2:
		s = separators{decimal: marks[1], group: marks[0]}
	case 1:
		s = separators{decimal: marks[0], group: 0}
	}
	sepCache.Store(tag, s)
	return s
}

// numbers returns the numbers in a reader's text. A number is a run of ASCII
// digits with '.', ',' or ':' between digits; a percent sign before or after
// it is not part of it ("%40" and "40%" are both 40), nor is a sign. Digits
// right after a letter belong to a name (mp4, IPv6) and are skipped.
func numbers(s string, tag language.Tag) []numberTok {
	var out []numberTok
	sep := separatorsOf(tag)
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || (s[j] == '.' || s[j] == ',' || s[j] == ':') && j+1 < len(s) && isDigit(s[j+1])) {
			j++
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && unicode.IsLetter(r) {
			i = j // part of a name: mp4, IPv6, H2O
			continue
		}
		if date := dateParts(s, i, j); date != nil {
			out = append(out, date...)
			i = isoEnd(s, i, j)
			continue
		}
		text := s[i:j]
		if i > 0 && s[i-1] == '%' {
			text = "%" + text
		} else if j < len(s) && s[j] == '%' {
			text += "%"
		}
		out = append(out, numberTok{text: text, values: readings(s[i:j], sep)})
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// readings returns what a written number can mean: a time ("18.30", "18:30"),
// a number in the language's own convention, and, only when the language's
// convention cannot read it, the other common convention (a Turkish text
// that writes "99.9" means 99,9). Digits that no convention reads as one
// number ("1.2.3", "03.12.2025") are their parts, joined by "/".
func readings(t string, sep separators) []string {
	var out []string
	if h, m, ok := clock(t); ok {
		out = append(out, "t"+h+":"+m)
		if strings.ContainsRune(t, ':') {
			return out
		}
	}
	if v, ok := readAs(t, sep.decimal, sep.group); ok {
		return append(out, v)
	}
	other := separators{decimal: '.', group: ','}
	if sep.decimal == '.' {
		other = separators{decimal: ',', group: '.'}
	}
	if v, ok := readAs(t, other.decimal, other.group); ok {
		return append(out, v)
	}
	if len(out) > 0 {
		return out
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == ',' || r == ':' })
	for i, p := range parts {
		parts[i] = trimZeros(p)
	}
	return []string{strings.Join(parts, "/")}
}

// clock reads "18.30" or "18:30" as a time of day.
func clock(t string) (h, m string, ok bool) {
	i := strings.IndexAny(t, ".:")
	if i < 1 || i > 2 || len(t)-i-1 != 2 || strings.ContainsAny(t[i+1:], ".,:") {
		return "", "", false
	}
	h, m = trimZeros(t[:i]), t[i+1:]
	if len(h) > 2 || h > "24" && len(h) == 2 || m > "59" {
		return "", "", false
	}
	return h, m, true
}

// readAs reads t with a decimal mark and a grouping mark: groups after the
// first must have three digits, at most one decimal mark may follow them.
// It returns the canonical value: no grouping, '.' as decimal mark, no
// leading zeros in the integer part, no trailing zeros in the fraction.
func readAs(t string, dec, group rune) (string, bool) {
	if strings.ContainsRune(t, ':') {
		return "", false
	}
	intPart, frac := t, ""
	if i := strings.IndexRune(t, dec); i >= 0 {
		intPart, frac = t[:i], t[i+1:]
		if strings.ContainsAny(frac, ".,") {
			return "", false
		}
	}
	if group != 0 && strings.ContainsRune(intPart, group) {
		groups := strings.Split(intPart, string(group))
		if len(groups[0]) > 3 {
			return "", false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", false
			}
		}
		intPart = strings.Join(groups, "")
	}
	if strings.ContainsAny(intPart, ".,") {
		return "", false
	}
	v := trimZeros(intPart)
	frac = strings.TrimRight(frac, "0")
	if frac != "" {
		v += "." + frac
	}
	return v, true
}

func trimZeros(s string) string {
	s = strings.TrimLeft(s, "0")
	if s == "" {
		return "0"
	}
	return s
}

// dateParts splits a numeric date into day, month and year so that each
// can match the same date written with a month name: "03.12.2025" (day,
// month, year) or "2025-12-03" (ISO, starting at s[i:j] = "2025"). It
// returns nil for anything else.
func dateParts(s string, i, j int) []numberTok {
	t := s[i:j]
	var y, m, d string
	if k := isoEnd(s, i, j); k > j {
		parts := strings.Split(s[i:k], "-")
		y, m, d = parts[0], parts[1], parts[2]
	} else {
		parts := strings.Split(t, ".")
		if len(parts) != 3 || (len(parts[2]) != 4 && len(parts[2]) != 2) {
			return nil
		}
		d, m, y = parts[0], parts[1], parts[2]
	}
	if len(d) > 2 || len(m) > 2 || trimZeros(d) > "31" && len(trimZeros(d)) == 2 || trimZeros(m) > "12" && len(trimZeros(m)) == 2 || trimZeros(d) == "0" || trimZeros(m) == "0" {
		return nil
	}
	tok := func(v string, soft bool) numberTok {
		return numberTok{text: v, values: []string{trimZeros(v)}, soft: soft}
	}
	return []numberTok{tok(d, false), tok(m, true), tok(y, false)}
}

// isoEnd returns the end of an ISO date "YYYY-MM-DD" whose year is s[i:j],
// or j when there is none.
func isoEnd(s string, i, j int) int {
	if j-i != 4 || j+5 > len(s) || s[j] != '-' {
		return j
	}
	k := j + 1
	for k < len(s) && isDigit(s[k]) && k-j-1 < 2 {
		k++
	}
	if k-j-1 < 1 || k >= len(s) || s[k] != '-' {
		return j
	}
	l := k + 1
	for l < len(s) && isDigit(s[l]) && l-k-1 < 2 {
		l++
	}
	if l-k-1 < 1 || l < len(s) && isDigit(s[l]) {
		return j
	}
	return l
}

// numbers compares the numbers a reader sees, field by field and segment by
// segment, after reading each in its language's convention. A number word
// ("six", "altı'ya") stands for its digits in the paired segment; a number
// in inline code stands for the same number written as text (`90` and 90:
// the code rule compares code with code), and neither is reported alone.
func (c *comparison) numbers() {
	// Translated fields pair by key.
	for _, sf := range c.src.Fields {
		for _, tf := range c.tr.Fields {
			if sf.Key != tf.Key {
				continue
			}
			a := c.numberItems([]segment.Segment{sf}, c.src.Lang, nil, func(int) int { return 0 })
			b := c.numberItems([]segment.Segment{tf}, c.tr.Lang, nil, func(int) int { return 0 })
			a = append(a, c.wordItems(sf, 0, c.src.Lang, 0)...)
			b = append(b, c.wordItems(tf, 0, c.tr.Lang, 0)...)
			for _, d := range diffItems(a, b, []int{0}) {
				c.numberFinding(d, tf.Line, tf.Key)
			}
		}
	}
	srcAt := func(i int) int {
		if i < len(c.pair) {
			return c.pair[i]
		}
		return -1
	}
	src := c.numberItems(c.src.Body, c.src.Lang, c.src, srcAt)
	tr := c.numberItems(c.tr.Body, c.tr.Lang, c.tr, func(j int) int { return j })
	// Number words are read only in a segment whose partner has a number
	// it lacks: most pairs agree in digits, and reading words costs.
	small := func(items []item) map[int][]string {
		out := map[int][]string{}
		for _, x := range items {
			if !x.soft && len(x.keys) > 0 && len(x.keys[0]) <= 2 {
				out[x.seg] = append(out[x.seg], x.keys[0])
			}
		}
		return out
	}
	srcSmall, trSmall := small(src), small(tr)
	for i, j := range c.pair {
		if j < 0 {
			continue
		}
		if lacks(trSmall[j], srcSmall[i]) {
			tr = append(tr, c.wordItems(c.tr.Body[j], j, c.tr.Lang, j)...)
		}
		if lacks(srcSmall[i], trSmall[j]) {
			src = append(src, c.wordItems(c.src.Body[i], i, c.src.Lang, j)...)
		}
	}
	for _, d := range diffItems(src, tr, c.pair) {
		line := 0
		if d.tr != nil {
			line = d.tr.line
		} else {
			line = c.trLineOf(d.src)
		}
		c.numberFinding(d, line, "")
	}
}

// lacks reports whether the values have, counted with repetition, one
// that the values of the other side do not.
func lacks(mine, other []string) bool {
	if len(other) > len(mine) {
		return true
	}
	left := map[string]int{}
	for _, v := range mine {
		left[v]++
	}
	for _, v := range other {
		if left[v] == 0 {
			return true
		}
		left[v]--
	}
	return false
}

// numberItems reads the numbers of segs (digits, and the numbers of v's
// inline code as soft items), a segment's after its digits. at maps a
// segment to the index of the translation segment it is compared with
// (the translation's own index for the translation; -1 for none); the
// readings a number word can have are also keyed to it (withPlace).
func (c *comparison) numberItems(segs []segment.Segment, lang string, v *version, at func(int) int) []item {
	tag := c.cfg.Tag(lang)
	var spans map[int][]string
	if v != nil {
		for _, in := range v.md.inlines {
			if in.kind == "code" {
				if spans == nil {
					spans = map[int][]string{}
				}
				i := segAt(segs, in.line)
				spans[i] = append(spans[i], in.value)
			}
		}
	}
	var out []item
	for i, s := range segs {
		if !s.Translatable() {
			continue
		}
		place := at(i)
		for _, n := range numbers(withoutShortcodes(s.Plain), tag) {
			keys := n.values
			if place >= 0 {
				keys = withPlace(keys, place)
			}
			out = append(out, item{keys: keys, show: n.text, seg: i, line: s.Line, soft: n.soft})
		}
		for _, code := range spans[i] {
			for _, n := range numbers(code, language.English) {
				out = append(out, item{keys: n.values, show: n.text, seg: i, line: s.Line, soft: true})
			}
		}
	}
	return out
}

// wordItems reads the number words of segment s (index i) as soft items
// keyed to translation segment place only.
func (c *comparison) wordItems(s segment.Segment, i int, lang string, place int) []item {
	if !s.Translatable() {
		return nil
	}
	var out []item
	for _, n := range numberWords(withoutShortcodes(s.Plain), c.cfg.Tag(lang)) {
		out = append(out, item{keys: withPlace(n.values, place)[len(n.values):], show: n.text, seg: i, line: s.Line, soft: true})
	}
	return out
}

// withPlace adds to the readings of a number that a number word can have
// (0..20) the same readings tied to translation segment at ("6@3"), the
// only keys a number word has: a word matches digits of its own segment
// pair and nowhere else.
func withPlace(keys []string, at int) []string {
	out := keys[:len(keys):len(keys)] // appending copies
	for _, k := range keys {
		if len(k) <= 2 && k[0] >= '0' && k[0] <= '9' && (len(k) == 1 || k <= "20" && k[0] != '0') {
			out = append(out, k+"@"+strconv.Itoa(at))
		}
	}
	return out
}

// numberFinding reports difference d at line; field is the front-matter
// field it is in, or "" for the body.
func (c *comparison) numberFinding(d difference, line int, field string) {
	if d.src != nil && d.src.soft {
		d.src = nil
	}
	if d.tr != nil && d.tr.soft {
		d.tr = nil
	}
	if d.src == nil && d.tr == nil {
		return
	}
	var in any = ""
	if field != "" {
		in = clitext.Msg("check_number_in_field", "Field", field)
	}
	switch {
	case d.src != nil && d.tr != nil:
		c.add(Numbers, line, "check_number_differs", "SourceNumber", d.src.show, "Line", d.src.line, "Number", d.tr.show, "In", in)
	case d.src != nil:
		c.add(Numbers, line, "check_number_lacks", "Number", d.src.show, "Line", d.src.line, "In", in)
	default:
		c.add(Numbers, line, "check_number_added", "Number", d.tr.show, "In", in, "Source", c.srcName)
	}
}
