package locale

import (
	"testing"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/en.yaml": {Data: []byte("by_author:\n  other: \"By {{.Name}}\"\n")},
		"locales/tr.yaml": {Data: []byte("by_author:\n  other: \"{{.Name}} tarafından\"\n")},
	}
	s, err := Load(fsys, "locales", []string{"tr", "en"}, []language.Tag{language.Turkish, language.English})
	if err != nil {
		t.Fatal(err)
	}
	loc := i18n.NewLocalizer(s.Bundle, "tr")
	got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "by_author", TemplateData: map[string]string{"Name": "İrem Tufan"}})
	if err != nil {
		t.Fatal(err)
	}
	if got != "İrem Tufan tarafından" {
		t.Errorf("got %q", got)
	}
	if _, err := Load(fstest.MapFS{"locales/tr.yaml": {Data: []byte("a: [\n")}}, "locales", []string{"tr", "en"}, []language.Tag{language.Turkish, language.English}); err == nil {
		t.Error("malformed YAML: no error")
	}
}
