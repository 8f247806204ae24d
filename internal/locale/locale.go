// Package locale reads the site's chrome strings: one go-i18n message file
// per language (locales/<lang>.yaml), parsed by go-i18n itself so that
// plural forms and templates mean exactly what they mean on the site.
package locale

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// Set is the chrome strings of a project.
type Set struct {
	// Bundle holds every language's messages, for localizing.
	Bundle *i18n.Bundle
	// Files maps a language to its parsed message file; a language without
	// a file is absent.
	Files map[string]*i18n.MessageFile
	// Paths maps a language to the path of its file (present or not).
	Paths map[string]string
	// Raw maps a language to the bytes of its file.
	Raw map[string][]byte
}

// Load reads dir/<lang>.yaml for each language from fsys. A missing file is
// not an error (a check reports it); a file go-i18n cannot parse is a
// positioned error.
func Load(fsys fs.FS, dir string, langs []string, tags []language.Tag) (*Set, error) {
	s := &Set{Bundle: i18n.NewBundle(tags[0]), Files: map[string]*i18n.MessageFile{},
		Paths: map[string]string{}, Raw: map[string][]byte{}}
	s.Bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	s.Bundle.RegisterUnmarshalFunc("yml", yaml.Unmarshal)
	for i, l := range langs {
		p := path.Join(dir, l+".yaml")
		s.Paths[l] = p
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			continue
		}
		s.Raw[l] = data
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			return nil, yamlErr(p, err)
		}
		msgs, err := i18n.ParseMessageBytes(data, yaml.Unmarshal)
		if err != nil {
			return nil, diag.Text(p, 1, 1, "locale_not_messages", "Err", err)
		}
		mf := &i18n.MessageFile{Path: p, Tag: tags[i], Format: "yaml", Messages: msgs}
		if err := s.Bundle.AddMessages(tags[i], msgs...); err != nil {
			return nil, &diag.PosError{File: p, Line: 1, Col: 1, Err: err}
		}
		s.Files[l] = mf
	}
	return s, nil
}

// yamlErr positions an error of yaml.v3 at its line. Its words stay the
// parser's: config's table of them (config.YAMLProblem) is in a package of
// locale's own layer.
func yamlErr(p string, err error) error {
	var line int
	if _, e := fmt.Sscanf(err.Error(), "yaml: line %d:", &line); e == nil {
		return diag.Text(p, line, 1, "locale_invalid_yaml", "Err", err)
	}
	return diag.Text(p, 1, 1, "locale_invalid_yaml", "Err", err)
}
