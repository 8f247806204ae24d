package track

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPlaceholders: a translation with an empty body, or with the
// configured marker field set, is missing (and says it is a placeholder),
// with or without a record, and alike when parsed for states only (status)
// as in full; a marker set to false, 0, no, off, null or nothing
// is no marker, and without placeholder.field no field is one.
func TestPlaceholders(t *testing.T) {
	src := "---\ntitle: Başlık\nlang: tr\n---\n\nBir iki üç.\n"
	fp := fingerprintOf(t, src)
	rec := "translation:\n  from: tr\n  source_hash: " + fp + "\n"
	draft := rec + "  draft: true\n"
	// A Hugo section page: no body in any language.
	emptySrc := "---\ntitle: Başlık\nlang: tr\n---\n"
	recEmpty := "translation:\n  from: tr\n  source_hash: " + fingerprintOf(t, emptySrc) + "\n"
	const marker = "languages: [tr, en]\nplaceholder:\n  field: untranslated\n"
	const plain = "languages: [tr, en]\n"
	tests := []struct {
		name, cfg, en string
		want          string // state, and "placeholder" when it is one
	}{
		{"empty body, no record", plain, "---\ntitle: T\n---\n", "missing placeholder pending=4"},
		{"white space only, with a record", plain, "---\ntitle: T\n" + rec + "---\n\n  \n\t\n", "missing placeholder pending=4"},
		{"empty draft", plain, "---\ntitle: T\n" + draft + "---\n", "missing placeholder pending=4"},
		{"no front matter, no body", plain, "\n\n", "missing placeholder pending=4"},
		{"marker 1 with a record", marker, "---\ntitle: T\nuntranslated: 1\n" + rec + "---\n\nOne two three.\n", "missing placeholder pending=4"},
		{"marker true", marker, "---\ntitle: T\nuntranslated: true\n---\n\nOne two three.\n", "missing placeholder pending=4"},
		{"marker yes, any case of key", marker, "---\ntitle: T\nUntranslated: yes\n---\n\nOne two three.\n", "missing placeholder pending=4"},
		{"marker text", marker, "---\ntitle: T\nuntranslated: \"machine copy\"\n---\n\nOne two three.\n", "missing placeholder pending=4"},
		{"marker in TOML", marker, "+++\ntitle = \"T\"\nuntranslated = 1\n+++\n\nOne two three.\n", "missing placeholder pending=4"},
		{"marker in JSON", marker, "{\"title\": \"T\", \"untranslated\": true}\n\nOne two three.\n", "missing placeholder pending=4"},
		{"marker false", marker, "---\ntitle: T\nuntranslated: false\n" + rec + "---\n\nOne two three.\n", "current"},
		{"marker 0", marker, "---\ntitle: T\nuntranslated: 0\n" + rec + "---\n\nOne two three.\n", "current"},
		{"marker no", marker, "---\ntitle: T\nuntranslated: \"No\"\n" + rec + "---\n\nOne two three.\n", "current"},
		{"marker off", marker, "---\ntitle: T\nuntranslated: off\n" + rec + "---\n\nOne two three.\n", "current"},
		{"marker False", marker, "---\ntitle: T\nuntranslated: False\n" + rec + "---\n\nOne two three.\n", "current"},
		{"marker null", marker, "---\ntitle: T\nuntranslated:\n" + rec + "---\n\nOne two three.\n", "current"},
		{"marker empty text", marker, "---\ntitle: T\nuntranslated: \"\"\n" + rec + "---\n\nOne two three.\n", "current"},
		{"marker not configured", plain, "---\ntitle: T\nuntranslated: 1\n" + rec + "---\n\nOne two three.\n", "current"},
		{"another field", marker, "---\ntitle: T\ntodo: 1\n---\n\nOne two three.\n", "untracked pending=4"},
		{"empty like its source", plain, "---\ntitle: T\n" + recEmpty + "---\n", "current"},
		{"a body of a comment is a body", plain, "---\ntitle: T\n" + rec + "---\n\n<!-- todo -->\n", "current"},
	}
	for _, tt := range tests {
		for _, statesOnly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/statesOnly=%v", tt.name, statesOnly), func(t *testing.T) {
				source := src
				if strings.HasPrefix(tt.name, "empty like its source") {
					source = emptySrc
				}
				fsys := fstest.MapFS{
					"articles/a/tr.md": {Data: []byte(source)},
					"articles/a/en.md": {Data: []byte(tt.en)},
				}
				want := tt.want
				v := analyze(t, fsys, tt.cfg, statesOnly)["a"]
				if got := describe(v); got != want {
					t.Errorf("en = %q, want %q", got, want)
				}
				if v.Parsed == nil || v.Path != "articles/a/en.md" {
					t.Errorf("file = %v, path = %q; want the placeholder's", v.Parsed, v.Path)
				}
			})
		}
	}
}

func describe(v *VersionStatus) string {
	s := string(v.State)
	if v.Placeholder {
		s += " placeholder"
		if v.PlaceholderWhy.ID == "" || v.PlaceholderLine < 1 {
			s += " without why or line"
		}
	}
	if v.PendingWords != nil && v.State != Current {
		s += fmt.Sprintf(" pending=%d", *v.PendingWords)
	}
	return s
}

// TestPlaceholderWhy: a placeholder says what makes it one and where.
func TestPlaceholderWhy(t *testing.T) {
	src := "---\ntitle: Başlık\n---\n\nBir iki üç.\n"
	tests := []struct {
		name, en string
		why      string
		line     int
	}{
		{"marker", "---\ntitle: T\nuntranslated: 1\n---\n\nOne.\n", "untranslated: 1 marks it", 3},
		{"empty body", "---\ntitle: T\n---\n\n\n", "its body is empty", 4},
		{"empty file", "", "its body is empty", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"articles/a/tr.md": {Data: []byte(src)}, "articles/a/en.md": {Data: []byte(tt.en)}}
			v := analyze(t, fsys, "languages: [tr, en]\nplaceholder: {field: untranslated}\n", false)["a"]
			if v.PlaceholderWhy.String() != tt.why || v.PlaceholderLine != tt.line {
				t.Errorf("why, line = %q, %d; want %q, %d", v.PlaceholderWhy, v.PlaceholderLine, tt.why, tt.line)
			}
		})
	}
}
