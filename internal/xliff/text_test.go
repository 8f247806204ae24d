package xliff

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestReadErrorsInTurkish: the reader's errors, encoding/xml's own
// messages among them, are ceviri's words: English as it always read,
// Turkish for a Turkish reader, at the same position.
func TestReadErrorsInTurkish(t *testing.T) {
	head := `<xliff version="1.2"><file target-language="en"><body>`
	tr := clitext.New("tr")
	tests := []struct{ name, in, en, tr string }{
		{"unexpected EOF", head + `<trans-unit id="u"><source>a`,
			"x.xlf:1:83: malformed XML: unexpected EOF", "x.xlf:1:83: bozuk XML: beklenmeyen dosya sonu"},
		{"closed by", head + `<trans-unit id="u"><source>a</target>`,
			"x.xlf:1:92: malformed XML: element <source> closed by </target>", "x.xlf:1:92: bozuk XML: <source> öğesi </target> ile kapatılmış"},
		{"entity", head + `<trans-unit id="u"><source>&nbsp;</source>`,
			"x.xlf:1:88: malformed XML: invalid character entity &nbsp;", "x.xlf:1:88: bozuk XML: geçersiz karakter varlığı &nbsp;"},
		{"entity without semicolon", head + `<trans-unit id="u"><source>a & b</source>`,
			"x.xlf:1:85: malformed XML: invalid character entity & (no semicolon)", "x.xlf:1:85: bozuk XML: geçersiz karakter varlığı & (noktalı virgül yok)"},
		{"attribute", `<xliff version=1.2>`,
			"x.xlf:1:17: malformed XML: unquoted or missing attribute value in element", "x.xlf:1:17: bozuk XML: öğede tırnak içinde olmayan ya da eksik öznitelik değeri"},
		{"encoding", `<?xml version="1.0" encoding="latin1"?><xliff/>`,
			`x.xlf:1:40: malformed XML: xml: opening charset "latin1": encoding "latin1" is not supported; save the file as UTF-8`,
			`x.xlf:1:40: bozuk XML: xml: "latin1" karakter kümesi açılamadı: "latin1" kodlaması desteklenmiyor; dosyayı UTF-8 olarak kaydedin`},
		{"DTD", `<!DOCTYPE xliff [<!ENTITY a "b">]><xliff version="1.2"/>`,
			"x.xlf:1:1: a DTD with entity declarations (<!DOCTYPE ...>) is not allowed in an XLIFF file ceviri imports; remove it",
			"x.xlf:1:1: ceviri'nin içe aktardığı bir XLIFF dosyasında varlık (entity) bildirimleri içeren DTD (<!DOCTYPE ...>) bulunamaz; kaldırın"},
		{"root", `<tmx version="1.4"/>`,
			"x.xlf:1:1: root element is <tmx>, not <xliff>: not an XLIFF 1.2 file", "x.xlf:1:1: kök öğe <xliff> değil, <tmx>: bu bir XLIFF 1.2 dosyası değil"},
		{"version", `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>`,
			`x.xlf:1:1: XLIFF version "2.0" (namespace "urn:oasis:names:tc:xliff:document:2.0") is not supported; ceviri reads XLIFF 1.2`,
			`x.xlf:1:1: XLIFF sürümü "2.0" (ad alanı "urn:oasis:names:tc:xliff:document:2.0") desteklenmiyor; ceviri XLIFF 1.2 okur`},
		{"unit without id", head + `<trans-unit><source>a</source></trans-unit></body></file></xliff>`,
			"x.xlf:1:55: <trans-unit> without an id", "x.xlf:1:55: <trans-unit> öğesinin id'si yok"},
		{"no root", ``, "x.xlf:1:1: no <xliff> element: not an XLIFF file", "x.xlf:1:1: <xliff> öğesi yok: bu bir XLIFF dosyası değil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.xlf", strings.NewReader(tt.in))
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

// TestXMLMessages: every message of encoding/xml that ceviri says in its
// words reads in English exactly as the decoder wrote it, and in Turkish
// otherwise; a message it does not know stays as it is.
func TestXMLMessages(t *testing.T) {
	tr := clitext.New("tr")
	for _, msg := range []string{
		"unexpected EOF", "unexpected EOF in CDATA section", "unexpected end element </a>",
		"element <a> closed by </b>", "element <a> in space x closed by </a> in space y",
		"expected element name after </", "invalid characters between </a and >",
		"expected target name after <?", "invalid sequence <!- not part of <!--",
		`invalid sequence "--" not allowed in comments`, "invalid <![ sequence",
		"expected element name after <", "expected /> in element", "expected attribute name in element",
		"attribute name without = in element", "unquoted or missing attribute value in element",
		"unescaped ]]> not in CDATA section", "unescaped < inside quoted string",
		"invalid character entity &x;", "invalid character entity &x (no semicolon)",
		"invalid UTF-8", "illegal character code U+0001", "invalid XML name: 1a",
		`xml: unsupported version "1.1"; only version 1.0 is supported`,
		`xml: opening charset "x": encoding "x" is not supported; save the file as UTF-8`,
	} {
		v := XMLMessage(msg)
		x, ok := v.(clitext.Text)
		if !ok {
			t.Errorf("%q: not said in ceviri's words", msg)
			continue
		}
		if x.String() != msg {
			t.Errorf("English %q, want %q", x.String(), msg)
		}
		if got := tr.Text(x); got == msg || strings.Contains(got, "xliff_") {
			t.Errorf("Turkish of %q: %q", msg, got)
		}
	}
	if v := XMLMessage("xml: something new\x1b"); v != `xml: something new\x1b` {
		t.Errorf("unknown message: %#v", v)
	}
}
