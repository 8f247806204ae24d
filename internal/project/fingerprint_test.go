package project

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/config"
	"golang.org/x/text/unicode/norm"
)

const base = `---
# front matter comment
title: "İstanbul'da Işık"
summary: Kısa bir özet.
date: 2025-12-03
tags: [şehir, ışık]
---

# Başlık

Bir paragraf, [bağlantı](https://example.com/a) ve ` + "`kod`" + ` ile 22 sayı.
İkinci satır.

- madde bir
- madde iki

` + "```go\nfmt.Println(\"x\")\n```" + `

| a | b |
|---|---|
| 1 | 2 |

Bkz. [kaynak][r].

[r]: https://example.com/ref
`

func fingerprint(t *testing.T, doc string) string {
	t.Helper()
	cfg, err := config.Parse("ceviri.yaml", []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	v := Parse(File{ID: "a", Lang: "tr", Path: "a.md"}, []byte(doc), cfg)
	if v.Err != nil {
		t.Fatalf("parse: %v\n%s", v.Err, doc)
	}
	return v.Fingerprint
}

func edit(t *testing.T, doc, old, new string) string {
	t.Helper()
	if strings.Count(doc, old) != 1 {
		t.Fatalf("%q occurs %d times", old, strings.Count(doc, old))
	}
	return strings.Replace(doc, old, new, 1)
}

// TestInvisibleEditsKeepFingerprint: edits a reader cannot see must not make
// a translation stale.
func TestInvisibleEditsKeepFingerprint(t *testing.T) {
	want := fingerprint(t, base)
	tests := map[string]string{
		"CRLF line endings":        strings.ReplaceAll(base, "\n", "\r\n"),
		"byte order mark":          "\ufeff" + base,
		"trailing spaces":          strings.ReplaceAll(base, "\n", "  \n"),
		"reflowed paragraph":       edit(t, base, "22 sayı.\nİkinci satır.", "22\nsayı. İkinci\n   satır."),
		"NFD text (macOS)":         norm.NFD.String(base),
		"YAML key order":           edit(t, base, "title: \"İstanbul'da Işık\"\nsummary: Kısa bir özet.\n", "summary: Kısa bir özet.\ntitle: \"İstanbul'da Işık\"\n"),
		"YAML comment changed":     edit(t, base, "# front matter comment", "# another comment\n# and more"),
		"YAML quoting":             edit(t, base, `title: "İstanbul'da Işık"`, `title: 'İstanbul''da Işık'`),
		"shared field changed":     edit(t, base, "date: 2025-12-03", "date: 2025-12-04"),
		"shared list changed":      edit(t, base, "tags: [şehir, ışık]", "tags: [şehir]"),
		"extra blank lines":        edit(t, base, "- madde bir", "\n\n- madde bir"),
		"code trailing white":      edit(t, base, "fmt.Println(\"x\")\n", "fmt.Println(\"x\")   \n"),
		"table alignment padding":  edit(t, base, "| 1 | 2 |", "|   1 |    2 |"),
		"tabs in paragraph":        edit(t, base, "Bir paragraf,", "Bir\tparagraf,"),
		"heading closing hashes":   edit(t, base, "# Başlık\n", "# Başlık #\n"),
		"list marker style":        strings.ReplaceAll(base, "- madde", "* madde"),
		"capitalised key (Hugo)":   edit(t, base, "title:", "Title:"),
		"link reference reflowed":  edit(t, base, "[r]: https://example.com/ref", "[r]:   https://example.com/ref"),
		"hard-wrapped front title": edit(t, base, `title: "İstanbul'da Işık"`, "title: >-\n  İstanbul'da\n  Işık"),
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			if doc == base {
				t.Fatal("edit changed nothing")
			}
			if got := fingerprint(t, doc); got != want {
				t.Errorf("fingerprint changed")
			}
		})
	}
}

// TestVisibleEditsChangeFingerprint: any edit a reader can see must make a
// translation stale.
func TestVisibleEditsChangeFingerprint(t *testing.T) {
	want := fingerprint(t, base)
	tests := map[string]string{
		"a word":               edit(t, base, "İkinci satır", "Üçüncü satır"),
		"a number":             edit(t, base, "22 sayı", "23 sayı"),
		"a link target":        edit(t, base, "https://example.com/a", "https://example.com/b"),
		"a link reference url": edit(t, base, "https://example.com/ref", "https://example.com/other"),
		"inline code":          edit(t, base, "`kod`", "`code`"),
		"a code block":         edit(t, base, `fmt.Println("x")`, `fmt.Println("y")`),
		"code indentation":     edit(t, base, "fmt.Println", "\tfmt.Println"),
		"the title":            edit(t, base, "Işık\"", "Işıklar\""),
		"the summary":          edit(t, base, "Kısa bir özet.", "Uzun bir özet."),
		"heading level":        edit(t, base, "# Başlık", "## Başlık"),
		"a list item added":    edit(t, base, "- madde iki\n", "- madde iki\n- madde üç\n"),
		"a table cell":         edit(t, base, "| 1 | 2 |", "| 1 | 3 |"),
		"emphasis":             edit(t, base, "Bir paragraf", "*Bir* paragraf"),
		"paragraphs split":     edit(t, base, "22 sayı.\nİkinci", "22 sayı.\n\nİkinci"),
		"dotted İ vs I":        edit(t, base, "İkinci", "Ikinci"),
		"punctuation":          edit(t, base, "Bir paragraf,", "Bir paragraf;"),
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := fingerprint(t, doc); got == want {
				t.Errorf("fingerprint unchanged")
			}
		})
	}
}
