package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
)

// linkConfig is a project that configures one equivalence and no paths:
// the locale readings must work without check.paths.
const linkConfig = `languages: [en, tr]
source_language: en
check:
  equivalent_links:
    - en: "https://docs.example.com/guide/"
      tr: "https://docs.example.com/kilavuz/"
`

func TestSameLinkLocalized(t *testing.T) {
	cfg, err := config.Parse("ceviri.yaml", []byte(linkConfig))
	if err != nil {
		t.Fatal(err)
	}
	k := newLinkKeyer(cfg, "a")
	tests := []struct {
		en, tr string
		same   bool
	}{
		{"https://en.wikipedia.org/wiki/Single_responsibility_principle", "https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi", true},
		{"https://en.wikipedia.org/wiki/A", "https://en.wikipedia.org/wiki/A", true},
		{"https://EN.wikipedia.org/wiki/A", "https://tr.wikipedia.org/wiki/B", true},
		{"https://en.wikipedia.org/wiki/A", "https://en.wikipedia.org/wiki/B", false},  // another article, same wiki
		{"https://en.wikipedia.org/wiki/A", "https://de.wikipedia.org/wiki/A", false},  // not the translation's language
		{"https://en.wikipedia.org/wiki/A", "https://tr.wiktionary.org/wiki/A", false}, // another site
		{"https://en.example/a", "https://tr.example/a", false},                        // a language TLD, not a subdomain
		{"https://learn.microsoft.com/en-us/dotnet/", "https://learn.microsoft.com/tr-tr/dotnet/", true},
		{"https://learn.microsoft.com/en-us/dotnet/", "https://learn.microsoft.com/tr-tr/azure/", false},
		{"https://developer.mozilla.org/en-US/docs/Web/HTML", "https://developer.mozilla.org/tr/docs/Web/HTML", true},
		{"https://example.org/en_US/x", "https://example.org/tr_TR/x", true},
		{"https://www.ibm.com/docs/en/zos", "https://www.ibm.com/docs/tr/zos", true},
		{"https://example.org/en/x", "https://example.org/de/x", false},
		{"https://example.org/en/x", "https://example.org/tr/y", false},
		{"https://example.org/english/x", "https://example.org/turkish/x", false},
		{"/en/blog/post/", "/tr/blog/post/", true},
		{"/blog/post/", "/tr/blog/post/", true}, // the default language at the root
		{"/en/", "/tr/", true},
		{"/en/blog/post/", "/tr/blog/other/", false},
		{"/blog/post/", "/blog/other/", false},
		{"https://support.google.com/a/answer/1?hl=en", "https://support.google.com/a/answer/1?hl=tr", true},
		{"https://example.org/p?lang=en&x=1", "https://example.org/p?x=1&lang=tr", true},
		{"https://example.org/p?lang=en", "https://example.org/p", true},
		{"https://example.org/p?lang=en", "https://example.org/q?lang=tr", false},
		{"https://example.org/p?lang=en&x=1", "https://example.org/p?lang=tr&x=2", false},
		{"https://docs.example.com/guide/install/", "https://docs.example.com/kilavuz/install/", true}, // equivalent_links
		{"https://docs.example.com/guide/install/", "https://docs.example.com/kilavuz/upgrade/", false},
		{"https://example.org/a#intro", "https://example.org/a#giris", false}, // fragments as before: another engineer's rule
	}
	for _, tt := range tests {
		a := item{keys: k.keys("link", tt.en, "en", "")}
		b := item{keys: k.keys("link", tt.tr, "tr", "")}
		if got := a.same(b); got != tt.same {
			t.Errorf("%s and %s: same = %v, want %v (readings %q, %q)", tt.en, tt.tr, got, tt.same, a.keys, b.keys)
		}
	}
}

func TestIsLocale(t *testing.T) {
	for _, tt := range []struct {
		s, lang string
		want    bool
	}{
		{"en", "en", true}, {"EN", "en", true}, {"en-us", "en", true}, {"en_US", "en", true},
		{"en-GB", "en-US", true}, {"zh-Hant", "zh", true}, {"tr-tr", "tr", true},
		{"eng", "en", false}, {"en-", "en", false}, {"en-u", "en", false}, {"en-abcde", "en", false},
		{"tr", "en", false}, {"e", "e", false}, {"", "en", false}, {"en-ü1", "en", false},
	} {
		if got := isLocale(tt.s, tt.lang); got != tt.want {
			t.Errorf("isLocale(%q, %q) = %v, want %v", tt.s, tt.lang, got, tt.want)
		}
	}
}

// linkPair compares one English/Turkish pair and returns its links
// findings.
func linkPair(t *testing.T, cfgText, en, tr string) []Finding {
	t.Helper()
	cfg, err := config.Parse("ceviri.yaml", []byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	src := project.Parse(project.File{ID: "a", Lang: "en", Path: "content/en/a.md"}, []byte("---\ntitle: A\n---\n\n"+en), cfg)
	trV := project.Parse(project.File{ID: "a", Lang: "tr", Path: "content/tr/a.md"}, []byte("---\ntitle: B\n---\n\n"+tr), cfg)
	if src.Err != nil || trV.Err != nil {
		t.Fatalf("%v %v", src.Err, trV.Err)
	}
	var out []Finding
	for _, f := range compare(cfg, finder{id: "a", lang: "tr", file: trV.Path}, src, trV, nil) {
		if f.Rule == Links {
			out = append(out, f)
		}
	}
	return out
}

func TestLinksMessages(t *testing.T) {
	tests := []struct {
		name, en, tr string
		want         []string // messages, in order
	}{
		{"duplicated paragraph",
			"Read the [guide](https://example.org/guide).\n\nNext.\n",
			"[Kılavuzu](https://example.org/guide) okuyun.\n\n[Kılavuzu](https://example.org/guide) okuyun.\n\nSonra.\n",
			nil},
		{"the same link twice in one paragraph",
			"See the [guide](/guide/).\n", "[Kılavuz](/guide/) için [buraya](/guide/) bakın.\n", nil},
		{"another page on the same host",
			"See [pods](https://kubernetes.io/docs/pods/).\n", "[Podlar](https://kubernetes.io/docs/nodes/) bakın.\n",
			[]string{"link to https://kubernetes.io/docs/pods/ in the source (line 5) is https://kubernetes.io/docs/nodes/ in the translation (another page on kubernetes.io)"}},
		{"another site",
			"See [pods](https://kubernetes.io/docs/pods/).\n", "[Podlar](https://example.org/pods/) bakın.\n",
			[]string{"link to https://kubernetes.io/docs/pods/ in the source (line 5) is https://example.org/pods/ in the translation (another site)"}},
		{"dropped link",
			"See [pods](/pods/) and [nodes](/nodes/).\n", "[Podlar](/pods/) ve düğümler.\n",
			[]string{"the source has a link to /nodes/ (line 5) that the translation lacks"}},
		{"added link",
			"See pods.\n", "[Podlar](/pods/) bakın.\n",
			[]string{"link to /pods/ is not in the English source"}},
		{"an image in the source, a link to the same file in the translation",
			"See ![the chart](/chart.png).\n", "[Grafik](/chart.png) bakın.\n",
			[]string{"image to /chart.png in the source (line 5) is /chart.png in the translation"}},
		{"a localized link kept with an unlocalized one",
			"See [A](https://en.wikipedia.org/wiki/A) and [B](https://en.wikipedia.org/wiki/B).\n",
			"[B](https://en.wikipedia.org/wiki/B) ve [A](https://tr.wikipedia.org/wiki/A_tr) bakın.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range linkPair(t, linkConfig, tt.en, tt.tr) {
				got = append(got, f.Message)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("links findings:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// The links rule on fixtures built after real translations: faithful pairs
// whose Turkish pages localize their destinations (a React documentation
// site's Turkish translation, a Jekyll guide, the CNCF glossary), and
// injected defects. Its false-alarm rate must stay at most 5 %; every
// defect must be found.
var faithfulLinks = []shapeCase{
	{name: "wikipedia article title translated",
		en: "This follows the [single responsibility principle](https://en.wikipedia.org/wiki/Single_responsibility_principle).\n",
		tr: "Bu, [tek sorumluluk ilkesine](https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi) uyar.\n"},
	{name: "microsoft learn en-us to tr-tr",
		en: "Install the [.NET SDK](https://learn.microsoft.com/en-us/dotnet/core/install/).\n",
		tr: "[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/core/install/) kurun.\n"},
	{name: "MDN en-US to tr",
		en: "Read about [`<img>`](https://developer.mozilla.org/en-US/docs/Web/HTML/Element/img).\n",
		tr: "[`<img>`](https://developer.mozilla.org/tr/docs/Web/HTML/Element/img) hakkında okuyun.\n"},
	{name: "site-internal /en/ to /tr/",
		en: "See [state](/en/learn/state/) and [effects](/en/learn/effects/).\n",
		tr: "[State](/tr/learn/state/) ve [efektler](/tr/learn/effects/) bakın.\n"},
	{name: "default language at the root",
		en: "Read [the glossary](/glossary/).\n",
		tr: "[Sözlüğü](/tr/glossary/) okuyun.\n"},
	{name: "google hl parameter",
		en: "Ask in the [help centre](https://support.google.com/accounts/answer/27441?hl=en).\n",
		tr: "[Yardım merkezinde](https://support.google.com/accounts/answer/27441?hl=tr) sorun.\n"},
	{name: "lang parameter dropped",
		en: "See the [map](https://maps.example.org/view?lang=en&z=4).\n",
		tr: "[Haritaya](https://maps.example.org/view?z=4) bakın.\n"},
	{name: "configured equivalence",
		en: "Follow the [install guide](https://docs.example.com/guide/install/).\n",
		tr: "[Kurulum kılavuzunu](https://docs.example.com/kilavuz/install/) izleyin.\n"},
	{name: "paragraph repeated in the translation",
		en: "Start with the [tutorial](/learn/tutorial/).\n\n## Next\n",
		tr: "[Öğreticiyle](/learn/tutorial/) başlayın.\n\n[Öğreticiyle](/learn/tutorial/) başlayın.\n\n## Sonraki\n"},
	{name: "translated in-page anchor (the id the build gives the heading: ascii rule)",
		en: "Jump to [sharing](#share-your-project).\n\n## Share your project\n",
		tr: "[Paylaşmaya](#projenizi-paylasin) geçin.\n\n## Projenizi paylaşın\n"},
	{name: "internal link with translated anchor",
		en: "See [hooks](/learn/state#rules-of-hooks).\n",
		tr: "[Hook'lar](/learn/state#hooklarin-kurallari) bakın.\n"},
	{name: "link moved to the next paragraph",
		en: "Use [npm](https://www.npmjs.com/).\n\nThen run it.\n",
		tr: "Kurun.\n\nSonra [npm](https://www.npmjs.com/) ile çalıştırın.\n"},
	{name: "images kept",
		en: "![Diagram](/images/docs/diagram.png)\n",
		tr: "![Diyagram](/images/docs/diagram.png)\n"},
	{name: "wikipedia kept in English",
		en: "See [Kubernetes](https://en.wikipedia.org/wiki/Kubernetes).\n",
		tr: "[Kubernetes](https://en.wikipedia.org/wiki/Kubernetes) sayfasına bakın.\n"},
	{name: "jekyll guide localized article",
		en: "Read [the guide](https://opensource.guide/how-to-contribute/).\n",
		tr: "[Kılavuzu](https://opensource.guide/tr/how-to-contribute/) okuyun.\n"},
	{name: "wikipedia and microsoft together",
		en: "See [SRP](https://en.wikipedia.org/wiki/Single_responsibility_principle) and [C#](https://learn.microsoft.com/en-us/dotnet/csharp/).\n",
		tr: "[TSİ](https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi) ve [C#](https://learn.microsoft.com/tr-tr/dotnet/csharp/) bakın.\n"},
}

var defectLinks = []shapeCase{
	{name: "in-page anchor the build's ascii ids never give (issue 14: #projenizi-paylaşın, id projenizi-paylasin)", rule: Links,
		message: `link "#projenizi-paylaşın" names no heading of this page (heading ids by the ascii rule: #projenizi-paylasin)`,
		en:      "Jump to [sharing](#share-your-project).\n\n## Share your project\n", tr: "[Paylaşmaya](#projenizi-paylaşın) geçin.\n\n## Projenizi paylaşın\n"},
	{name: "another page on the same host", rule: Links, message: "is https://react.dev/learn/effects in the translation (another page on react.dev)",
		en: "See [state](https://react.dev/learn/state).\n", tr: "[State](https://react.dev/learn/effects) bakın.\n"},
	{name: "misspelt internal page", rule: Links, message: "link to /tightly-coupled-architecture/ in the source (line 5) is /tightly-coupled-architectures/ in the translation",
		en: "See [coupling](/tightly-coupled-architecture/).\n", tr: "[Bağlılık](/tightly-coupled-architectures/) bakın.\n"},
	{name: "dropped link", rule: Links, message: "the source has a link to /service/ (line 5) that the translation lacks",
		en: "Expose it as a [service](/service/).\n", tr: "Bir hizmet olarak sunun.\n"},
	{name: "added link", rule: Links, message: "link to https://example.org/ad is not in the English source",
		en: "Run it.\n", tr: "[Çalıştırın](https://example.org/ad).\n"},
	{name: "localized to another language", rule: Links, message: "is https://de.wikipedia.org/wiki/Kubernetes in the translation",
		en: "See [Kubernetes](https://en.wikipedia.org/wiki/Kubernetes).\n", tr: "[Kubernetes](https://de.wikipedia.org/wiki/Kubernetes) bakın.\n"},
	{name: "locale swap to another page", rule: Links, message: "is https://learn.microsoft.com/tr-tr/azure/ in the translation (another page on learn.microsoft.com)",
		en: "See [.NET](https://learn.microsoft.com/en-us/dotnet/).\n", tr: "[.NET](https://learn.microsoft.com/tr-tr/azure/) bakın.\n"},
	{name: "changed query", rule: Links, message: "(other query parameters)",
		en: "See [v2](https://example.org/docs?v=2).\n", tr: "[v3](https://example.org/docs?v=3) bakın.\n"},
	{name: "dropped image", rule: Links, message: "the source has an image to /img/a.png",
		en: "![A](/img/a.png)\n\nText here.\n", tr: "Metin burada.\n"},
}

func linkShapeErrors(t *testing.T, c shapeCase) []Finding {
	t.Helper()
	var out []Finding
	for _, f := range linkPair(t, linkConfig, c.en, c.tr) {
		if SeverityOf(nil, f.Rule) == Error {
			out = append(out, f)
		}
	}
	return out
}

func TestLinkShapesFalseAlarms(t *testing.T) {
	alarms := 0
	for _, c := range faithfulLinks {
		if errs := linkShapeErrors(t, c); len(errs) > 0 {
			alarms++
			for _, f := range errs {
				t.Logf("false alarm on %q: line %d: %s", c.name, f.Line, f.Message)
			}
		}
	}
	rate := 100 * float64(alarms) / float64(len(faithfulLinks))
	t.Logf("links on %d faithful pairs: %d with a false alarm (%.1f %%)", len(faithfulLinks), alarms, rate)
	if rate > 5 {
		t.Errorf("false-alarm rate %.1f %% (%d of %d pairs), want at most 5 %%", rate, alarms, len(faithfulLinks))
	}
}

func TestLinkShapesDefects(t *testing.T) {
	found := 0
	for _, c := range defectLinks {
		var got []string
		ok := false
		for _, f := range linkShapeErrors(t, c) {
			got = append(got, f.Message)
			ok = ok || strings.Contains(f.Message, c.message)
		}
		if ok {
			found++
		} else {
			t.Errorf("%s: no links finding with %q; got %q", c.name, c.message, got)
		}
	}
	t.Logf("links: %d of %d injected defects found (%.0f %%)", found, len(defectLinks), 100*float64(found)/float64(len(defectLinks)))
}

func TestLinkDiff(t *testing.T) {
	cfg, err := config.Parse("ceviri.yaml", []byte(linkConfig))
	if err != nil {
		t.Fatal(err)
	}
	l := func(d string) LinkDest { return LinkDest{Dest: d} }
	tests := []struct {
		name    string
		src, tr []LinkDest
		want    []string
	}{
		{"localized", []LinkDest{l("https://en.wikipedia.org/wiki/A"), l("#share-your-project"), l("/en/x/")},
			[]LinkDest{l("https://tr.wikipedia.org/wiki/B"), l("#projenizi-paylaşın"), l("/tr/x/")}, nil},
		{"reordered", []LinkDest{l("/a"), l("/b")}, []LinkDest{l("/b"), l("/a")}, nil},
		{"another page", []LinkDest{l("https://example.org/guide")}, []LinkDest{l("https://example.org/other")},
			[]string{"link to https://example.org/guide in the source is https://example.org/other in the translation (another page on example.org)"}},
		{"dropped", []LinkDest{l("/a"), l("/b")}, []LinkDest{l("/a")}, []string{"the source's link to /b is not in the translation"}},
		{"added", nil, []LinkDest{{Image: true, Dest: "/x.png"}}, []string{"image to /x.png is not in the source"}},
		{"image is not a link", []LinkDest{{Image: true, Dest: "/x.png"}}, []LinkDest{l("/x.png")},
			[]string{"image to /x.png in the source is /x.png in the translation"}},
	}
	for _, tt := range tests {
		if got := LinkDiff(cfg, "a", "en", "tr", tt.src, tt.tr); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: LinkDiff = %q, want %q", tt.name, got, tt.want)
		}
	}
}
