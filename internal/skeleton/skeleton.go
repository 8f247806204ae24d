// Package skeleton holds the files `ceviri init` writes into a new project:
// the configuration template and the default site chrome strings (go-i18n
// message files) for the languages ceviri ships strings for.
package skeleton

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"text/template"
)

//go:embed files
var files embed.FS

// Config returns a ceviri.yaml for the given languages, the first being the
// source language.
func Config(langs []string) []byte {
	t := template.Must(template.ParseFS(files, "files/ceviri.yaml.tmpl"))
	var b bytes.Buffer
	_ = t.Execute(&b, map[string]string{"Languages": strings.Join(langs, ", "), "Source": langs[0]})
	return b.Bytes()
}

// Locale returns the default chrome strings for a language. For a language
// ceviri has no strings for, it returns the English ones with a header
// asking for a translation, and ok=false.
func Locale(lang string) (data []byte, ok bool) {
	if b, err := files.ReadFile("files/locales/" + lang + ".yaml"); err == nil {
		return b, true
	}
	en, _ := files.ReadFile("files/locales/en.yaml")
	return append([]byte(fmt.Sprintf("# TODO: translate these strings into %s (copied from English by ceviri init)\n", lang)), en...), false
}
