package cli

import (
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
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
func (r *sinceReport) text(env *Env, tx *clitext.Printer) {
	w := env.Stdout
	since := diag.EscapeLine(r.since)
	if len(r.diff.Articles) == 0 {
		fmt.Fprintln(w, tx.T("since_none", "Since", since, "Commit", r.short()))
	} else {
		fmt.Fprintln(w, tx.T("since_changed", "Since", since, "Commit", r.short()))
		t := &table{}
		head := []string{tx.T("status_article")}
		for _, l := range r.diff.Languages {
			head = append(head, strings.ToUpper(l))
		}
		t.add(head...)
		for _, a := range r.diff.Articles {
			row := []string{diag.EscapeLine(a.ID)}
			for _, l := range r.diff.Languages {
				row = append(row, r.cell(env, tx, a, l, "->"))
			}
			t.add(row...)
		}
		t.write(w)
	}
	fmt.Fprintln(w)
	for _, l := range r.diff.Languages {
		fmt.Fprintf(w, "%s: %s\n", env.bold(l), sinceLine(tx, r.diff.Summary[l], "->"))
	}
}

// cell is one language of a changed article: "current -> stale (+16
// words)", "stale (+5 words)" when only the words changed, the state alone
// when nothing did, "-" for no version.
func (r *sinceReport) cell(env *Env, tx *clitext.Printer, a *sinceArticle, lang, arrow string) string {
	c, ok := a.Versions[lang]
	if !ok {
		if s, ok := a.Same[lang]; ok {
			if env == nil {
				return stateName(tx, s)
			}
			return env.paint(s, stateName(tx, s))
		}
		return "-"
	}
	name := func(s *track.State) string {
		if s == nil {
			return "-"
		}
		if env == nil {
			return stateName(tx, *s)
		}
		return env.paint(*s, stateName(tx, *s))
	}
	out := name(c.After)
	if c.stateChanged() {
		out = name(c.Before) + " " + arrow + " " + out
	}
	if c.Words != 0 {
		out += " (" + tx.N("words_signed", abs(c.Words), "Signed", signed(tx, c.Words)) + ")"
	}
	return out
}

// signed writes n with its sign, as %+d does, in tx's numbers.
func signed(tx *clitext.Printer, n int) string {
	if n < 0 {
		return "-" + tx.Num(-n)
	}
	return "+" + tx.Num(n)
}

func abs(n int) int { return max(n, -n) }

// sinceLine sums up a language: "1 new, 1 became stale, 1 removed;
// 39 -> 55 words to translate (+16)".
func sinceLine(tx *clitext.Printer, s *sinceSummary, arrow string) string {
	var parts []string
	add := func(n int, id string, st track.State) {
		if n > 0 {
			parts = append(parts, tx.T(id, "Count", tx.Num(n), "State", stateName(tx, st)))
		}
	}
	b := s.Became
	add(b.New, "since_new", "")
	add(b.Source, "since_became", track.Source)
	add(b.Current, "since_became", track.Current)
	add(b.Stale, "since_became", track.Stale)
	add(b.Draft, "since_became", track.Draft)
	add(b.Untracked, "since_became", track.Untracked)
	add(b.Missing, "since_became", track.Missing)
	add(b.Orphan, "since_became", track.Orphan)
	add(b.Removed, "since_removed", "")
	if len(parts) == 0 {
		parts = append(parts, tx.T("since_no_change"))
	}
	words := tx.T("since_to_translate", "Words", tx.N("words", s.WordsAfter))
	if s.Words != 0 {
		words = tx.T("since_to_translate_change", "Before", tx.Num(s.WordsBefore), "Arrow", arrow,
			"Words", tx.N("words", s.WordsAfter), "Delta", signed(tx, s.Words))
	}
	return strings.Join(parts, ", ") + "; " + words
}

// markdown renders the comparison for a pull-request comment: a marker a
// workflow finds its earlier comment by, a heading, a line per language,
// and a table of the changed articles, folded when long. Content (ids, the
// revision) goes in code spans, where GitHub neither links, mentions nor
// renders HTML.
func (r *sinceReport) markdown(tx *clitext.Printer) string {
	var b strings.Builder
	b.WriteString("<!-- ceviri status --since -->\n")
	fmt.Fprintf(&b, "### %s\n\n", tx.T("since_md_heading", "Since", codeSpan(r.since), "Commit", r.short()))
	for _, l := range r.diff.Languages {
		fmt.Fprintf(&b, "- **%s**: %s\n", l, sinceLine(tx, r.diff.Summary[l], "→"))
	}
	b.WriteString("\n")
	n := len(r.diff.Articles)
	if n == 0 {
		b.WriteString(tx.T("since_md_none") + "\n")
		return b.String()
	}
	if n > sinceCollapse {
		fmt.Fprintf(&b, "<details>\n<summary>%s</summary>\n\n", tx.N("since_md_articles_changed", n))
	}
	fmt.Fprintf(&b, "| %s |", tx.T("since_md_article"))
	for _, l := range r.diff.Languages {
		fmt.Fprintf(&b, " %s |", strings.ToUpper(l))
	}
	b.WriteString("\n| --- |")
	b.WriteString(strings.Repeat(" --- |", len(r.diff.Languages)))
	b.WriteString("\n")
	for _, a := range r.diff.Articles {
		fmt.Fprintf(&b, "| %s |", codeSpan(a.ID))
		for _, l := range r.diff.Languages {
			fmt.Fprintf(&b, " %s |", r.cell(nil, tx, a, l, "→"))
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
