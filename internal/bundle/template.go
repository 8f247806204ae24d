package bundle

import (
	"crypto/sha256"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// defaultTemplates are the pages' templates; a project overrides any of them
// by a file of the same name in its templates/ directory, and may add files
// that define templates of its own.
//
//go:embed templates/*.html
var defaultTemplates embed.FS

// TemplateDir is where a project keeps its own templates.
const TemplateDir = "templates"

// templates is the parsed template set with a fingerprint of its sources,
// which is an input of every page.
type templates struct {
	set  *template.Template
	hash [32]byte
}

// stubFuncs declares the functions templates may call; each language binds
// its own (see bind).
var stubFuncs = template.FuncMap{
	"t":  func(string, ...any) string { return "" },
	"tn": func(string, int, ...any) string { return "" },
}

var tmplErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// loadTemplates parses the embedded templates, then the project's own from
// fsys (the project's files; a missing templates/ directory is fine).
func loadTemplates(fsys fs.FS) (*templates, error) {
	t := template.New("").Funcs(stubFuncs)
	h := sha256.New()
	parseDir := func(fsys fs.FS, dir, display string) error {
		names, err := fs.Glob(fsys, dir+"/*.html")
		if err != nil {
			return err
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return &diag.PosError{File: path.Join(display, path.Base(name)), Line: 1, Col: 1, Err: err}
			}
			writeField(h, display+"/"+path.Base(name))
			writeField(h, string(data))
			if _, err := t.New(path.Base(name)).Parse(string(data)); err != nil {
				return templateErr(display, err)
			}
		}
		return nil
	}
	if err := parseDir(defaultTemplates, "templates", "(embedded) templates"); err != nil {
		return nil, err
	}
	if fsys != nil {
		if err := parseDir(fsys, TemplateDir, TemplateDir); err != nil {
			return nil, err
		}
	}
	for _, need := range []string{"article.html", "list.html"} {
		if t.Lookup(need) == nil {
			return nil, clitext.NewError("build_err_no_template", "Name", strconv.Quote(need))
		}
	}
	out := &templates{set: t}
	copy(out.hash[:], h.Sum(nil))
	return out, nil
}

// templateErr turns html/template's "template: name:line: msg" into a
// positioned error.
func templateErr(dir string, err error) error {
	if m := tmplErrRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return diag.Errorf(path.Join(dir, m[1]), line, col, "template: %s", m[4])
	}
	return fmt.Errorf("%s: %w", dir, err)
}

// bind returns a copy of the set whose t and tn speak c's language.
func (ts *templates) bind(c *chrome) (*template.Template, error) {
	t, err := ts.set.Clone()
	if err != nil {
		return nil, err
	}
	return t.Funcs(template.FuncMap{"t": c.T, "tn": c.N}), nil
}
