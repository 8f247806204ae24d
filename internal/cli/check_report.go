package cli

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/ceviri/ceviri/internal/check"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
)

// checkReport prints the findings of ceviri check in one of its formats.
type checkReport struct {
	env         *Env
	cfg         *config.Config
	findings    []check.Finding
	ids         []string // the articles checked, sorted
	lang        string   // --lang, or empty for every language
	withLocales bool     // the message files were checked
	accepted    int      // findings not shown: accepted (check --accept)
}

// checkJSON is the shape of check --format json (docs/reference.md).
type checkJSON struct {
	OK       bool            `json:"ok"`
	Findings []check.Finding `json:"findings"`
	Counts   checkCounts     `json:"counts"`
}

type checkCounts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
}

func (r *checkReport) json() error {
	e, w := check.Counts(r.findings)
	return writeJSON(r.env.Stdout, checkJSON{OK: e == 0, Findings: r.findings, Counts: checkCounts{e, w}})
}

// text prints the findings grouped by file, "path:line: rule: message", then
// a summary. A warning's rule reads "rule (warning)". Paths and messages are
// escaped (diag.Escape): a message quotes content with %q already, but a
// path or an id in it may still hold a bidi control.
func (r *checkReport) text() {
	w := r.env.Stdout
	tx := r.env.text()
	last := ""
	for i, f := range r.findings {
		if i > 0 && f.File != last {
			fmt.Fprintln(w)
		}
		last = f.File
		pos := diag.EscapeLine(f.File)
		if f.Line > 0 {
			pos = fmt.Sprintf("%s:%d", pos, f.Line)
		}
		rule := f.Rule
		if f.Severity == check.Warning {
			rule += tx.T("check_warning_mark")
		}
		fmt.Fprintf(w, "%s: %s: %s\n", pos, r.paintSeverity(f.Severity, rule), diag.Escape(findingText(tx, f)))
	}
	if len(r.findings) > 0 {
		fmt.Fprintln(w)
	}
	e, wn := check.Counts(r.findings)
	what := tx.N("check_articles_checked", len(r.ids))
	if r.lang != "" {
		what = tx.T("check_in_lang", "What", what, "Lang", r.lang)
	}
	if r.accepted > 0 {
		what += tx.N("check_accepted_not_shown", r.accepted)
	}
	if e == 0 && wn == 0 {
		fmt.Fprintln(w, tx.T("check_ok", "What", what))
		return
	}
	verdict := tx.T("check_verdict_ok")
	if e > 0 {
		verdict = tx.T("check_verdict_not_ready")
	}
	fmt.Fprintln(w, tx.T("check_summary", "Verdict", r.env.bold(verdict), "Errors", tx.N("errors", e), "Warnings", tx.N("warnings", wn), "What", what))
}

// findingText is f's message in tx's language. English is the message
// check made (Finding.Message), which the machine outputs carry too.
func findingText(tx *clitext.Printer, f check.Finding) string {
	if tx.Lang() == "en" || f.Text.ID == "" {
		return f.Message
	}
	return tx.Text(f.Text)
}

func (r *checkReport) paintSeverity(s check.Severity, text string) string {
	if !r.env.Color() {
		return text
	}
	if s == check.Error {
		return "\x1b[31m" + text + "\x1b[0m"
	}
	return "\x1b[33m" + text + "\x1b[0m"
}

// github prints GitHub Actions workflow commands, one per finding.
func (r *checkReport) github() {
	for _, f := range r.findings {
		cmd := "error"
		if f.Severity == check.Warning {
			cmd = "warning"
		}
		// GitHub's log viewer interprets ANSI sequences too: escape content.
		props := []string{"file=" + ghProp(diag.EscapeLine(f.File))}
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
		}
		props = append(props, "title="+ghProp("ceviri "+f.Rule))
		fmt.Fprintf(r.env.Stdout, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData(diag.Escape(f.Message)))
	}
	e, w := check.Counts(r.findings)
	fmt.Fprintf(r.env.Stdout, "ceviri check: %s, %s\n", plural(e, "error", "errors"), plural(w, "warning", "warnings"))
}

// ghData escapes a workflow command's message; ghProp also a property value.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(ghData(s))
}

// JUnit XML, as Jenkins, GitLab and most CI dashboards read it.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Classname string         `xml:"classname,attr"`
	Name      string         `xml:"name,attr"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// junit prints one test case per article and language (and one per
// language's message file), with a failure per error finding; warnings go
// to the case's system-out.
func (r *checkReport) junit() error {
	langs := r.cfg.Languages
	if r.lang != "" {
		langs = []string{r.lang}
	}
	type key struct{ id, lang string }
	byCase := map[key][]check.Finding{}
	for _, f := range r.findings {
		byCase[key{f.ID, f.Lang}] = append(byCase[key{f.ID, f.Lang}], f)
	}
	suite := junitSuite{Name: "ceviri check"}
	addCase := func(class, name string, fs []check.Finding) {
		c := junitCase{Classname: class, Name: name}
		var out []string
		for _, f := range fs {
			pos := f.File
			if f.Line > 0 {
				pos = fmt.Sprintf("%s:%d", f.File, f.Line)
			}
			line := fmt.Sprintf("%s: %s: %s", pos, f.Rule, f.Message)
			if f.Severity == check.Error {
				c.Failures = append(c.Failures, junitFailure{Message: f.Message, Type: f.Rule, Text: line})
			} else {
				out = append(out, "warning: "+line)
			}
		}
		c.SystemOut = strings.Join(out, "\n")
		suite.Cases = append(suite.Cases, c)
		suite.Tests++
		if len(c.Failures) > 0 {
			suite.Failures++
		}
	}
	for _, id := range r.ids {
		for _, l := range langs {
			addCase("articles."+id, l, byCase[key{id, l}])
		}
	}
	if r.withLocales {
		for _, l := range langs {
			addCase("locales", l, byCase[key{"", l}])
		}
	}
	if rest := byCase[key{"", ""}]; len(rest) > 0 {
		addCase("project", "files", rest)
	}
	doc := junitSuites{Name: "ceviri check", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	return writeJUnitXML(r.env.Stdout, doc)
}

func writeJUnitXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
