package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
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
	srcName clitext.Text // the source language's name
	old     *version     // the recorded source version, or nil
	pair    []int
	out     []Finding
}

// add adds the finding of rule at line with message id and its pairs of
// names and values.
func (c *comparison) add(rule string, line int, id string, pairs ...any) {
	c.out = append(c.out, c.f.at(rule, line, id, pairs...))
}

// trLineOf is the translation line for a source item.
func (c *comparison) trLineOf(x *item) int {
	return trLine(x, c.pair, c.tr.Body, c.tr.Doc.BodyLine)
}

func (c *comparison) empty() {
	if len(c.tr.Body) > 0 {
		return
	}
	n := 0
	for _, s := range c.src.Body {
		if s.Translatable() {
			n += s.Words
		}
	}
	if n > 0 {
		c.add(Empty, c.tr.Doc.BodyLine, "check_empty_body", "Source", c.srcName, "Words", words(n))
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
			what := segmentKind(s.Kind)
			if s.Kind == segment.Field {
				what = clitext.Msg("check_kind_field", "Field", s.Key)
			}
			c.add(Untranslated, s.Line, "check_untranslated", "What", what, "Text", quote(s.Plain), "Source", c.srcName, "Line", l)
		}
	}
}

// describe names a block for a message.
func describe(b block) clitext.Text {
	switch b.kind {
	case "heading":
		return clitext.Msg("check_block_heading", "Level", b.level)
	case "paragraph":
		return clitext.Msg("check_block_paragraph")
	case "list":
		if b.ordered {
			return counted("check_block_numbered_list_one", "check_block_numbered_list", b.n)
		}
		return counted("check_block_list_one", "check_block_list", b.n)
	case "table":
		return clitext.Msg("check_block_table", "Cols", b.cols, "Rows", b.rows)
	case "quote":
		return clitext.Msg("check_block_quote")
	case "code":
		return clitext.Msg("check_block_code")
	case "html":
		return clitext.Msg("check_block_html")
	case "JSX block":
		return clitext.Msg("check_block_jsx")
	case "import or export":
		return clitext.Msg("check_block_import")
	case "footnotes":
		return counted("check_block_footnotes_one", "check_block_footnotes", b.n)
	}
	return clitext.Msg("check_kind_other", "Kind", b.kind)
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
