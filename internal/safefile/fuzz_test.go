package safefile

import (
	"testing"
)

// FuzzParseJournal: whatever a journal file holds, parseJournal either
// refuses it or returns one whose every name is a clean relative path, so
// Recover can never be led out of the directory.
func FuzzParseJournal(f *testing.F) {
	sum := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, s := range []string{
		`{"format":"ceviri journal 1","id":"0123456789abcdef","state":"commit","dirs":["a"],"files":[{"path":"a/b.md","sum":"` + sum + `","old":true}]}`,
		`{"format":"ceviri journal 1","id":"0123456789abcdef","state":"prepare","files":[{"path":"../victim","sum":"` + sum + `"}]}`,
		`{"format":"ceviri journal 1","id":"0123456789abcdef","state":"rollback","files":[{"path":"/etc/passwd","sum":"` + sum + `"}]}`,
		`{"format":"ceviri journal 1","id":"0123456789abcdef","state":"prepare","dirs":[".."],"files":[]}`,
		`{"format":"ceviri journal 1","id":"../../x","state":"prepare","files":[]}`,
		`{"format":"ceviri journal 1","id":"0123456789abcdef","state":"commit","files":[{"path":"a\\..\\b","sum":"` + sum + `"}]}`,
		`not json`, `{}`, `null`, `[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := parseJournal(data)
		if err != nil {
			return
		}
		for _, fl := range j.Files {
			for _, name := range []string{fl.Path, j.newName(fl.Path), j.oldName(fl.Path)} {
				if checkName(name) != nil || name == "." {
					t.Fatalf("accepted a journal naming %q", name)
				}
			}
		}
		for _, d := range j.Dirs {
			if checkName(d) != nil {
				t.Fatalf("accepted a journal making directory %q", d)
			}
		}
	})
}
