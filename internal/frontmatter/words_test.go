package frontmatter

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestErrorsInTurkish checks that front matter's errors, and the common
// messages of the YAML, TOML and JSON parsers in them, are written in
// Turkish for a Turkish reader and read as they always did in English.
func TestErrorsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	for _, tc := range []struct{ src, en, tr string }{
		{"---\ntitle: a: b\n---\n",
			"a.md:2:1: invalid YAML: mapping values are not allowed in this context",
			"a.md:2:1: geçersiz YAML: bu bağlamda eşlem değerine izin verilmez (içinde ': ' olan değeri tırnak içine alın)"},
		{"---\ntitle: x\n  tags: [a]\n---\n",
			"a.md:3:1: invalid YAML: mapping values are not allowed in this context",
			"a.md:3:1: geçersiz YAML: bu bağlamda eşlem değerine izin verilmez (içinde ': ' olan değeri tırnak içine alın)"},
		{"---\ntitle: @x\n---\n",
			"a.md:2:1: invalid YAML: found character that cannot start any token",
			"a.md:2:1: geçersiz YAML: hiçbir değerin başlayamayacağı bir karakter bulundu (değeri tırnak içine alın)"},
		{"---\ntitle: A\nTitle: B\n---\n",
			`a.md:3:1: duplicate front-matter key "Title" (first at line 2)`,
			`a.md:3:1: ön bilgide "Title" anahtarı iki kez yazılmış (ilki 2. satırda)`},
		{"---\ntitle: A\n",
			"a.md:1:1: unterminated front matter: no closing --- line",
			"a.md:1:1: ön bilgi kapanmamış: kapanış --- satırı yok"},
		{"---\na: &x [*x]\n---\n",
			"a.md:2:8: alias *x is inside the value of its own anchor &x, so that value never ends",
			"a.md:2:8: *x takma adı kendi &x çapasının değerinin içinde, bu yüzden o değer hiç bitmiyor"},
		{"+++\ntitle = Hello\n+++\n",
			"a.md:2:9: invalid TOML: unexpected character U+0048 'H' at start of value",
			"a.md:2:9: geçersiz TOML: değerin başında beklenmedik karakter: U+0048 'H' (metni tırnak içine alın)"},
		{"+++\ntitle = \"Hello\n+++\n",
			"a.md:2:15: invalid TOML: basic strings cannot have new lines",
			`a.md:2:15: geçersiz TOML: tırnaklı metin ("...") satır sonunu geçemez (kapanış tırnağı eksik mi?)`},
		{"+++\nx = 1\nx = 2\n+++\n",
			"a.md:3:1: invalid TOML: key x is already defined",
			"a.md:3:1: geçersiz TOML: x anahtarı zaten tanımlı"},
		{"+++\ntitle = \"a\" b\n+++\n",
			"a.md:2:13: invalid TOML: expected newline but got U+0062 'b'",
			"a.md:2:13: geçersiz TOML: satır sonu bekleniyordu, bulunan: U+0062 'b'"},
		{"{\"title\": \"x\",}\n",
			"a.md:1:15: invalid JSON: invalid character '}' looking for beginning of object key string",
			"a.md:1:15: geçersiz JSON: geçersiz karakter '}': burada tırnaklı bir anahtar başlamalı"},
		{"{\"title\" \"x\"}\n",
			`a.md:1:10: invalid JSON: invalid character '"' after object key`,
			`a.md:1:10: geçersiz JSON: geçersiz karakter '"': anahtardan sonra ':' gelmeli`},
		{"---\ntitle: \xff\n---\n",
			"a.md:2:8: invalid UTF-8 (byte 0xff); save the file as UTF-8",
			"a.md:2:8: geçersiz UTF-8 (0xff baytı); dosyayı UTF-8 olarak kaydedin"},
	} {
		_, err := Parse("a.md", []byte(tc.src))
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

// TestFieldErrorsInTurkish checks the errors of the shared fields and of
// the translation record, which check reports.
func TestFieldErrorsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	d, err := Parse("a.md", []byte("---\ndate: [1]\ntags: {a: b}\nauthors: x\ntranslation:\n  from: en\n  source_hash: abc\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	errs := d.CheckFields(true)
	_, rerr := d.Record()
	errs = append(errs, rerr)
	want := []string{
		"a.md:2:7: date tek bir değer olmalı: YYYY-MM-DD ya da RFC 3339 (2025-12-03T10:00:00+03:00 ya da 2025-12-03 10:00:00 +0300)",
		"a.md:3:7: tags alanı metinlerden oluşan bir liste olmalı",
		"a.md:4:10: authors bir {name: ...} listesi olmalı",
		`a.md:7:16: source_hash "abc" geçersiz: sha256: ve ardından 64 onaltılık rakam olmalı`,
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(want), errs)
	}
	for i, e := range errs {
		if got := tr.Error(e); got != want[i] {
			t.Errorf("got  %s\nwant %s", got, want[i])
		}
	}
	if _, err := ParseDate("2025-13"); err == nil || tr.Error(err) != `date "2025-13" ne YYYY-MM-DD ne de RFC 3339 biçiminde (2025-12-03T10:00:00+03:00 ya da 2025-12-03 10:00:00 +0300)` {
		t.Errorf("ParseDate: %v", tr.Error(err))
	}
}

// TestParserTables checks that the English of every message in the
// tables of the TOML and JSON parsers' words is the parser's own.
func TestParserTables(t *testing.T) {
	en := clitext.English()
	for msg, id := range tomlProblems {
		if got := en.T(id); got != msg {
			t.Errorf("%s: English %q, want %q", id, got, msg)
		}
	}
	for _, table := range [][]charProblem{tomlCharProblems, jsonCharProblems} {
		for _, p := range table {
			if got, want := en.T(p.id, "Char", "'x'"), p.before+"'x'"+p.after; got != want {
				t.Errorf("%s: English %q, want %q", p.id, got, want)
			}
		}
	}
	if got := jsonProblem("invalid character 'x' in literal true (expecting 'r')").Error(); got != "invalid character 'x' in literal true (expecting 'r')" {
		t.Errorf("an unknown message reads %q", got)
	}
}

// TestReadsBackInTurkish checks the reasons SetRecord and SetFields give
// when what they would write does not read back.
func TestReadsBackInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	const in = "---\ntitle: A\ntags: [a, b]\ntranslation:\n  from: en\n  source_hash: " + hash1 + "\n---\nbody\n"
	d, err := Parse("a.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	rec := Record{From: "en", SourceHash: hash2}
	good := strings.Replace(in, hash1, hash2, 1)
	for _, tc := range []struct{ out, tr string }{
		{strings.Replace(good, "tags: [a, b]\n", "", 1), "tags alanı kaybolurdu"},
		{good + "more\n", "dosyanın gövdesi değişirdi"},
		{strings.Replace(good, "tags: [a, b]", "tags: [a, b", 1), "sonuç ayrıştırılamazdı (a.md:2:1: geçersiz YAML: beklenen ',' ya da ']' bulunamadı)"},
	} {
		if got := tr.Error(d.readsBack([]byte(tc.out), rec)); got != tc.tr {
			t.Errorf("got  %s\nwant %s", got, tc.tr)
		}
	}
}
