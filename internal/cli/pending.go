package cli

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/interchange"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/tm"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/workers"
	"github.com/spf13/cobra"
)

type pendingOptions struct {
	IDs    []string
	Lang   string
	States []string // empty: every pending state
	Since  string   // YYYY-MM-DD; empty: no limit
	NoGit  bool
	// NoMatches skips the translation memory's match bands: on a large
	// project scoring every owed segment costs seconds (docs/memory.md).
	NoMatches bool
}

func newPendingCmd(env *Env) *cobra.Command {
	opts := &pendingOptions{}
	c := &cobra.Command{
		Use:   "pending [ID...] --lang L",
		Short: "List the translations in a language that need work, newest first",
		Long: `List every version of language L that needs a translator: missing, stale (the
source changed since it was translated), draft and untracked, newest article first
(by the source's date, then id), with the words to translate and a total. A
placeholder (an empty body, or the placeholder.field marker set) is missing, and
listed as "missing (placeholder)".

Words are counted the way CAT tools quote them: a missing or untracked version owes
the whole source; a stale one only the source segments added or changed since its
recorded version; a draft the segments still identical to the source. URLs, e-mail
addresses and code are not counted. A count marked ~ is an estimate (the recorded
source version is not stored, and git history did not have it either); stderr then
names the translation record, the stored copy looked for, and how to recover.

pending only reads; it exits 0 whatever it lists.`,
		Example: `  ceviri pending --lang en
  ceviri pending --lang tr --state stale,draft
  ceviri pending --lang tr --since 2025-11-01 --json`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			return runPending(c.Context(), env, opts)
		},
	}
	f := c.Flags()
	f.StringVarP(&opts.Lang, "lang", "l", "", "language of the translations (required)")
	f.StringSliceVar(&opts.States, "state", nil, "list only these states: missing, stale, draft, untracked (repeat or separate by commas)")
	f.StringVar(&opts.Since, "since", "", "list only articles dated on or after `DATE` (YYYY-MM-DD)")
	f.BoolVar(&opts.NoGit, "no-git", false, "do not look in git history for recorded source versions whose copy is missing")
	f.BoolVar(&opts.NoMatches, "no-matches", false, "leave out the translation memory's match bands (faster on large projects)")
	_ = c.MarkFlagRequired("lang")
	return c
}

// pendingJSON is the shape of pending --json (docs/reference.md).
type pendingJSON struct {
	Lang       string         `json:"lang"`
	Items      []*pendingItem `json:"items"`
	TotalWords int            `json:"total_words"`
	Matches    *matchBands    `json:"matches,omitempty"` // when the memory has entries into the language
}

// matchBands are owed words by the best translation memory match of their
// segment, in CAT analysis bands (docs/memory.md).
type matchBands struct {
	Exact   int `json:"100"`
	High    int `json:"95-99"`
	Mid     int `json:"85-94"`
	Low     int `json:"75-84"`
	NoMatch int `json:"no_match"`
}

// add counts words under the band of score.
func (b *matchBands) add(score, words int) {
	switch tm.Band(score) {
	case "100":
		b.Exact += words
	case "95-99":
		b.High += words
	case "85-94":
		b.Mid += words
	case "75-84":
		b.Low += words
	default:
		b.NoMatch += words
	}
}

func (b *matchBands) plus(o *matchBands) {
	b.Exact, b.High, b.Mid, b.Low, b.NoMatch = b.Exact+o.Exact, b.High+o.High, b.Mid+o.Mid, b.Low+o.Low, b.NoMatch+o.NoMatch
}

// pendingItem is one version that needs work.
type pendingItem struct {
	ID              string      `json:"id"`
	State           track.State `json:"state"`
	PendingWords    int         `json:"pending_words"`
	Path            string      `json:"path"`
	SourcePath      string      `json:"source_path"`
	SourceLang      string      `json:"source_lang"`
	Date            string      `json:"date,omitempty"`        // the source's date field as written
	Placeholder     bool        `json:"placeholder,omitempty"` // missing: the file is a placeholder, not a translation
	ChangedSegments *int        `json:"changed_segments,omitempty"`
	TotalSegments   *int        `json:"total_segments,omitempty"`
	Note            string      `json:"note,omitempty"`           // why the count is an estimate
	RecoveredFrom   string      `json:"recovered_from,omitempty"` // "git:<commit>" when the recorded version came from git
	Matches         *matchBands `json:"matches,omitempty"`        // owed words by memory match (pendingJSON.Matches)

	when     time.Time               // parsed Date; zero when there is none
	missing  *track.MissingCopyError // the stored copy looked for in vain, if that is why Note is set
	searched bool                    // git history of the source was searched for it, in vain
}

func runPending(ctx context.Context, env *Env, opts *pendingOptions) error {
	want, err := parseStates(opts.States)
	if err != nil {
		return err
	}
	var since time.Time
	if opts.Since != "" {
		if since, err = time.Parse(time.DateOnly, opts.Since); err != nil {
			return diag.Usagef("--since %q is not a date (YYYY-MM-DD)", opts.Since)
		}
	}
	l, err := env.load(opts.IDs)
	if err != nil {
		return err
	}
	if err := checkLang(l.p.Config, opts.Lang); err != nil {
		return err
	}
	items := []*pendingItem{}
	total := 0
	g := &pendingGit{p: l.p}
	var bands *matchBands
	var m *tm.Memory
	if len(l.status) > 0 && !opts.NoMatches {
		if m, err = env.memory(l, len(opts.IDs) > 0); err != nil {
			return err
		}
		if memoryFor(m, opts.Lang) {
			bands = &matchBands{}
		}
	}
	var itemArts []*track.Article // the article of each item
	for _, a := range l.status {
		v := a.Versions[opts.Lang]
		if v == nil || !v.State.Pending() || !want[v.State] || a.SourceFile == nil {
			continue
		}
		it := &pendingItem{ID: a.ID, State: v.State, Path: v.Path, SourcePath: a.SourceFile.Path,
			SourceLang: a.Source, Placeholder: v.Placeholder, ChangedSegments: v.ChangedSegments, TotalSegments: v.TotalSegments, Note: v.Note,
			missing: v.Missing}
		if v.PendingWords != nil {
			it.PendingWords = *v.PendingWords
		}
		it.Date, it.when = sourceDate(a.SourceFile)
		if !since.IsZero() && (it.when.IsZero() || it.when.Format(time.DateOnly) < opts.Since) {
			continue
		}
		if it.Note != "" && it.State == track.Stale && v.File != nil && v.File.Record != nil && !opts.NoGit {
			g.recount(ctx, it, a.SourceFile, v.File.Record.SourceHash)
		}
		items = append(items, it)
		itemArts = append(itemArts, a)
		total += it.PendingWords
	}
	if bands != nil {
		workers.Each(len(items), 0, func(i int) { items[i].Matches = owedByMatch(m, itemArts[i], opts.Lang) })
		for _, it := range items {
			bands.plus(it.Matches)
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if !a.when.Equal(b.when) {
			return a.when.After(b.when) // undated (zero) last
		}
		return a.ID < b.ID
	})
	if env.JSON {
		if err := writeJSON(env.Stdout, pendingJSON{Lang: opts.Lang, Items: items, TotalWords: total, Matches: bands}); err != nil {
			return err
		}
		return l.err()
	}
	if len(items) == 0 {
		fmt.Fprintf(env.Stdout, "nothing to translate in %s\n", opts.Lang)
		return l.err()
	}
	writePendingTable(env, items, total)
	if bands != nil && bands.Exact+bands.High+bands.Mid+bands.Low > 0 {
		writeBands(env, bands)
	}
	for _, it := range items {
		if it.Note != "" {
			env.Infof("%s", estimateNote(it))
		}
	}
	return l.err()
}

// estimateNote says why an item's count is an estimate and, when the
// stored copy of its recorded source version is missing, which record
// names it, which file was looked for and how to recover it. Content (paths,
// ids) is escaped.
func estimateNote(it *pendingItem) string {
	m := it.missing
	if m == nil {
		return fmt.Sprintf("%s: ~%d words is an estimate (the whole source): %s", diag.EscapeLine(it.Path), it.PendingWords, diag.Escape(it.Note))
	}
	hint := m.Hint()
	if it.searched {
		hint = fmt.Sprintf("the git history of %s does not have it either: check the translation against the current source and run `ceviri done %s --lang %s`", m.SourcePath, m.ID, m.Lang)
	}
	return fmt.Sprintf("%s:%d: ~%d words is an estimate (the whole source): %s\nhint: %s",
		diag.EscapeLine(m.Path), m.Line, it.PendingWords, diag.EscapeLine(m.Problem()), diag.EscapeLine(hint))
}

// pendingGit recovers, from git, recorded source versions whose stored copy
// is missing, opening the repository once and only when needed.
type pendingGit struct {
	p      *project.Project
	repo   *gitlog.Repo
	opened bool
}

// recount replaces the estimate of a stale item by the exact count when
// git history holds the recorded source version.
func (g *pendingGit) recount(ctx context.Context, it *pendingItem, src *project.Version, hash string) {
	if !g.opened {
		g.opened = true
		g.repo, _ = gitlog.Open(ctx, g.p.Root)
	}
	if g.repo == nil {
		return
	}
	h, err := recordedInGit(ctx, g.repo, g.p, src, hash, hash)
	if err != nil || h.index < 0 {
		it.searched = err == nil
		return
	}
	words, changed := staleWords(h.version, src)
	it.PendingWords, it.ChangedSegments, it.Note = words, &changed, ""
	it.RecoveredFrom = "git:" + h.commit().Hash
}

// writePendingTable prints the work list as aligned columns, words right
// aligned, and the total.
func writePendingTable(env *Env, items []*pendingItem, total int) {
	words := make([]string, len(items))
	w := len("WORDS")
	for i, it := range items {
		words[i] = strconv.Itoa(it.PendingWords)
		if it.Note != "" {
			words[i] = "~" + words[i]
		}
		w = max(w, len(words[i]))
	}
	t := &table{}
	t.add("ARTICLE", "STATE", fmt.Sprintf("%*s", w, "WORDS"), "DATE", "FILE")
	for i, it := range items {
		state := string(it.State)
		if it.State == track.Stale && it.ChangedSegments != nil && it.Note == "" {
			state += " (" + plural(*it.ChangedSegments, "segment", "segments") + ")"
		}
		if it.Placeholder {
			state += " (placeholder)"
		}
		date := "-"
		if !it.when.IsZero() {
			date = it.when.Format(time.DateOnly)
		}
		// id and path come from content: escaped, see diag.Escape.
		t.add(diag.EscapeLine(it.ID), env.paint(it.State, state), fmt.Sprintf("%*s", w, words[i]), date, diag.EscapeLine(it.Path))
	}
	t.write(env.Stdout)
	fmt.Fprintf(env.Stdout, "\n%s: %s, %s to translate\n", env.bold("total"),
		plural(len(items), "version", "versions"), plural(total, "word", "words"))
}

// memoryFor reports whether m has entries into lang.
func memoryFor(m *tm.Memory, lang string) bool {
	for _, p := range m.Pairs() {
		if p.Target == lang && m.Len(p) > 0 {
			return true
		}
	}
	return false
}

// owedByMatch counts the words of the segments a version owes (the units
// export would write) by the best memory match of each.
func owedByMatch(m *tm.Memory, a *track.Article, lang string) *matchBands {
	b := &matchBands{}
	ia := interchange.Collect(a, lang, false)
	if ia == nil {
		return b
	}
	p := tm.Pair{Source: ia.SourceLang, Target: lang}
	for _, u := range ia.Units {
		b.add(m.Best(p, u.Source), u.Words)
	}
	return b
}

// writeBands prints the owed words by memory match band, as a CAT tool's
// analysis does.
func writeBands(env *Env, b *matchBands) {
	t := &table{}
	cells := []int{b.Exact, b.High, b.Mid, b.Low, b.NoMatch}
	head := []string{"MATCH", "100%", "95-99%", "85-94%", "75-84%", "no match"}
	row := []string{"words"}
	for i, n := range cells {
		row = append(row, fmt.Sprintf("%*d", len(head[i+1]), n))
	}
	t.add(head...)
	t.add(row...)
	fmt.Fprintln(env.Stdout)
	t.write(env.Stdout)
}

// parseStates reads --state values (repeated or comma-separated) into a
// set; empty means every pending state.
func parseStates(vals []string) (map[track.State]bool, error) {
	pending := []track.State{track.Missing, track.Stale, track.Draft, track.Untracked}
	want := map[track.State]bool{}
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			s = strings.ToLower(strings.TrimSpace(s))
			if s == "" {
				continue
			}
			st := track.State(s)
			if !st.Pending() {
				return nil, diag.Usagef("--state %q is not a pending state (one of missing, stale, draft, untracked)", s)
			}
			want[st] = true
		}
	}
	if len(want) == 0 {
		for _, s := range pending {
			want[s] = true
		}
	}
	return want, nil
}

// sourceDate returns the date field of a source version as written and
// parsed (YYYY-MM-DD or RFC 3339); the time is zero when there is none or
// it cannot be read (check reports that).
func sourceDate(v *project.Version) (string, time.Time) {
	if v == nil || v.Doc == nil {
		return "", time.Time{}
	}
	s, t, err := v.Doc.Date()
	if err != nil {
		// Shown as written; check reports it.
		if f, ok := v.Doc.Get("date"); ok && f.Value.Kind == frontmatter.Scalar {
			return strings.TrimSpace(f.Value.Value), time.Time{}
		}
	}
	return s, t
}
