package check

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
)

const testConfig = `languages: [tr, en]
translatable: [title, summary]
check:
  paths:
    tr: /tr/
    en: /en/
`

const faithfulTR = `---
title: "Kütüphane gece açık"
summary: "Merkez kütüphane sınav haftasında 23.00'e kadar açık."
date: 2025-12-03
tags: [kampus]
---

Merkez kütüphane, 1.250 öğrencinin katıldığı ankete göre saat 18.30'dan sonra %40 daha dolu.
Ayrıntılar [duyuruda](/tr/duyurular/kutuphane/) ve [yönetmelikte](https://example.edu.tr/yonetmelik.pdf).

## Çalışma saatleri

- Hafta içi 08.00-23.00
- Cumartesi 10.00-18.00

| Gün | Saat |
|-----|------|
| Pazar | kapalı |

Kütüphane kartınızı yanınızda getirmeyi sakın unutmayın.

Kayıt için ` + "`kayit --ogrenci`" + ` komutunu çalıştırın:

` + "```sh\nkayit --ogrenci 2025\n```" + `
`

const faithfulEN = `---
title: "Library open at night"
summary: "The main library is open until 23:00 during exam week."
translation:
  from: tr
  source_hash: sha256:0000000000000000000000000000000000000000000000000000000000000000
---

According to a survey of 1,250 students, the main library is 40% busier after 18:30.
Details are in the [announcement](/en/duyurular/kutuphane/) and the [regulation](https://example.edu.tr/yonetmelik.pdf).

## Opening hours

- Weekdays 08:00-23:00
- Saturday 10:00-18:00

| Day | Hours |
|-----|-------|
| Sunday | closed |

Do not forget to bring your library card.

To register, run ` + "`kayit --ogrenci`" + `:

` + "```sh\nkayit --ogrenci 2025\n```" + `
`

func parsePair(t testing.TB, tr, en string) (*config.Config, *project.Version, *project.Version) {
	t.Helper()
	cfg, err := config.Parse("ceviri.yaml", []byte(testConfig))
	if err != nil {
		t.Fatal(err)
	}
	src := project.Parse(project.File{ID: "a", Lang: "tr", Path: "articles/a/tr.md"}, []byte(tr), cfg)
	dst := project.Parse(project.File{ID: "a", Lang: "en", Path: "articles/a/en.md"}, []byte(en), cfg)
	if src.Err != nil || dst.Err != nil {
		t.Fatalf("parse: %v %v", src.Err, dst.Err)
	}
	return cfg, src, dst
}

func TestCompareFaithful(t *testing.T) {
	cfg, src, en := parsePair(t, faithfulTR, faithfulEN)
	f := finder{id: "a", lang: "en", file: en.Path}
	got := append(compare(cfg, f, src, en, nil), translationFields(cfg, f, src, en)...)
	for _, x := range got {
		t.Errorf("faithful pair: %s:%d: %s: %s", x.File, x.Line, x.Rule, x.Message)
	}
}

func TestCompareMutations(t *testing.T) {
	tests := []struct {
		name, old, new string
		rule           string
		line           int
		msg            string
	}{
		{"number", "1,250 students", "1,260 students", Numbers, 9, "number 1.250 in the source (line 8), 1,260 in the translation"},
		{"time", "after 18:30", "after 18:45", Numbers, 9, "18.30"},
		{"percent", "40% busier", "45% busier", Numbers, 9, "number %40 in the source (line 8), 45% in the translation"},
		{"link", "(/en/duyurular/kutuphane/)", "(/en/duyurular/eski/)", Links, 10, "link to /tr/duyurular/kutuphane/ in the source"},
		{"link dropped", "the [regulation](https://example.edu.tr/yonetmelik.pdf)", "the regulation", Links, 9, "lacks"},
		{"inline code", "run `kayit --ogrenci`", "run `kayit --student`", Code, 23, "`kayit --ogrenci`"},
		{"code block", "kayit --ogrenci 2025\n", "kayit --student 2025\n", Code, 26, "code block differs"},
		{"heading level", "## Opening hours", "### Opening hours", Structure, 12, "level-2 heading in the source"},
		{"list item", "- Saturday 10:00-18:00\n", "- Saturday 10:00-18:00\n- Holidays closed\n", Structure, 14, "list of 2 items in the source (line 13), list of 3 items"},
		{"table", "| Sunday | closed |\n", "| Sunday | closed |\n| Monday | open |\n", Structure, 17, "table of 2 columns x 2 rows in the source"},
		{"untranslated", "Do not forget to bring your library card.", "Kütüphane kartınızı yanınızda getirmeyi sakın unutmayın.", Untranslated, 21, "looks untranslated"},
		{"empty field", `summary: "The main library is open until 23:00 during exam week."`, `summary: ""`, Empty, 3, "summary is empty"},
		{"missing field", "summary: \"The main library is open until 23:00 during exam week.\"\n", "", MissingField, 1, "summary is missing"},
		{"shared field", "title: \"Library open at night\"\n", "title: \"Library open at night\"\ndate: 2025-12-04\n", SharedFieldMismatch, 3, `"2025-12-03" in the Turkish source`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(faithfulEN, tt.old) {
				t.Fatalf("%q is not in the faithful translation", tt.old)
			}
			cfg, src, en := parsePair(t, faithfulTR, strings.Replace(faithfulEN, tt.old, tt.new, 1))
			f := finder{id: "a", lang: "en", file: en.Path}
			got := append(compare(cfg, f, src, en, nil), translationFields(cfg, f, src, en)...)
			if len(got) != 1 {
				t.Fatalf("got %d findings %v, want one %s", len(got), got, tt.rule)
			}
			if got[0].Rule != tt.rule || got[0].Line != tt.line || !strings.Contains(got[0].Message, tt.msg) {
				t.Errorf("got %s:%d: %s: %s\nwant rule %s, line %d, message containing %q", got[0].File, got[0].Line, got[0].Rule, got[0].Message, tt.rule, tt.line, tt.msg)
			}
		})
	}
}

func TestCompareEmptyBody(t *testing.T) {
	body := faithfulEN[strings.Index(faithfulEN, "\n---\n")+5:]
	cfg, src, en := parsePair(t, faithfulTR, strings.Replace(faithfulEN, body, "", 1))
	got := compare(cfg, finder{id: "a", lang: "en", file: en.Path}, src, en, nil)
	if len(got) != 1 || got[0].Rule != Empty {
		t.Fatalf("got %v, want one empty finding", got)
	}
}

func TestCompareMovedNumber(t *testing.T) {
	// A number that moved to the next paragraph is not a difference.
	tr := "---\ntitle: a\n---\n\nBir 22.\n\nİki.\n"
	en := "---\ntitle: b\n---\n\nOne.\n\nTwo 22.\n"
	cfg, src, dst := parsePair(t, tr, en)
	if got := compare(cfg, finder{}, src, dst, nil); len(got) != 0 {
		t.Errorf("moved number reported: %v", got)
	}
}

func TestCompareDates(t *testing.T) {
	// A numeric date equals the same date with a month name; its day and
	// year still count.
	tr := "---\ntitle: a\n---\n\nToplantı 03.12.2025 tarihinde, rapor 2025-11-14 tarihli.\n"
	en := "---\ntitle: b\n---\n\nThe meeting is on 3 December 2025; the report is dated 14 November 2025.\n"
	cfg, src, dst := parsePair(t, tr, en)
	if got := compare(cfg, finder{}, src, dst, nil); len(got) != 0 {
		t.Errorf("dates with month names: %v", got)
	}
	cfg, src, dst = parsePair(t, tr, strings.Replace(en, "3 December", "4 December", 1))
	if got := compare(cfg, finder{}, src, dst, nil); len(got) != 1 || !strings.Contains(got[0].Message, "number 03 in the source (line 5), 4 in the translation") {
		t.Errorf("a different day: %v", got)
	}
}

func TestStaleLinkNamesOldURL(t *testing.T) {
	old := "---\ntitle: a\n---\n\nSee [the list](https://example.org/old).\n"
	now := "---\ntitle: a\n---\n\nSee [the list](https://example.org/new).\n"
	tr := "---\ntitle: b\n---\n\nBkz. [liste](https://example.org/old).\n"
	cfg, src, dst := parsePair(t, now, tr)
	_, rec, _ := parsePair(t, old, tr)
	got := compare(cfg, finder{}, src, dst, rec)
	if len(got) != 1 || !strings.Contains(got[0].Message, "still links to https://example.org/old") {
		t.Errorf("got %v, want a finding that names the old URL", got)
	}
}
