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

func TestIsManifest(t *testing.T) {
	for _, tt := range []struct {
		data string
		want bool
	}{
		{`{"format": 1, "lang": "tr", "generator": "ceviri v1.2.0", "inputs": "x", "files": {}}`, true},
		{`{"files": {}, "generator": "ceviri devel", "lang": "tr", "format": 1}`, true},
		{`{"format": 1, "lang": "en", "generator": "ceviri v1"}`, false},
		{`{"format": 2, "lang": "tr", "generator": "ceviri v1"}`, false},
		{`{"format": 1, "lang": "tr", "generator": "hugo"}`, false},
		{`{"format": 1, "lang": "tr"}`, false},
		{`[1]`, false},
		{`not json`, false},
		{``, false},
	} {
		if got := isManifest([]byte(tt.data), "tr"); got != tt.want {
			t.Errorf("isManifest(%s) = %v, want %v", tt.data, got, tt.want)
		}
	}
}
