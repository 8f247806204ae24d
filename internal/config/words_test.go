package config

import (
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestErrorsInTurkish checks that ceviri.yaml's errors, and the YAML
// parser's common messages in them, are written in Turkish for a Turkish
// reader and read as they always did in English.
func TestErrorsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	for _, tc := range []struct{ src, en, tr string }{
		{"languages: [tr, en]\ncolour: red\n",
			`ceviri.yaml:2:1: unknown key "colour" (known: languages, source_language, content, exclude, locales, translatable, required, local, records, placeholder, glossary, build, check)`,
			`ceviri.yaml:2:1: bilinmeyen anahtar "colour" (bilinenler: languages, source_language, content, exclude, locales, translatable, required, local, records, placeholder, glossary, build, check)`},
		{"languages: [tr, en]\nbuild: {min_current: 120}\n",
			"ceviri.yaml:2:22: min_current must be a whole number from 0 to 100",
			"ceviri.yaml:2:22: min_current 0 ile 100 arasında bir tam sayı olmalı"},
		{"languages: [tr, en]\nbuild: {fallback: maybe}\n",
			`ceviri.yaml:2:19: "maybe" is not one of source, skip, fail`,
			`ceviri.yaml:2:19: "maybe" geçerli bir değer değil; olabilecekler: source, skip, fail`},
		{"languages: tr\n",
			`ceviri.yaml:1:12: expected a list, found "tr"`,
			`ceviri.yaml:1:12: burada bir liste beklenir, bulunan: "tr"`},
		{"languages: [tr, en]\nrequired: {a: b}\n",
			"ceviri.yaml:2:11: expected a list, found a mapping",
			"ceviri.yaml:2:11: burada bir liste beklenir, bulunan: bir eşlem"},
		{"languages: [tr, en]\ncontent: docs/{id}.txt\n",
			`ceviri.yaml:2:10: content template "docs/{id}.txt" must contain {id} and {lang} once each (or give each language its own template: content: {en: "docs/{id}.md", tr: "tr/docs/{id}.md"})`,
			`ceviri.yaml:2:10: "docs/{id}.txt" içerik şablonunda {id} ve {lang} birer kez geçmeli (ya da her dile kendi şablonunu verin: content: {en: "docs/{id}.md", tr: "tr/docs/{id}.md"})`},
		{"languages: [tr, xx-!!]\n",
			`ceviri.yaml:1:17: bad language tag "xx-!!": language: tag is not well-formed`,
			`ceviri.yaml:1:17: geçersiz dil etiketi "xx-!!": language: tag is not well-formed`},
		{"languages: [tr, en]\ntitle: a: b\n",
			"ceviri.yaml:2:1: invalid YAML: mapping values are not allowed in this context",
			"ceviri.yaml:2:1: geçersiz YAML: bu bağlamda eşlem değerine izin verilmez (içinde ': ' olan değeri tırnak içine alın)"},
		{"languages: [tr, en]\nsource_language: \"a\\qb\"\n",
			"ceviri.yaml:2:1: invalid YAML: found unknown escape character",
			"ceviri.yaml:2:1: geçersiz YAML: bilinmeyen bir kaçış dizisi bulundu (\\ yerine \\\\ yazın ya da tek tırnak kullanın)"},
		{"languages: [tr, en]\n  records: x\n",
			"ceviri.yaml:1:1: invalid YAML: did not find expected key",
			"ceviri.yaml:1:1: geçersiz YAML: beklenen anahtar bulunamadı (girinti ya da anahtar: değer biçimi bozuk)"},
	} {
		_, err := Parse("ceviri.yaml", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		if tc.en == "" {
			t.Logf("%q:\n%s\n%s", tc.src, err, tr.Error(err))
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

// TestYAMLProblems checks that every message of the table is an id of the
// message files whose English is the parser's message itself, so that
// English output stays as yaml.v3 writes it.
func TestYAMLProblems(t *testing.T) {
	en := clitext.English()
	for msg, id := range yamlProblems {
		if got := en.T(id); got != msg {
			t.Errorf("%s: English %q, want the parser's %q", id, got, msg)
		}
	}
	if got := YAMLProblem("something new").Error(); got != "something new" {
		t.Errorf("an unknown message reads %q", got)
	}
}
