package check

import (
	"sort"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// LocaleRules compares every language's go-i18n message file with the
// source language's: keys, CLDR plural forms, template variables and the
// go-i18n hash of the source message each translation was made from. A
// project without message files has nothing to check.
func LocaleRules(cfg *config.Config, set *locale.Set) []Finding {
	if set == nil || len(set.Files) == 0 {
		return nil
	}
	srcLang := cfg.SourceLanguage
	srcPath := set.Paths[srcLang]
	srcFile := set.Files[srcLang]
	if srcFile == nil {
		x := newFinding(LocaleMissingKey, clitext.Msg("check_locale_no_source_file", "Name", langName(cfg, srcLang)))
		x.Lang, x.File = srcLang, srcPath
		return []Finding{x}
	}
	srcMsgs := byID(srcFile.Messages)
	srcLines := locale.KeyLines(set.Raw[srcLang])
	out := pluralFindings(cfg, finder{lang: srcLang, file: srcPath}, srcLang, srcFile.Messages, nil, srcLines)
	for _, lang := range cfg.Languages {
		if lang == srcLang {
			continue
		}
		f := finder{lang: lang, file: set.Paths[lang]}
		tf := set.Files[lang]
		if tf == nil {
			out = append(out, f.at(LocaleMissingKey, 0, "check_locale_no_file",
				"Name", langName(cfg, lang), "Source", langName(cfg, srcLang), "Path", srcPath, "Messages", messages(len(srcMsgs))))
			continue
		}
		lines := locale.KeyLines(set.Raw[lang])
		trMsgs := byID(tf.Messages)
		for _, m := range sortedByLine(srcFile.Messages, srcLines) {
			if trMsgs[m.ID] == nil {
				out = append(out, f.at(LocaleMissingKey, 0, "check_locale_missing",
					"ID", m.ID, "Path", srcPath, "Line", srcLines[m.ID], "Name", langName(cfg, lang), "Source", langName(cfg, srcLang), "Text", quote(m.Other)))
			}
		}
		for _, m := range tf.Messages {
			s := srcMsgs[m.ID]
			if s == nil {
				out = append(out, f.at(LocaleExtraKey, lines[m.ID], "check_locale_extra",
					"ID", m.ID, "Source", langName(cfg, srcLang), "Path", srcPath))
				continue
			}
			line := lines[m.ID]
			out = append(out, placeholderFindings(f, line, s, m)...)
			if m.Hash != "" && m.Hash != locale.Hash(s) {
				out = append(out, f.at(LocaleStale, line, "check_locale_stale",
					"ID", m.ID, "Source", langName(cfg, srcLang), "Hash", m.Hash, "SourceHash", locale.Hash(s)))
			}
		}
		out = append(out, pluralFindings(cfg, f, lang, tf.Messages, srcMsgs, lines)...)
	}
	return out
}

func byID(msgs []*i18n.Message) map[string]*i18n.Message {
	out := make(map[string]*i18n.Message, len(msgs))
	for _, m := range msgs {
		out[m.ID] = m
	}
	return out
}

func sortedByLine(msgs []*i18n.Message, lines map[string]int) []*i18n.Message {
	out := append([]*i18n.Message(nil), msgs...)
	sort.SliceStable(out, func(i, j int) bool {
		if lines[out[i].ID] != lines[out[j].ID] {
			return lines[out[i].ID] < lines[out[j].ID]
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// pluralFindings checks that each plural message (one whose source, or
// itself, has more than the `other` form) has exactly the CLDR forms lang
// uses. src is nil for the source file itself.
func pluralFindings(cfg *config.Config, f finder, lang string, msgs []*i18n.Message, src map[string]*i18n.Message, lines map[string]int) []Finding {
	need := locale.PluralForms(cfg.Tag(lang))
	var out []Finding
	for _, m := range msgs {
		have := locale.Forms(m)
		plural := len(have) > 1
		if s := src[m.ID]; s != nil && len(locale.Forms(s)) > 1 {
			plural = true
		}
		if src != nil && src[m.ID] == nil {
			continue // an extra key; reported as such
		}
		if !plural {
			continue
		}
		var missing, unused []string
		for _, form := range need {
			if have[form] == "" {
				missing = append(missing, form)
			}
		}
		for _, form := range locale.FormNames {
			if have[form] != "" && !contains(need, form) {
				unused = append(unused, form)
			}
		}
		if len(missing) > 0 {
			out = append(out, f.at(LocalePlural, lines[m.ID], "check_locale_plural_lacks",
				"ID", m.ID, "Forms", strings.Join(missing, ", "), "Name", langName(cfg, lang), "Need", strings.Join(need, ", ")))
		}
		if len(unused) > 0 {
			out = append(out, f.at(LocalePlural, lines[m.ID], "check_locale_plural_unused",
				"ID", m.ID, "Forms", strings.Join(unused, ", "), "Name", langName(cfg, lang), "Need", strings.Join(need, ", ")))
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// placeholderFindings compares the template variables of a translated
// message with its source's: a variable the source does not pass renders as
// "<no value>", and one the translation drops loses information.
func placeholderFindings(f finder, line int, src, tr *i18n.Message) []Finding {
	var out []Finding
	srcAll := map[string]bool{}
	var srcOther []string
	for form, text := range locale.Forms(src) {
		vars, err := locale.Variables(text, src.LeftDelim, src.RightDelim)
		if err != nil {
			continue // the source file's own problem
		}
		for _, v := range vars {
			srcAll[v] = true
		}
		if form == "other" {
			srcOther = vars
		}
	}
	forms := locale.Forms(tr)
	for _, form := range locale.FormNames {
		text, ok := forms[form]
		if !ok {
			continue
		}
		vars, err := locale.Variables(text, tr.LeftDelim, tr.RightDelim)
		if err != nil {
			out = append(out, f.at(LocalePlaceholder, line, "check_locale_invalid_template", "ID", tr.ID, "Form", form, "Err", err))
			continue
		}
		var extra, missing []string
		for _, v := range vars {
			if !srcAll[v] {
				extra = append(extra, "{{"+v+"}}")
			}
		}
		if form == "other" {
			for _, v := range srcOther {
				if !contains(vars, v) {
					missing = append(missing, "{{"+v+"}}")
				}
			}
		}
		switch {
		case len(extra) > 0 && len(missing) > 0:
			out = append(out, f.at(LocalePlaceholder, line, "check_locale_vars_differ",
				"ID", tr.ID, "Form", form, "Vars", strings.Join(extra, ", "), "SourceVars", strings.Join(missing, ", "), "SourceText", quote(src.Other)))
		case len(extra) > 0:
			out = append(out, f.at(LocalePlaceholder, line, "check_locale_vars_extra",
				"ID", tr.ID, "Form", form, "Vars", strings.Join(extra, ", "), "SourceText", quote(src.Other)))
		case len(missing) > 0:
			out = append(out, f.at(LocalePlaceholder, line, "check_locale_vars_missing",
				"ID", tr.ID, "Form", form, "Vars", strings.Join(missing, ", "), "SourceText", quote(src.Other)))
		}
	}
	return out
}
