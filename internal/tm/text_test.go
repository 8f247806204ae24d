package tm

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestReadTMXErrorsInTurkish: the TMX reader's errors are ceviri's words:
// English as they always read, Turkish for a Turkish reader.
func TestReadTMXErrorsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	tests := []struct{ name, in, en, tr string }{
		{"doctype", `<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"/>`,
			"m.tmx:1:22: a DTD (<!DOCTYPE ...>) is not allowed in a TMX file ceviri imports; remove it",
			"m.tmx:1:22: ceviri'nin içe aktardığı bir TMX dosyasında DTD (<!DOCTYPE ...>) bulunamaz; kaldırın"},
		{"not tmx", `<xliff version="1.2"/>`,
			"m.tmx:1:1: the root element is <xliff>, not <tmx>: not a TMX file", "m.tmx:1:1: kök öğe <tmx> değil, <xliff>: bu bir TMX dosyası değil"},
		{"empty", ``, "m.tmx:1:1: no <tmx> element: not a TMX file", "m.tmx:1:1: <tmx> öğesi yok: bu bir TMX dosyası değil"},
		{"malformed", "<tmx version=\"1.4\"><body>\n<tu></body></tmx>",
			"m.tmx:2:12: malformed XML: element <tu> closed by </body>", "m.tmx:2:12: bozuk XML: <tu> öğesi </body> ile kapatılmış"},
		{"no lang", `<tmx version="1.4"><body><tu><tuv><seg>a</seg></tuv></tu></body></tmx>`,
			"m.tmx:1:30: <tuv> without xml:lang", "m.tmx:1:30: <tuv> öğesinin xml:lang özniteliği yok"},
		{"bad date", `<tmx version="1.4"><body><tu creationdate="yesterday"></tu></body></tmx>`,
			`m.tmx:1:26: <tu creationdate="yesterday">: not a TMX date (YYYYMMDDThhmmssZ)`,
			`m.tmx:1:26: <tu creationdate="yesterday">: geçerli bir TMX tarihi değil (YYYYMMDDThhmmssZ)`},
		{"version 2", `<tmx version="2.0"/>`,
			`m.tmx:1:1: TMX version "2.0" is not one ceviri reads (1.4)`, `m.tmx:1:1: TMX sürümü "2.0" ceviri'nin okuduğu sürüm (1.4) değil`},
		{"variants", `<tmx version="1.4"><body><tu>` + strings.Repeat(`<tuv xml:lang="en"><seg>a</seg></tuv>`, 65) + `</tu></body></tmx>`,
			"m.tmx:1:2398: more than 64 <tuv> elements in one <tu>", "m.tmx:1:2398: bir <tu> içinde 64 taneden fazla <tuv> öğesi var"},
		{"two roots", `<tmx version="1.4"/><tmx version="1.4"/>`,
			"m.tmx:1:21: a second root element after </tmx>", "m.tmx:1:21: </tmx> etiketinden sonra ikinci bir kök öğe var"},
		{"eof", `<tmx version="1.4"><body><tu>`,
			"m.tmx:1:30: malformed XML: unexpected EOF", "m.tmx:1:30: bozuk XML: beklenmeyen dosya sonu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTMX("m.tmx", strings.NewReader(tt.in))
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
