package glossary

import (
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestErrorsInTurkish: the glossary readers' errors (CSV and TBX) are
// ceviri's words: English as they always read, Turkish for a Turkish
// reader, at the same line and column.
func TestErrorsInTurkish(t *testing.T) {
	langs := []string{"tr", "en"}
	tests := []struct{ name, file, data, en, tr string }{
		{"unknown column", "g.csv", "tr,de,note\n",
			`g.csv:1:4: column "de" is neither one of the project's languages (tr, en) nor note`,
			`g.csv:1:4: "de" sütunu ne projenin dillerinden (tr, en) biri ne de note`},
		{"field count", "g.csv", "tr,en,note\nrektör,rector\n",
			"g.csv:2:8: this line has 2 fields, the first line 3", "g.csv:2:8: bu satırda 2 alan var, ilk satırda 3"},
		{"bare quote", "g.csv", "tr,en\nrek\"tör,rector\n",
			`g.csv:2:4: malformed CSV: a " inside a field that is not in quotes; quote the field and double the " ("say ""hi""")`,
			`g.csv:2:4: bozuk CSV: tırnak içinde olmayan bir alanda " var; alanı tırnağa alın ve " işaretini iki kez yazın ("say ""hi""")`},
		{"unclosed quote", "g.csv", "tr,en\nğğ,\"rector\nx\n",
			"g.csv:3:3: malformed CSV: a quoted field is not closed, or a \" follows its closing quote (the field starts on line 2)",
			"g.csv:3:3: bozuk CSV: tırnak içindeki bir alan kapanmamış ya da kapanış tırnağından sonra bir \" geliyor (alan 2. satırda başlıyor)"},
		{"no letter", "g.csv", "tr,en\n--,rector\n",
			`g.csv:2:1: the tr term "--" has no letter or digit`, `g.csv:2:1: tr terimi "--" içinde harf ya da rakam yok`},
		{"two errors", "g.csv", "tr,en,note\n,,a note alone\nrektör\n",
			"g.csv:2:1: the entry has no term\ng.csv:3:1: this line has 1 fields, the first line 3",
			"g.csv:2:1: girdide hiç terim yok\ng.csv:3:1: bu satırda 1 alan var, ilk satırda 3"},
		{"empty", "g.csv", "",
			"g.csv:1:1: empty glossary: the first line names the languages and a note column (tr,en,note)",
			"g.csv:1:1: sözlük boş: ilk satır dilleri ve bir not sütununu adlandırır (tr,en,note)"},
		{"doctype", "t.tbx", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">` + "\n<martif/>",
			"t.tbx:2:1: a DTD (<!DOCTYPE ...>) is not allowed in a TBX glossary; remove it",
			"t.tbx:2:1: bir TBX sözlüğünde DTD (<!DOCTYPE ...>) bulunamaz; kaldırın"},
		{"malformed", "t.tbx", "<martif><text>\n<body></text></martif>",
			"t.tbx:2:14: malformed XML: element <body> closed by </text>", "t.tbx:2:14: bozuk XML: <body> öğesi </text> ile kapatılmış"},
		{"no lang", "t.tbx", "<martif><text><body><termEntry>\n<langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>",
			"t.tbx:2:1: <langSet> has no xml:lang", "t.tbx:2:1: <langSet> öğesinin xml:lang özniteliği yok"},
		{"not tbx", "t.tbx", "<xliff/>",
			"t.tbx:1:1: not a TBX glossary: the root element is <xliff>, not <tbx> or <martif>",
			"t.tbx:1:1: TBX sözlüğü değil: kök öğe <tbx> ya da <martif> değil, <xliff>"},
		{"latin1", "t.tbx", `<?xml version="1.0" encoding="ISO-8859-9"?><martif/>`,
			`t.tbx:1:44: malformed XML: xml: opening charset "ISO-8859-9": encoding "ISO-8859-9" is not supported; save the file as UTF-8`,
			`t.tbx:1:44: bozuk XML: xml: "ISO-8859-9" karakter kümesi açılamadı: "ISO-8859-9" kodlaması desteklenmiyor; dosyayı UTF-8 olarak kaydedin`},
	}
	tr := clitext.New("tr")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.data), langs)
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
