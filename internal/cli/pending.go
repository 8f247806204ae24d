package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
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
	tx := env.text()
	opts := &pendingOptions{}
	c := &cobra.Command{
		Use:     "pending [ID...] --lang L",
		Short:   tx.T("cmd_pending_short"),
		Long:    tx.T("cmd_pending_long"),
		Example: tx.T("cmd_pending_example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			return runPending(c.Context(), env, opts)
		},
	}
	f := c.Flags()
	f.StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_pending_lang"))
	f.StringSliceVar(&opts.States, "state", nil, tx.T("flag_pending_state"))
	f.StringVar(&opts.Since, "since", "", tx.T("flag_pending_since"))
	f.BoolVar(&opts.NoGit, "no-git", false, tx.T("flag_pending_no_git"))
	f.BoolVar(&opts.NoMatches, "no-matches", false, tx.T("flag_pending_no_matches"))
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
	noteErr  error                   // the error Note says, for the reader's language; nil when Note is not set
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
			return usageText("err_pending_since", "Date", q(opts.Since))
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
	var itemArts []*track.ArticleStatus // the article of each item
	for _, a := range l.status {
		v := a.Versions[opts.Lang]
		if v == nil || !v.State.Pending() || !want[v.State] || a.SourceFile == nil {
			continue
		}
		it := &pendingItem{ID: a.ID, State: v.State, Path: v.Path, SourcePath: a.SourceFile.Path,
			SourceLang: a.Source, Placeholder: v.Placeholder, ChangedSegments: v.ChangedSegments, TotalSegments: v.TotalSegments, Note: v.Note,
			missing: v.Missing, noteErr: v.NoteErr}
		if v.PendingWords != nil {
			it.PendingWords = *v.PendingWords
		}
		it.Date, it.when = sourceDate(a.SourceFile)
		if !since.IsZero() && (it.when.IsZero() || it.when.Format(time.DateOnly) < opts.Since) {
			continue
		}
		if it.Note != "" && it.State == track.Stale && v.Parsed != nil && v.Parsed.Record != nil && !opts.NoGit {
			g.recount(ctx, it, a.SourceFile, v.Parsed.Record.SourceHash)
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
	tx := env.text()
	if env.JSON {
		if err := writeJSON(env.Stdout, pendingJSON{Lang: opts.Lang, Items: items, TotalWords: total, Matches: bands}); err != nil {
			return err
		}
		return l.err()
	}
	if len(items) == 0 {
		fmt.Fprintln(env.Stdout, tx.T("pending_nothing", "Lang", opts.Lang))
		return l.err()
	}
	writePendingTable(env, items, total)
	if bands != nil && bands.Exact+bands.High+bands.Mid+bands.Low > 0 {
		writeBands(env, tx, bands)
	}
	for _, it := range items {
		if it.Note != "" {
			env.Infof("%s", estimateNote(tx, it))
		}
	}
	return l.err()
}

// estimateNote says why an item's count is an estimate and, when the
// stored copy of its recorded source version is missing, which record
// names it, which file was looked for and how to recover it. Content (paths,
// ids) is escaped.
func estimateNote(tx *clitext.Printer, it *pendingItem) string {
	m := it.missing
	if m == nil {
		note := it.Note
		if it.noteErr != nil {
			note = tx.Error(it.noteErr)
		}
		return tx.T("pending_estimate", "Path", diag.EscapeLine(it.Path), "Words", tx.Num(it.PendingWords), "Note", diag.Escape(note))
	}
	hint := tx.Text(m.HintText())
	if it.searched {
		hint = tx.T("pending_hint_git", "Source", m.SourcePath, "ID", m.ID, "Lang", m.Lang)
	}
	return tx.T("pending_estimate_missing", "Path", diag.EscapeLine(m.Path), "Line", m.Line, "Words", tx.Num(it.PendingWords),
		"Problem", diag.EscapeLine(tx.Text(m.ProblemText())), "Hint", diag.EscapeLine(hint))
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
	it.PendingWords, it.ChangedSegments, it.Note, it.noteErr = words, &changed, "", nil
	it.RecoveredFrom = "git:" + h.commit().Hash
}

// writePendingTable prints the work list as aligned columns, words right
// aligned, and the total.
func writePendingTable(env *Env, items []*pendingItem, total int) {
	tx := env.text()
	words := make([]string, len(items))
	head := tx.T("pending_head_words")
	w := width(head)
	for i, it := range items {
		words[i] = tx.Num(it.PendingWords)
		if it.Note != "" {
			words[i] = "~" + words[i]
		}
		w = max(w, width(words[i]))
	}
	t := &table{}
	t.add(tx.T("pending_head_article"), tx.T("pending_head_state"), padLeft(head, w), tx.T("pending_head_date"), tx.T("pending_head_file"))
	for i, it := range items {
		state := stateName(tx, it.State)
		if it.State == track.Stale && it.ChangedSegments != nil && it.Note == "" {
			state += " (" + tx.N("segments", *it.ChangedSegments) + ")"
		}
		if it.Placeholder {
			state += " (" + tx.T("placeholder") + ")"
		}
		date := "-"
		if !it.when.IsZero() {
			date = it.when.Format(time.DateOnly)
		}
		// id and path come from content: escaped, see diag.Escape.
		t.add(diag.EscapeLine(it.ID), env.paint(it.State, state), padLeft(words[i], w), date, diag.EscapeLine(it.Path))
	}
	t.write(env.Stdout)
	fmt.Fprintf(env.Stdout, "\n%s: %s\n", env.bold(tx.T("pending_total")),
		tx.T("pending_total_line", "Versions", tx.N("versions", len(items)), "Words", tx.N("words", total)))
}

// padLeft right-aligns s in a column w characters wide (display width).
func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-width(s))) + s
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
func owedByMatch(m *tm.Memory, a *track.ArticleStatus, lang string) *matchBands {
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
func writeBands(env *Env, tx *clitext.Printer, b *matchBands) {
	t := &table{}
	cells := []int{b.Exact, b.High, b.Mid, b.Low, b.NoMatch}
	head := []string{tx.T("pending_band_head"), tx.T("pending_band_100"), tx.T("pending_band_95"), tx.T("pending_band_85"),
		tx.T("pending_band_75"), tx.T("pending_band_none")}
	row := []string{tx.T("pending_band_words")}
	for i, n := range cells {
		// Numbers and their band right aligned, whichever is wider.
		num := tx.Num(n)
		w := max(width(head[i+1]), width(num))
		head[i+1] = padLeft(head[i+1], w)
		row = append(row, padLeft(num, w))
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
				return nil, usageText("err_pending_state", "State", q(s))
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
