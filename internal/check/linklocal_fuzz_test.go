package check

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/config"
)

// FuzzLinkKeys reads arbitrary destinations in each language: every
// destination that is compared has its canonical reading first, never
// empty ("?hl=en" may have an empty localized one: this page), and a destination is always the same link as itself.
func FuzzLinkKeys(f *testing.F) {
	for _, s := range []string{
		"https://en.wikipedia.org/wiki/Single_responsibility_principle", "https://tr.wikipedia.org/wiki/Tek_sorumluluk_ilkesi",
		"https://learn.microsoft.com/en-us/dotnet/", "/tr-tr/", "/en_US/x/", "/en/", "/en", "//en.x.y/en/?hl=en",
		"https://x.org/p?lang=en&lang=tr&hl=EN", "?hl=en", "en.", ".en.x", "https://en..org", "https://[::1]/en/",
		"https://docs.example.com/guide/a", "%zz/en/", "mailto:en@x.org", "/en/%2F/en/", "?lang=%zz", "#en",
		"https://xn--en-ufa.org/en-ü/", "/" + strings.Repeat("en/", 50),
	} {
		f.Add(s, "en")
		f.Add(s, "tr")
	}
	cfg, err := config.Parse("ceviri.yaml", []byte(linkConfig))
	if err != nil {
		f.Fatal(err)
	}
	k := newLinkKeyer(cfg, "a/_index")
	f.Fuzz(func(t *testing.T, dest, lang string) {
		keys := k.keys("link", dest, lang, "")
		if keys == nil {
			return
		}
		canon, _ := canonicalLink(dest, "", "a/_index")
		if keys[0] != "link "+canon {
			t.Errorf("first reading of %q is %q, want the canonical %q", dest, keys[0], canon)
		}
		if keys[0] == "link " {
			t.Errorf("%q has an empty canonical reading", dest)
		}
		it := item{keys: keys}
		if !it.same(it) {
			t.Errorf("%q is not the same link as itself", dest)
		}
		_ = whatDiffers(dest, canon)
		_ = isLocale(dest, lang)
	})
}
