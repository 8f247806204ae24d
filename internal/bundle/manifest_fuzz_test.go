package bundle

import (
	"strings"
	"testing"
)

// FuzzParseManifest: a manifest.json is a file in the output directory that
// anyone may edit; whatever it holds, parseManifest either refuses it or
// returns one whose every file name is a path inside the bundle.
func FuzzParseManifest(f *testing.F) {
	for _, s := range []string{
		`{"format":1,"lang":"tr","generator":"ceviri v1","inputs":"x","articles":[],"files":{"a/index.html":"sha256:00"}}`,
		`{"format":1,"lang":"tr","generator":"ceviri v1","inputs":"x","articles":[],"files":{"../../../../victim/v.txt":"sha256:00"}}`,
		`{"format":1,"lang":"tr","generator":"ceviri v1","inputs":"x","articles":[{"id":"../x"}],"files":{}}`,
		`{"format":1,"lang":"tr","generator":"ceviri v1","files":{"/etc/passwd":"sha256:00","a\\..\\b":"sha256:00",".ceviri/lock":"sha256:00"}}`,
		`{"format":1,"lang":"../x","generator":"ceviri v1","files":{}}`,
		`{"format":2}`, `not json`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := parseManifest(data)
		if m == nil {
			return
		}
		for rel := range m.Files {
			if !validBundlePath(rel) || strings.HasPrefix(rel, "/") || strings.Contains(rel, "..") && strings.Contains("/"+rel+"/", "/../") {
				t.Fatalf("accepted a manifest naming %q", rel)
			}
		}
		if !langRE.MatchString(m.Lang) {
			t.Fatalf("accepted lang %q", m.Lang)
		}
	})
}
