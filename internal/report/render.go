package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/track"
)

//go:embed page.tmpl
var pageTmpl string

// script is the page's one script; the page's Content-Security-Policy
// allows it by its hash and nothing else, so that even a script that
// escaping missed would not run.
//
//go:embed script.js
var script string

var (
	page      = template.Must(template.New("page").Parse(pageTmpl))
	scriptCSP = func() string {
		sum := sha256.Sum256([]byte(script))
		return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
	}()
)

// Write renders m as one HTML page on w. The same model gives the same
// bytes: nothing depends on the clock, the locale of the machine or map
// order.
func Write(w io.Writer, m *Model) error {
	if _, ok := texts[m.UILang]; !ok {
		return clitext.NewError("report_unknown_ui_lang", "Lang", strconv.Quote(m.UILang), "Known", strings.Join(UILangs, ", "))
	}
	v := build(m)
	v.RowsHTML, v.DiffsHTML = rowsHTML(v), diffsHTML(v)
	return page.Execute(w, v)
}

// The view: what the template prints, every string already in the page's
// language; the template only places and escapes it.
type view struct {
	Lang     string
	T        map[string]string
	Title    string
	AsOf     string
	AgeNote  string
	Langs    []langView
	Sections []sectionView
	States   []option
	SecOpts  []option
	Rows     []rowView
	// RowsHTML and DiffsHTML are the rows and diffs, rendered from
	// Rows with every text escaped (rows.go).
	RowsHTML, DiffsHTML template.HTML
	Checked             bool
	Findings            []findingView // about no article
	Total               int
	ShownAll            string
	CSP                 string
	JS                  template.JS  // script.js, a constant
	HideCSS             template.CSS // built from numbers only
	// Script is the data the page's script reads: its strings and the
	// languages, embedded as JSON by html/template.
	Script scriptData
}

type scriptData struct {
	Shown     string   `json:"shown"` // "%d of %d articles shown."
	None      string   `json:"none"`
	Rows      string   `json:"rows"` // "Rows %d–%d of %d."
	Page      int      `json:"page"` // rows on a page
	Languages []string `json:"languages"`
}

// PageRows is how many rows of the matrix the page shows at a time.
const PageRows = 100

type option struct{ Value, Label string }

type langView struct {
	Code, Class      string
	Share, Owed      string
	OfExpected       string
	Counts           []countView
	Bar              []barView
	ShareNum, OwedNm int
}

type countView struct {
	State track.State
	Label string
	N     int
}

type barView struct {
	State track.State
	Pct   string // width, "12.5"
}

type sectionView struct {
	Name  string
	Label string
	Cells []langView
}

type rowView struct {
	ID, Title, Section string
	SecIdx             int
	Rank               int
	Age                int64 // unix seconds; -1 when not known
	AgeText            string
	Owed               int
	Cells              []cellView
	Findings           []findingView
	FindingsLabel      string
	Worst              string // severity of the worst finding
}

type cellView struct {
	Lang, Class string
	State       track.State
	Label       string // "stale", with the placeholder note
	Icon        string
	Detail      string // "57 words"
	Owed        int
	None        bool // no version in this language
	DiffID      string
	DiffTitle   string
	Entries     []entryView
	Note        string
	Command     string
}

type entryView struct {
	Header      string
	Spans       []spanView
	TrPrefix    string
	Translation string
}

type spanView struct {
	Op   string // "", "del", "ins"
	Text string
}

type findingView struct {
	Severity, Where, Rule, Message string
}

var icons = map[track.State]string{
	track.Source: "●", track.Current: "✓", track.Stale: "⚠", track.Draft: "✎",
	track.Untracked: "?", track.Missing: "✗", track.Orphan: "⊘",
}

func build(m *Model) *view {
	t := texts[m.UILang]
	tf := func(key string, args ...any) string { return fmt.Sprintf(t[key], args...) }
	num := func(n int) string { return formatInt(m.UILang, n) }
	words := func(n int) string {
		if n == 1 {
			return t["word"]
		}
		return strings.Replace(t["words"], "%d", num(n), 1)
	}
	v := &view{Lang: m.UILang, T: t, Title: tf("title", m.Project), Checked: m.Checked, Total: len(m.Articles)}
	if m.Date != "" {
		v.AsOf = tf("asof", m.Date)
	}
	switch m.AgeFrom {
	case AgeGit:
		v.AgeNote = t["age_git"]
	case AgeMtime:
		v.AgeNote = t["age_mtime"]
	default:
		v.AgeNote = t["age_none"]
	}
	v.CSP, v.JS, v.HideCSS = scriptCSP, template.JS(script), hideCSS(len(m.Languages))
	v.ShownAll = fmt.Sprintf(t["shown"], len(m.Articles), len(m.Articles))
	v.Script = scriptData{Shown: t["shown"], None: t["none_shown"], Rows: t["rows"], Page: PageRows, Languages: m.Languages}
	class := map[string]string{}
	for i, l := range m.Languages {
		class[l] = "l" + strconv.Itoa(i)
	}
	byLang, bySec := Tallies(m)
	langOf := func(l string, tl *Tally) langView {
		lv := langView{Code: l, Class: class[l], Share: "–", Owed: num(tl.Owed)}
		if tl.Expected > 0 {
			lv.Share = strconv.Itoa(tl.Current()) + " %"
			lv.OfExpected = fmt.Sprintf(t["of_expected"], tl.States[track.Current], tl.Expected)
		}
		total := 0
		for _, s := range track.States {
			total += tl.States[s]
		}
		for _, s := range track.States {
			if n := tl.States[s]; n > 0 {
				lv.Counts = append(lv.Counts, countView{State: s, Label: t["state_"+string(s)], N: n})
				lv.Bar = append(lv.Bar, barView{State: s, Pct: strconv.FormatFloat(float64(n)*100/float64(total), 'f', 2, 64)})
			}
		}
		return lv
	}
	for _, l := range m.Languages {
		v.Langs = append(v.Langs, langOf(l, byLang[l]))
	}
	secNames := make([]string, 0, len(bySec))
	for s := range bySec {
		secNames = append(secNames, s)
	}
	sort.Strings(secNames)
	secIdx := map[string]int{}
	for i, s := range secNames {
		secIdx[s] = i
		label := s
		if s == "" {
			label = t["top"]
		}
		sv := sectionView{Name: s, Label: label}
		for _, l := range m.Languages {
			sv.Cells = append(sv.Cells, langOf(l, bySec[s][l]))
		}
		v.Sections = append(v.Sections, sv)
		v.SecOpts = append(v.SecOpts, option{Value: strconv.Itoa(i), Label: label})
	}
	for _, s := range track.States {
		v.States = append(v.States, option{Value: string(s), Label: icons[s] + " " + t["state_"+string(s)]})
	}
	rank := make([]int, len(m.Articles))
	for r, i := range TitleOrder(m.Articles) {
		rank[i] = r
	}
	for i, a := range m.Articles {
		row := rowView{ID: a.ID, Title: a.Title, Section: Section(a.ID), SecIdx: secIdx[Section(a.ID)], Rank: rank[i], Age: -1}
		if !a.Changed.IsZero() {
			row.Age = a.Changed.Unix()
			row.AgeText = a.Changed.Format("2006-01-02") // in the commit's own zone, as diff shows it
		}
		for _, l := range m.Languages {
			c := a.Cells[l]
			if c == nil {
				row.Cells = append(row.Cells, cellView{Lang: l, Class: class[l], None: true})
				continue
			}
			cv := cellView{Lang: l, Class: class[l], State: c.State, Icon: icons[c.State], Owed: c.Owed,
				Label: t["state_"+string(c.State)], Note: c.Note}
			if c.Placeholder {
				cv.Label += " (" + t["placeholder"] + ")"
			}
			if c.Owed > 0 {
				cv.Detail = words(c.Owed)
			}
			if c.State == track.Stale && c.Total > 0 {
				cv.Detail += " · " + tf("segments", c.Changed, c.Total)
			}
			if c.State == track.Missing {
				cv.Command = c.Command
			}
			if c.State == track.Stale {
				cv.DiffID = "d" + strconv.Itoa(i) + "-" + class[l]
				cv.DiffTitle = tf("diff_of", a.ID, l)
				cv.Entries = entries(m.UILang, t, c)
			}
			row.Owed += c.Owed
			row.Cells = append(row.Cells, cv)
		}
		for _, f := range a.Findings {
			row.Findings = append(row.Findings, findingOf(f))
			if rankSeverity(f.Severity) > rankSeverity(row.Worst) {
				row.Worst = f.Severity
			}
		}
		switch n := len(a.Findings); n {
		case 0:
			row.FindingsLabel = t["no_findings"]
		case 1:
			row.FindingsLabel = t["one_finding"]
		default:
			row.FindingsLabel = tf("n_findings", n)
		}
		v.Rows = append(v.Rows, row)
	}
	for _, f := range m.Findings {
		v.Findings = append(v.Findings, findingOf(f))
	}
	return v
}

// hideCSS hides the rows past the first page and the columns of the other
// languages when the matrix is filtered to one (the script sets data-lang
// to its index).
func hideCSS(n int) template.CSS {
	var b strings.Builder
	// Until the script has run, only the first page of rows takes part
	// in layout (<noscript> shows them all when it never runs).
	fmt.Fprintf(&b, "#m tbody tr:nth-child(n+%d){display:none}\n", PageRows+1)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				fmt.Fprintf(&b, "#m[data-lang=\"%d\"] .l%d{display:none}\n", i, j)
			}
		}
	}
	return template.CSS(b.String())
}

func rankSeverity(s string) int {
	switch s {
	case "error":
		return 3
	case "warning":
		return 2
	case "info":
		return 1
	}
	return 0
}

func findingOf(f Finding) findingView {
	where := f.File
	if f.Line > 0 {
		where += ":" + strconv.Itoa(f.Line)
	}
	return findingView{Severity: f.Severity, Where: where, Rule: f.Rule, Message: f.Message}
}

// formatInt writes n with the language's digit grouping: 1,250 in
// English, 1.250 in Turkish.
func formatInt(lang string, n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	sep := ","
	if lang == "tr" {
		sep = "."
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
