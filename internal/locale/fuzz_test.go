package locale

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/clitext"
	"golang.org/x/text/language"
)

// FuzzMessages loads arbitrary message files and reads their lines and
// template variables; nothing may panic.
func FuzzMessages(f *testing.F) {
	f.Add("a:\n  other: \"By {{.Name}}\"\n", "<<", ">>")
	f.Add("a:\n  one: \"{{.Count}}\"\n  other: \"{{if .X}}{{range .Y}}{{.}}{{end}}{{end}}\"\n", "", "")
	f.Add("a: [\n", "", "")
	f.Add("n:\n  b:\n    other: \"{{template \\\"x\\\" .}}{{$v := .A}}{{$v.B}}\"\n", "", "")
	f.Add("a: b\nc: d: e\n", "", "")
	tr := clitext.New("tr")
	f.Fuzz(func(t *testing.T, data, left, right string) {
		KeyLines([]byte(data))
		set, err := Load(fstest.MapFS{"l/tr.yaml": {Data: []byte(data)}}, "l", []string{"tr", "en"}, []language.Tag{language.Turkish, language.English})
		if err != nil {
			// Positioned, in Turkish too, with every value of its template.
			if s := tr.Error(err); !strings.HasPrefix(err.Error(), "l/tr.yaml:") || !strings.HasPrefix(s, "l/tr.yaml:") ||
				strings.Contains(s, "<no value>") && !strings.Contains(data, "<no value>") {
				t.Fatalf("error %q, in Turkish %q", err, s)
			}
			return
		}
		for _, mf := range set.Files {
			for _, m := range mf.Messages {
				for _, text := range Forms(m) {
					_, _ = Variables(text, left, right)
				}
				Hash(m)
			}
		}
	})
}
