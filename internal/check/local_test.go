package check

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// checkPair runs every article rule on one article of two versions under
// the configuration cfg, and returns the findings as "file:line: rule:
// message".
func checkPair(t *testing.T, cfg, tr, en string) []string {
	t.Helper()
	files := fstest.MapFS{
		"ceviri.yaml":      {Data: []byte(cfg)},
		"articles/a/tr.md": {Data: []byte(tr)},
		"articles/a/en.md": {Data: []byte(en)},
	}
	p, err := project.New("/p", files, []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	fs, errs := p.Scan()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	vs := p.Load(fs)
	for _, v := range vs {
		if v.Err != nil {
			t.Fatal(v.Err)
		}
	}
	arts := track.Analyze(p, project.Group(vs))
	var out []string
	for _, f := range Run(Input{Config: p.Config, Articles: arts}) {
		out = append(out, fmt.Sprintf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Message))
	}
	return out
}

// record is a translation record of the source tr under cfg.
func record(t *testing.T, cfg, tr string) string {
	t.Helper()
	c, err := config.Parse("ceviri.yaml", []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	fp := project.Parse(project.File{ID: "a", Lang: "tr", Path: "articles/a/tr.md"}, []byte(tr), c).Fingerprint
	return "translation:\n  from: tr\n  source_hash: " + fp + "\n"
}

// TestLocalFields: fields each language sets for itself (config local:,
// with defaults after Jekyll and Hugo sites) are never compared; a shared
// field that differs still is.
func TestLocalFields(t *testing.T) {
	const plain = "languages: [tr, en]\n"
	tests := []struct {
		name, cfg, trFM, enFM string
		want                  []string // shared-field-mismatch findings, as "line: field"
	}{
		{"jekyll lang and permalink", "languages: [tr, en]\nlocal: [lang, permalink, url]\n",
			"lang: tr\npermalink: /tr/makale/\nurl: /tr/makale/\n",
			"lang: en\npermalink: /article/\nurl: /article/\n", nil},
		{"hugo per-language fields (defaults)", plain,
			"lastmod: 2025-12-10\nslug: makale\nurl: /tr/makale/\naliases: [/tr/eski/]\ntranslationKey: makale\nlang: tr\n",
			"lastmod: 2025-12-11T09:00:00+03:00\nslug: article\nurl: /en/article/\naliases: [/old/, /older/]\ntranslationKey: article\nlang: en\n", nil},
		{"local fields only in the translation", plain, "",
			"slug: article\nLastMod: 2025-12-11\n", nil},
		{"keys compare without case", plain, "Slug: makale\n", "SLUG: article\n", nil},
		{"user-configured local date", "languages: [tr, en]\nlocal: [date]\n",
			"date: 2025-12-03\n", "date: 2025-12-04\n", nil},
		{"date is shared by default", plain,
			"date: 2025-12-03\n", "date: 2025-12-04\n", []string{"3: date"}},
		{"a user list replaces the defaults", "languages: [tr, en]\nlocal: [date]\n",
			"slug: makale\n", "slug: article\n", []string{"3: slug"}},
		{"placeholder field is local", "languages: [tr, en]\nplaceholder: {field: untranslated}\n",
			"untranslated: 0\n", "untranslated: false\n", nil},
		{"shared tags and author still compared", plain,
			"tags: [kampus]\nauthor: Gülşen Öztürk\nlang: tr\n",
			"tags: [campus]\nauthor: G. Öztürk\nlang: en\n", []string{"3: tags", "4: author"}},
		{"shared field only in the translation", plain, "", "lang: en\ncategory: news\n", []string{"4: category"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := "---\ntitle: Başlık\n" + tt.trFM + "---\n\nBir iki üç.\n"
			en := "---\ntitle: Title\n" + tt.enFM + record(t, tt.cfg, tr) + "---\n\nOne two three.\n"
			var got []string
			for _, f := range checkPair(t, tt.cfg, tr, en) {
				if strings.Contains(f, "shared-field-mismatch") {
					var line int
					fmt.Sscanf(f, "articles/a/en.md:%d:", &line)
					rest := f[strings.Index(f, "field ")+len("field "):]
					field := rest[:strings.IndexByte(rest, ' ')]
					got = append(got, fmt.Sprintf("%d: %s", line, field))
				} else {
					t.Errorf("unexpected finding %s", f)
				}
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("mismatches = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlaceholderFindings: a placeholder is reported as a missing
// translation, at the marker's line or the body's, and nothing else of it
// is compared with the source (its numbers, links, fields), with or
// without a record.
func TestPlaceholderFindings(t *testing.T) {
	const cfg = "languages: [tr, en]\nplaceholder:\n  field: untranslated\n"
	tr := "---\ntitle: Başlık\ndate: 2025-12-03\n---\n\n1.250 öğrenci [duyuruda](/tr/x/) `kod`.\n"
	tests := []struct {
		name, en string
		want     []string
	}{
		{"marker with a record and a copied body", "---\ntitle: Başlık\nlang: en\nuntranslated: 1\ndate: 2025-01-01\n" + record(t, cfg, tr) + "---\n\n1.250 öğrenci [duyuruda](/tr/x/) `kod`.\n",
			[]string{"articles/a/en.md:4: missing-translation: a placeholder, not a translation (untranslated: 1 marks it); translate it from the Turkish source articles/a/tr.md, then run `ceviri done a --lang en`"}},
		{"empty body without a record", "---\nlang: en\n---\n",
			[]string{"articles/a/en.md:4: missing-translation: a placeholder, not a translation (its body is empty); translate it from the Turkish source articles/a/tr.md, then run `ceviri done a --lang en`"}},
		{"what build cannot publish is still reported", "---\ntitle: T\nrating: .nan\n---\n",
			[]string{"articles/a/en.md:3: invalid-front-matter: .nan is not a number that JSON can hold; quote it ('.nan') to keep it as text",
				"articles/a/en.md:5: missing-translation: a placeholder, not a translation (its body is empty); translate it from the Turkish source articles/a/tr.md, then run `ceviri done a --lang en`"}},
		{"marker false: a translation, compared", "---\ntitle: Title\nuntranslated: false\n" + record(t, cfg, tr) + "---\n\n1,260 students [notice](/tr/x/) `kod`.\n",
			[]string{"articles/a/en.md:9: numbers: number 1.250 in the source (line 6), 1,260 in the translation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := checkPair(t, cfg, tr, tt.en)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
