// Package report renders the editors' report: one self-contained HTML page
// (no external request; it works from file:// and from any static host)
// with every language's progress, the article x language matrix of states
// (filterable and sortable in the browser), the word-level diff of each
// stale translation, the command that starts each missing one and, when
// asked, the check findings of each article.
//
// The package is pure: it takes a Model that the command line builds from
// the project and writes HTML. Everything that comes from content (ids,
// titles, paths, diffs, findings) goes through html/template's contextual
// escaping, and the page's script reads data only from attributes and a
// <script type="application/json"> block, so no text of an article can
// execute (docs/report.md).
package report

import (
	"slices"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/track"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Model is what the report shows.
type Model struct {
	// UILang is the language of the page's own text: "en" or "tr"
	// (UILangs).
	UILang string
	// Project names the project in the page's heading.
	Project string
	// Date is the day the report speaks for ("2026-11-30"); empty: none is
	// shown, and the page has no date at all.
	Date string
	// Languages are the project's languages, in its order.
	Languages []string
	// AgeFrom says where Article.Changed comes from: AgeGit, AgeMtime, or
	// "" when it is not known.
	AgeFrom string
	// Checked says that the findings of `ceviri check` are given.
	Checked bool
	// Articles, in id order.
	Articles []*Article
	// Findings that belong to no article (message files), when Checked.
	Findings []Finding
}

// Where Article.Changed comes from.
const (
	AgeGit   = "git"   // the last commit that touched the source file
	AgeMtime = "mtime" // the source file's modification time
)

// Article is one row of the matrix.
type Article struct {
	ID    string
	Title string // the source's title; the id when it has none
	// Source is the source language; empty for an orphan.
	Source string
	// Changed is when the source last changed (Model.AgeFrom); zero when
	// not known.
	Changed time.Time
	// Cells by language; a language without a cell shows as a dash.
	Cells map[string]*Cell
	// Findings of `ceviri check` for this article, when Model.Checked.
	Findings []Finding
}

// Cell is one language version of an article.
type Cell struct {
	State track.State
	Path  string
	// Owed is the words left to translate (0 for the source and a current
	// translation).
	Owed int
	// Changed and Total count the segments of a stale translation: changed
	// since its record, and in the current source.
	Changed, Total int
	// Placeholder: a file that is not a translation yet (State Missing).
	Placeholder bool
	// Command is what starts a missing translation ("ceviri translate ...").
	Command string
	// Diff is what changed in the source since the version the translation
	// records (the content of `ceviri diff`), for a stale one.
	Diff []*track.DiffEntry
	// Note says why a stale translation has no diff (its stored copy is
	// missing), or why its counts are estimates.
	Note string
}

// Finding is one check finding.
type Finding struct {
	Severity string // error, warning, info
	Rule     string
	Lang     string
	File     string
	Line     int
	Message  string
}

// UILangs are the languages of the page's own text.
var UILangs = []string{"en", "tr"}

// Section is the top-level directory of an article id ("" for an id
// without a "/").
func Section(id string) string {
	sec, _, ok := strings.Cut(id, "/")
	if !ok {
		return ""
	}
	return sec
}

// TitleOrder returns the indices of arts sorted by title in Turkish
// collation order (ç after c, ı before i, İ with i; case is secondary),
// then by id. The browser sorts by the rank this gives, since browsers'
// collation differs between engines and versions.
func TitleOrder(arts []*Article) []int {
	c := collate.New(language.Turkish)
	var buf collate.Buffer
	keys := make([][]byte, len(arts))
	for i, a := range arts {
		keys[i] = append([]byte(nil), c.KeyFromString(&buf, a.Title)...)
		buf.Reset()
	}
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	// Ids are unique, so the order is total: an unstable sort gives the
	// same order as a stable one, in a fraction of the time.
	slices.SortFunc(idx, func(a, b int) int {
		if d := compareBytes(keys[a], keys[b]); d != 0 {
			return d
		}
		return strings.Compare(arts[a].ID, arts[b].ID)
	})
	return idx
}

func compareBytes(a, b []byte) int {
	return strings.Compare(string(a), string(b))
}

// Tally counts the versions of one language, or of one section in one
// language.
type Tally struct {
	States map[track.State]int
	// Expected counts the versions that should be translations (every
	// article but those whose source is in this language).
	Expected int
	Owed     int
}

// Current returns the share of expected translations that are current, in
// percent rounded down (100 when none are expected).
func (t *Tally) Current() int {
	if t.Expected == 0 {
		return 100
	}
	return t.States[track.Current] * 100 / t.Expected
}

func (t *Tally) add(c *Cell) {
	t.States[c.State]++
	if c.State != track.Source && c.State != track.Orphan {
		t.Expected++
	}
	t.Owed += c.Owed
}

// Tallies counts the cells of each language (by language) and of each
// section in each language (by section, then language).
func Tallies(m *Model) (byLang map[string]*Tally, bySection map[string]map[string]*Tally) {
	newTally := func() *Tally { return &Tally{States: map[track.State]int{}} }
	byLang = map[string]*Tally{}
	bySection = map[string]map[string]*Tally{}
	for _, l := range m.Languages {
		byLang[l] = newTally()
	}
	for _, a := range m.Articles {
		sec := Section(a.ID)
		if bySection[sec] == nil {
			bySection[sec] = map[string]*Tally{}
			for _, l := range m.Languages {
				bySection[sec][l] = newTally()
			}
		}
		for _, l := range m.Languages {
			if c := a.Cells[l]; c != nil {
				byLang[l].add(c)
				bySection[sec][l].add(c)
			}
		}
	}
	return byLang, bySection
}

// TranslateCommand is the command that starts the translation of id into
// lang, with the id quoted for a POSIX shell when it needs it.
func TranslateCommand(id, lang string) string {
	return "ceviri translate " + shellQuote(id) + " --lang " + shellQuote(lang)
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") == "" && s[0] != '-' {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
