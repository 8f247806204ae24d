package locale

import (
	"reflect"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

func TestPluralForms(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		want []string
	}{
		{language.Turkish, []string{"one", "other"}},
		{language.English, []string{"one", "other"}},
		{language.Japanese, []string{"other"}},
		{language.Russian, []string{"one", "few", "many", "other"}},
		{language.Arabic, []string{"zero", "one", "two", "few", "many", "other"}},
	}
	for _, tt := range tests {
		if got := PluralForms(tt.tag); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("PluralForms(%v) = %v, want %v", tt.tag, got, tt.want)
		}
	}
}

func TestHash(t *testing.T) {
	// The value goi18n merge writes for {description: "d", other: "o"}:
	// sha1("do").
	got := Hash(&i18n.Message{Description: "d", Other: "o"})
	if got != "sha1-eadcd9bd2a09c75aef04954e6799e50278ee124a" {
		t.Errorf("Hash = %q", got)
	}
	if Hash(&i18n.Message{Other: "a"}) == Hash(&i18n.Message{Other: "b"}) {
		t.Error("different messages have the same hash")
	}
}

func TestVariables(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"By {{.Name}}", []string{".Name"}},
		{"{{.Count}} of {{ .Total }} {{if .More}}more{{end}}", []string{".Count", ".More", ".Total"}},
		{"{{.Author.Name | printf \"%s\"}}", []string{".Author.Name"}},
		{"plain", []string{}},
	}
	for _, tt := range tests {
		got, err := Variables(tt.src, "", "")
		if err != nil {
			t.Errorf("Variables(%q): %v", tt.src, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Variables(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
	if _, err := Variables("{{.Name", "", ""); err == nil {
		t.Error("an unclosed action is not an error")
	}
	if got, _ := Variables("<<.Name>>", "<<", ">>"); !reflect.DeepEqual(got, []string{".Name"}) {
		t.Errorf("custom delimiters: %v", got)
	}
}

func TestKeyLines(t *testing.T) {
	got := KeyLines([]byte("a:\n  other: x\nnested:\n  b:\n    other: y\n"))
	if got["a"] != 1 || got["nested.b"] != 4 {
		t.Errorf("KeyLines = %v", got)
	}
	if len(KeyLines([]byte("a: [\n"))) != 0 {
		t.Error("malformed YAML gave lines")
	}
}
