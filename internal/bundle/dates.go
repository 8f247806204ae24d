package bundle

import (
	"time"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/ar"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/en_001"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/fr"
	"github.com/go-playground/locales/it"
	"github.com/go-playground/locales/nl"
	"github.com/go-playground/locales/pt"
	"github.com/go-playground/locales/ru"
	"github.com/go-playground/locales/tr"
	"golang.org/x/text/language"
)

// Long dates come from CLDR, as generated into Go by go-playground/locales:
// golang.org/x/text has CLDR's plural rules and collation but no date
// formatting, and a hand-written month table would be data nobody checks.
// Only the locales imported here are linked into the binary; a language not
// among them gets the ISO date (2025-12-03), which every reader understands.
//
// A bare "en" is CLDR's en_001 (international English: "3 December 2025"),
// the English of a site that is not American; "en-US" gives "December 3,
// 2025".
var dateLocales = map[string]func() locales.Translator{
	"tr": tr.New, "en": en_001.New, "en-US": en.New, "en-GB": en_GB.New, "en-001": en_001.New,
	"de": de.New, "fr": fr.New, "es": es.New, "it": it.New, "nl": nl.New, "pt": pt.New,
	"ru": ru.New, "ar": ar.New,
}

// dateFormatter returns the long-date formatter of a language.
func dateFormatter(tag language.Tag) func(time.Time) string {
	if f, ok := dateLocales[tag.String()]; ok {
		return f().FmtDateLong
	}
	base, _ := tag.Base()
	if f, ok := dateLocales[base.String()]; ok {
		return f().FmtDateLong
	}
	return func(t time.Time) string { return t.Format("2006-01-02") }
}
