package cli

import (
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/track"
)

// sinceReport renders a sinceDiff as text or Markdown.
type sinceReport struct {
	diff   *sinceDiff
	since  string // the revision as given
	commit string
}

// sinceCollapse is the number of changed articles past which the Markdown
// table is folded into a <details> block, so that a pull-request comment
// stays short.
const sinceCollapse = 10

func (r *sinceReport) short() string {
	if len(r.commit) > 7 {
		return r.commit[:7]
	}
	return r.commit
}

// text prints the changed articles as a table like status's, then one
// line per language.
func (r *sinceReport) text(env *Env) {
	w := env.Stdout
	since := diag.EscapeLine(r.since)
	if len(r.diff.Articles) == 0 {
		fmt.Fprintf(w, "no translation changed since %s (%s)\n", since, r.short())
	} else {
		fmt.Fprintf(w, "changed since %s (%s):\n", since, r.short())
		t := &table{}
		head := []string{"ARTICLE"}
		for _, l := range r.diff.Languages {
			head = append(head, strings.ToUpper(l))
		}
		t.add(head...)
		for _, a := range r.diff.Articles {
			row := []string{diag.EscapeLine(a.ID)}
			for _, l := range r.diff.Languages {
				row = append(row, r.cell(env, a, l, "->"))
			}
			t.add(row...)
		}
		t.write(w)
	}
	fmt.Fprintln(w)
	for _, l := range r.diff.Languages {
		fmt.Fprintf(w, "%s: %s\n", env.bold(l), sinceLine(r.diff.Summary[l], "->"))
	}
}

// cell is one language of a changed article: "current -> stale (+16
// words)", "stale (+5 words)" when only the words changed, the state alone
// when nothing did, "-" for no version.
func (r *sinceReport) cell(env *Env, a *sinceArticle, lang, arrow string) string {
	c, ok := a.Versions[lang]
	if !ok {
		if s, ok := a.Same[lang]; ok {
			if env == nil {
				return string(s)
			}
			return env.paint(s, string(s))
		}
		return "-"
	}
	name := func(s *track.State) string {
		if s == nil {
			return "-"
		}
		if env == nil {
			return string(*s)
		}
		return env.paint(*s, string(*s))
	}
	out := name(c.After)
	if c.stateChanged() {
		out = name(c.Before) + " " + arrow + " " + out
	}
	if c.Words != 0 {
		out += " (" + signedWords(c.Words) + ")"
	}
	return out
}

func signedWords(n int) string {
	word := "words"
	if n == 1 || n == -1 {
		word = "word"
	}
	return fmt.Sprintf("%+d %s", n, word)
}

// sinceLine sums up a language: "1 new, 1 became stale, 1 removed;
// 39 -> 55 words to translate (+16)".
func sinceLine(s *sinceSummary, arrow string) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	b := s.Became
	add(b.New, "new")
	add(b.Source, "became source")
	add(b.Current, "became current")
	add(b.Stale, "became stale")
	add(b.Draft, "became draft")
	add(b.Untracked, "became untracked")
	add(b.Missing, "became missing")
	add(b.Orphan, "became orphan")
	add(b.Removed, "removed")
	if len(parts) == 0 {
		parts = append(parts, "no change")
	}
	words := plural(s.WordsAfter, "word", "words") + " to translate"
	if s.Words != 0 {
		words = fmt.Sprintf("%d %s %s (%+d)", s.WordsBefore, arrow, words, s.Words)
	}
	return strings.Join(parts, ", ") + "; " + words
}

// markdown renders the comparison for a pull-request comment: a marker a
// workflow finds its earlier comment by, a heading, a line per language,
// and a table of the changed articles, folded when long. Content (ids, the
// revision) goes in code spans, where GitHub neither links, mentions nor
// renders HTML.
func (r *sinceReport) markdown() string {
	var b strings.Builder
	b.WriteString("<!-- ceviri status --since -->\n")
	fmt.Fprintf(&b, "### Translations: changes since %s (%s)\n\n", codeSpan(r.since), r.short())
	for _, l := range r.diff.Languages {
		fmt.Fprintf(&b, "- **%s**: %s\n", l, sinceLine(r.diff.Summary[l], "→"))
	}
	b.WriteString("\n")
	n := len(r.diff.Articles)
	if n == 0 {
		b.WriteString("No translation changed state or words to translate.\n")
		return b.String()
	}
	if n > sinceCollapse {
		fmt.Fprintf(&b, "<details>\n<summary>%s changed</summary>\n\n", plural(n, "article", "articles"))
	}
	b.WriteString("| Article |")
	for _, l := range r.diff.Languages {
		fmt.Fprintf(&b, " %s |", strings.ToUpper(l))
	}
	b.WriteString("\n| --- |")
	b.WriteString(strings.Repeat(" --- |", len(r.diff.Languages)))
	b.WriteString("\n")
	for _, a := range r.diff.Articles {
		fmt.Fprintf(&b, "| %s |", codeSpan(a.ID))
		for _, l := range r.diff.Languages {
			fmt.Fprintf(&b, " %s |", r.cell(nil, a, l, "→"))
		}
		b.WriteString("\n")
	}
	if n > sinceCollapse {
		b.WriteString("\n</details>\n")
	}
	return b.String()
}

// codeSpan writes s as a Markdown code span that holds it literally, in a
// table cell too: fenced by one backtick more than its longest run, padded
// when it starts or ends with a backtick, and with | escaped (GFM splits
// cells at a | even inside a code span).
func codeSpan(s string) string {
	s = diag.EscapeLine(s)
	longest, run := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + strings.ReplaceAll(s, "|", `\|`) + fence
}
