package report

import (
	"html/template"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/track"
)

// refTmpl is the markup page.tmpl had for the rows and the diffs before
// rows.go rendered them: rowsHTML and diffsHTML must give its bytes.
var refTmpl = template.Must(template.New("ref").Parse("<table><tbody>\n" + refRows + "</tbody></table>\n" + refDiffs + "<p>end</p>"))

const refRows = `{{range .Rows}}<tr data-sec="{{.SecIdx}}" data-rank="{{.Rank}}" data-age="{{.Age}}"><th scope="row"><span class="t">{{.Title}}</span><br><code class="id">{{.ID}}</code></th>{{range .Cells}}<td class="{{.Class}}" data-s="{{.State}}" data-o="{{.Owed}}">{{if .None}}–{{else}}<span class="b s-{{.State}}">{{.Icon}} {{.Label}}</span>{{with .Detail}}<br><small>{{.}}</small>{{end}}{{if .DiffID}}<br><button type="button" data-diff="{{.DiffID}}" aria-haspopup="dialog" aria-label="{{.DiffTitle}}">{{$.T.open_diff}}</button>{{end}}{{if .Command}}<details><summary>{{$.T.start}}</summary>{{$.T.start_with}}<br><code>{{.Command}}</code></details>{{end}}{{end}}</td>{{end}}<td>{{.AgeText}}</td>{{if $.Checked}}<td class="findings">{{if .Findings}}<details><summary class="sev-{{.Worst}}">{{.FindingsLabel}}</summary><ul>{{range .Findings}}<li><span class="sev-{{.Severity}}">{{.Severity}}</span> <code>{{.Where}}</code> {{.Rule}}: {{.Message}}</li>{{end}}</ul></details>{{else}}{{.FindingsLabel}}{{end}}</td>{{end}}</tr>
{{end}}`

const refDiffs = `{{range .Rows}}{{range .Cells}}{{if .DiffID}}<template id="{{.DiffID}}" data-title="{{.DiffTitle}}">{{with .Note}}<p>{{.}}</p>{{end}}{{range .Entries}}<div class="entry"><h3>{{.Header}}</h3><p class="text">{{range .Spans}}{{if eq .Op "del"}}<del>{{.Text}}</del>{{else if eq .Op "ins"}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}{{end}}</p><p class="tr">{{.TrPrefix}}{{.Translation}}</p></div>{{end}}</template>
{{end}}{{end}}{{end}}`

// rowsView is a view of two rows with s in every text the rows show.
func rowsView(s string, checked bool) *view {
	c := func(st track.State) cellView {
		return cellView{Lang: "en", Class: "l0" + s, State: st, Label: "label" + s, Icon: s, Detail: s, Owed: 3,
			DiffID: "d0-" + s, DiffTitle: "diff of " + s, Note: s, Command: "ceviri translate " + s,
			Entries: []entryView{{Header: s, TrPrefix: "tr " + s, Translation: s,
				Spans: []spanView{{Op: "del", Text: s}, {Op: "ins", Text: s}, {Text: s}, {Op: s, Text: s}}}}}
	}
	v := &view{T: map[string]string{"open_diff": "open " + s, "start": s, "start_with": "with " + s}, Checked: checked}
	v.Rows = []rowView{
		{ID: s, Title: s, SecIdx: 2, Rank: 7, Age: -1, AgeText: s, FindingsLabel: s, Worst: s,
			Cells:    []cellView{c(track.Stale), {Lang: "tr", Class: "l1", None: true}, {State: track.Missing, Command: s}},
			Findings: []findingView{{Severity: s, Where: s, Rule: s, Message: s}}},
		{ID: "b/" + s, Title: "", Age: 1700000000, Cells: []cellView{{State: track.Current, Icon: "✓"}}},
	}
	return v
}

func checkRows(t *testing.T, v *view) {
	t.Helper()
	var want strings.Builder
	if err := refTmpl.Execute(&want, v); err != nil {
		t.Fatal(err)
	}
	got := "<table><tbody>\n" + string(rowsHTML(v)) + "</tbody></table>\n" + string(diffsHTML(v)) + "<p>end</p>"
	if got != want.String() {
		t.Errorf("rows differ from the template's:\n--- template\n%s\n--- rows.go\n%s", want.String(), got)
	}
}

var rowTexts = []string{
	"", "plain", "<script>alert(1)</script>", "javascript:alert(1)", `" onmouseover="x`, "' onclick='x",
	"a & b + c", "\x00nul", "<!-- x -->", "]]>", "\xff\xfe invalid", "İstanbul ığüşöç", "{{.Title}}",
	"</template><script>x</script>", "\u2028\u2029", "&lt;already&gt;",
}

func TestRowsAsTemplate(t *testing.T) {
	for _, s := range rowTexts {
		for _, checked := range []bool{false, true} {
			checkRows(t, rowsView(s, checked))
		}
	}
	v := rowsView("x", false)
	v.T = map[string]string{} // a missing text prints as the template did
	checkRows(t, v)
}

func FuzzRows(f *testing.F) {
	for _, s := range rowTexts {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, checked bool) {
		checkRows(t, rowsView(s, checked))
	})
}
