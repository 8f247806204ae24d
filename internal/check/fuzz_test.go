package check

import (
	"testing"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
	"golang.org/x/text/language"
)

// FuzzCompare feeds the content rules pairs of arbitrary Markdown files
// (front matter and body); they must never panic, and every finding must
// name a rule and a line inside the translation.
func FuzzCompare(f *testing.F) {
	f.Add(faithfulTR, faithfulEN)
	f.Add("---\ntitle: a\n---\n\n# H\n\n- a 1\n- b\n", "---\ntitle: b\n---\n\n## H\n\n1. a 2\n")
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |\n", "| a |\n|---|\n| 1 |\n| 3 |\n")
	f.Add("[x][r]\n\n[r]: /tr/a/ \"t\"\n", "[y](../a/) <https://x.org/> ![i](/en/p.png)\n")
	f.Add("```go\nx := 1\n```\n\n> q `c`\n", "    code\n\n> q `d` {{< fig 3 >}}\n")
	f.Add("Saat 18.30, %40, 1.234,5 ve 03.12.2025[^1].\n\n[^1]: not 7\n", "At 18:30, 40%, 1,234.5 and 3 December 2025.\n")
	f.Add("{{% a %}}{{< b", "{{%}}{{<>}}%}}")
	f.Add("---\ntitle: [a, b]\nsummary: {x: 1}\ndate: &d 2025\ntags: *d\n---\n", "---\ntitle: \"\"\ndate: 2026\n---\n")
	cfg, err := config.Parse("ceviri.yaml", []byte(testConfig))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src, tr string) {
		s := project.Parse(project.File{ID: "a/b", Lang: "tr", Path: "articles/a/b/tr.md"}, []byte(src), cfg)
		d := project.Parse(project.File{ID: "a/b", Lang: "en", Path: "articles/a/b/en.md"}, []byte(tr), cfg)
		if s.Err != nil || d.Err != nil {
			return
		}
		fd := finder{id: "a/b", lang: "en", file: d.Path}
		got := append(compare(cfg, fd, s, d, s), translationFields(cfg, fd, s, d)...)
		got = append(got, sourceFields(cfg, "a/b", s)...)
		for _, x := range got {
			if !Known(x.Rule) || x.Message == "" || x.Line < 0 {
				t.Errorf("bad finding %+v", x)
			}
		}
	})
}

// FuzzNumbers reads arbitrary text as Turkish and English numbers.
func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"1.250", "18.30'da %40", "1.234,5", "0:0.0,0", "9999999999999999999999.1", "%%1%", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tag := range []language.Tag{language.Turkish, language.English, language.German} {
			for _, n := range numbers(s, tag) {
				if len(n.values) == 0 {
					t.Errorf("number %q in %q has no reading", n.text, s)
				}
			}
		}
	})
}

// FuzzCanonicalLink maps arbitrary destinations.
func FuzzCanonicalLink(f *testing.F) {
	for _, s := range []string{"/tr/a/", "../b", "https://x.org/tr/", "%zz", "::", "//host/tr", "?q#f", "mailto:a@b"} {
		f.Add(s, "/tr/")
	}
	f.Fuzz(func(t *testing.T, dest, prefix string) {
		canonicalLink(dest, prefix, "a/_index")
	})
}
