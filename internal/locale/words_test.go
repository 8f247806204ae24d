package locale

import (
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/clitext"
	"golang.org/x/text/language"
)

// TestErrorsInTurkish checks that the errors of a site's message file
// are written in Turkish, the YAML parser's common messages too, for a Turkish
// reader and read as they always did in English.
func TestErrorsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	for _, tc := range []struct{ src, en, tr string }{
		{"a: [\n",
			"locales/tr.yaml:1:1: invalid YAML: yaml: line 1: did not find expected node content",
			"locales/tr.yaml:1:1: geçersiz YAML: satır 1: beklenen değer bulunamadı"},
		{"a: b\nc: d: e\n",
			"locales/tr.yaml:2:1: invalid YAML: yaml: line 2: mapping values are not allowed in this context",
			"locales/tr.yaml:2:1: geçersiz YAML: satır 2: bu bağlamda eşlem değerine izin verilmez (içinde ': ' olan değeri tırnak içine alın)"},
	} {
		fsys := fstest.MapFS{"locales/tr.yaml": {Data: []byte(tc.src)}}
		_, err := Load(fsys, "locales", []string{"tr", "en"}, []language.Tag{language.Turkish, language.English})
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		if got := err.Error(); got != tc.en {
			t.Errorf("%q: English\n got %s\nwant %s", tc.src, got, tc.en)
		}
		if got := tr.Error(err); got != tc.tr {
			t.Errorf("%q: Turkish\n got %s\nwant %s", tc.src, got, tc.tr)
		}
	}
}
