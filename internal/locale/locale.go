// Package locale reads the site's chrome strings: one go-i18n message file
// per language (locales/<lang>.yaml), parsed by go-i18n itself so that
// plural forms and templates mean exactly what they mean on the site.
package locale

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
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

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlErr positions an error of yaml.v3 ("yaml: line 3: did not find
// expected key") at its line, keeping its English as it is.
func yamlErr(p string, err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return diag.Text(p, line, 1, "locale_invalid_yaml", "Err",
			clitext.NewError("locale_yaml_line", "Line", line, "Err", yamlProblem(m[2])))
	}
	return diag.Text(p, 1, 1, "locale_invalid_yaml", "Err", err)
}

// yamlWords maps the English of yaml.v3's common messages to their ids
// (cfg_yaml_*, which config.YAMLProblem uses for ceviri.yaml and front
// matter; config is of locale's own layer, so they are found by their
// text), read once, when a site's message file first fails to parse.
var yamlWords = sync.OnceValue(func() map[string]string {
	forms, err := clitext.Forms("en")
	if err != nil {
		return nil
	}
	en := clitext.English()
	m := map[string]string{}
	for id := range forms {
		if strings.HasPrefix(id, "cfg_yaml_") {
			m[en.T(id)] = id
		}
	}
	return m
})

// yamlProblem returns a message of yaml.v3 in ceviri's words when it is a
// common one, as it is otherwise.
func yamlProblem(msg string) error {
	if id, ok := yamlWords()[msg]; ok {
		return clitext.NewError(id)
	}
	return errors.New(msg)
}
