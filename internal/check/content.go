package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
)

// minUntranslatedWords is the fewest words a segment identical to the source
// must have to count as untranslated; shorter ones are mostly names, terms
// and titles that stay the same in every language.
const minUntranslatedWords = 4

// version is a language version with what the content rules read from it.
type version struct {
	*project.Version
	md *markdown
}

func newVersion(v *project.Version) *version {
	body := segment.Normalize(v.Doc.Body)
	return &version{Version: v, md: parseMarkdownAs(body, v.Doc.BodyLine, segment.FormatOf(v.Path))}
}

// compare applies the rules that compare a translation with its source:
// structure, links, numbers, code, untranslated and empty.
// recorded, when known, is the source version the translation was made from
// (a stale translation's), so a link the source has since changed is named
// as such.
func compare(cfg *config.Config, f finder, srcV, trV, recorded *project.Version) []Finding {
	return compareWith(cfg, Options{}, f, srcV, trV, recorded)
}

// compareWith is compare with options.
func compareWith(cfg *config.Config, opts Options, f finder, srcV, trV, recorded *project.Version) []Finding {
	src, tr := newVersion(srcV), newVersion(trV)
	c := &comparison{cfg: cfg, opts: opts, f: f, src: src, tr: tr, srcName: langName(cfg, srcV.Lang)}
	if recorded != nil && recorded.Doc != nil {
		c.old = newVersion(recorded)
	}
	c.pair = pairBlocks(src.Body, tr.Body)
	c.empty()
	if len(tr.Body) == 0 {
		return c.out
	}
	c.structure()
	c.links()
	c.anchors(trV)
	c.numbers()
	c.code()
	c.untranslated()
	return c.out
}

type comparison struct {
	cfg     *config.Config
	opts    Options
	f       finder
	src, tr *version
	srcName string
	old     *version // the recorded source version, or nil
	pair    []int
	out     []Finding
}

func (c *comparison) add(rule string, line int, format string, args ...any) {
	c.out = append(c.out, c.f.at(rule, line, format, args...))
}

// trLineOf is the translation line for a source item.
func (c *comparison) trLineOf(x *item) int {
	return trLine(x, c.pair, c.tr.Body, c.tr.Doc.BodyLine)
}

func (c *comparison) empty() {
	if len(c.tr.Body) > 0 {
		return
	}
	words := 0
	for _, s := range c.src.Body {
		if s.Translatable() {
			words += s.Words
		}
	}
	if words > 0 {
		c.add(Empty, c.tr.Doc.BodyLine, "the translation has no body text; the %s source has %s", c.srcName, countOf(words, "word"))
	}
}

// untranslated reports prose segments of the translation that are the same
// as a source segment.
func (c *comparison) untranslated() {
	if c.src.Lang == c.tr.Lang {
		return
	}
	seen := map[string]int{}
	for _, s := range append(append([]segment.Segment{}, c.src.Fields...), c.src.Body...) {
		if s.Translatable() && s.Words >= minUntranslatedWords {
			if _, ok := seen[s.Plain]; !ok {
				seen[s.Plain] = s.Line
			}
		}
	}
	for _, s := range append(append([]segment.Segment{}, c.tr.Fields...), c.tr.Body...) {
		if !s.Translatable() || s.Words < minUntranslatedWords {
			continue
		}
		if l, ok := seen[s.Plain]; ok && !titleCase(s.Plain) {
			what := strings.ReplaceAll(s.Kind, "_", " ")
			if s.Kind == segment.Field {
				what = "field " + s.Key
			}
			c.add(Untranslated, s.Line, "%s %s is the same as in the %s source (line %d); it looks untranslated", what, quote(s.Plain), c.srcName, l)
		}
	}
}

// describe names a block for a message.
func describe(b block) string {
	switch b.kind {
	case "heading":
		return fmt.Sprintf("level-%d heading", b.level)
	case "list":
		if b.ordered {
			return fmt.Sprintf("numbered list of %s", countOf(b.n, "item"))
		}
		return fmt.Sprintf("list of %s", countOf(b.n, "item"))
	case "table":
		return fmt.Sprintf("table of %d columns x %d rows", b.cols, b.rows)
	case "quote":
		return "block quote"
	case "code":
		return "code block"
	case "html":
		return "HTML block"
	case "footnotes":
		return fmt.Sprintf("footnote list of %s", countOf(b.n, "footnote"))
	}
	return b.kind
}

// titleCase reports whether every word of s that starts with a letter has a
// capital in it: a name or a term ("Mutual Transport Layer Security
// (mTLS)"), which stays the same in translation.
func titleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !strings.ContainsFunc(w, unicode.IsUpper) {
			return false
		}
	}
	return true
}

// withoutShortcodes removes Hugo shortcodes from text, so their parameters
// (video ids, sizes) are not read as numbers; the code rule compares them.
// Each shortcode becomes a space; the first "{{" that does not open one
// ends the removal. It builds the result once: cutting the text at each
// shortcode copied it 10,000 times for 10,000 shortcodes.
func withoutShortcodes(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "{{")
		if i < 0 || i+2 >= len(s) || (s[i+2] != '<' && s[i+2] != '%') {
			break
		}
		closer := "%}}"
		if s[i+2] == '<' {
			closer = ">}}"
		}
		j := strings.Index(s[i+3:], closer)
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i+3+j+len(closer):]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}
