package po

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestReadErrorsInTurkish: the PO reader's errors are ceviri's words:
// English as they always read, Turkish for a Turkish reader, at the same
// line and column.
func TestReadErrorsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	tests := []struct{ name, in, en, tr string }{
		{"unterminated", "msgid \"a\nmsgstr \"\"\n",
			"x.po:1:7: expected a string in double quotes", "x.po:1:7: çift tırnak içinde bir dize bekleniyordu"},
		{"bad escape", "msgid \"a\\q\"\nmsgstr \"\"\n",
			`x.po:1:9: unknown escape \q`, `x.po:1:9: bilinmeyen kaçış dizisi \q`},
		{"unknown keyword", "msgfoo \"a\"\n",
			`x.po:1:1: unknown keyword "msgfoo"`, `x.po:1:1: bilinmeyen anahtar sözcük "msgfoo"`},
		{"latin1 header", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-9\\n\"\n",
			`x.po:2:1: charset "iso-8859-9" is not supported; save the file as UTF-8`,
			`x.po:2:1: "iso-8859-9" karakter kümesi desteklenmiyor; dosyayı UTF-8 olarak kaydedin`},
		{"header line", "msgid \"\"\nmsgstr \"Language\\n\"\n",
			`x.po:2:1: header line "Language" is not "Key: value"`, `x.po:2:1: başlık satırı "Language" "Anahtar: değer" biçiminde değil`},
		{"end without msgstr", "msgid \"a\"\n",
			"x.po:1:1: entry has no msgstr", "x.po:1:1: girdinin msgstr'si yok"},
		{"repeated", "msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n",
			"x.po:2:1: msgid repeated in one entry (is a msgstr missing?)", "x.po:2:1: msgid bir girdide iki kez var (bir msgstr mi eksik?)"},
		{"second header", "msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"\"\n",
			`x.po:4:1: a second header entry (msgid ""); the header is at line 1`, `x.po:4:1: ikinci bir başlık girdisi (msgid ""); başlık 1. satırda`},
		{"unescaped quote", "msgid \"a\"b\"\nmsgstr \"\"\n",
			`x.po:1:9: unescaped " inside a string`, `x.po:1:9: dizenin içinde kaçışsız "`},
		{"invalid utf8", "msgid \"\xff\"\nmsgstr \"\"\n",
			"x.po:1:1: invalid UTF-8; save the file as UTF-8", "x.po:1:1: geçersiz UTF-8; dosyayı UTF-8 olarak kaydedin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.po", strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.en {
				t.Errorf("English:\n got %s\nwant %s", got, tt.en)
			}
			if got := tr.Error(err); got != tt.tr {
				t.Errorf("Turkish:\n got %s\nwant %s", got, tt.tr)
			}
		})
	}
}
