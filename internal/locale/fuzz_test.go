package locale

import (
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"
)

// FuzzMessages loads arbitrary message files and reads their lines and
// template variables; nothing may panic.
func FuzzMessages(f *testing.F) {
	f.Add("a:\n  other: \"By {{.Name}}\"\n", "<<", ">>")
	f.Add("a:\n  one: \"{{.Count}}\"\n  other: \"{{if .X}}{{range .Y}}{{.}}{{end}}{{end}}\"\n", "", "")
	f.Add("a: [\n", "", "")
	f.Add("n:\n  b:\n    other: \"{{template \\\"x\\\" .}}{{$v := .A}}{{$v.B}}\"\n", "", "")
	f.Fuzz(func(t *testing.T, data, left, right string) {
		KeyLines([]byte(data))
		set, err := Load(fstest.MapFS{"l/tr.yaml": {Data: []byte(data)}}, "l", []string{"tr", "en"}, []language.Tag{language.Turkish, language.English})
		if err != nil {
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
