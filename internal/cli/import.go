package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/interchange"
	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/xliff"
	"github.com/spf13/cobra"
)

func init() { register(newImportCmd) }

type importOptions struct {
	Files  []string
	DryRun bool
}

func newImportCmd(env *Env) *cobra.Command {
	opts := &importOptions{}
	c := &cobra.Command{
		Use:   "import FILE...",
		Short: "Take translated XLIFF or PO files back into the articles",
		Long: `Read XLIFF 1.2 or PO files written by ` + "`ceviri export`" + ` and translated in a CAT tool
or PO editor, and put the translations into the articles.

Every unit is checked against the current source first: a unit whose id is unknown,
or whose source text is no longer the current source (the source changed after the
export), is reported at its position and nothing at all is written. Otherwise each
translation file is rewritten atomically: translated segments replace their lines,
everything else (structure, code blocks, other segments, front matter) is kept; a
missing translation is created from the source's structure. An article whose every
segment is now translated is recorded current, otherwise draft.

Units with an empty target, and fuzzy PO entries, are not applied. XLIFF files
with a DTD or entity declarations are refused.

Exit status: 0 imported; 2 a file could not be read or a unit was refused (nothing
was written).`,
		Example: `  ceviri import en.xlf
  ceviri import --dry-run tr.po`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			return runImport(env, opts)
		},
	}
	c.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, "check the files and say what would change, without writing")
	return c
}

// readUnits reads one XLIFF or PO file.
func readUnits(env *Env, name string) ([]interchange.Submitted, error) {
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(env.Wd, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, diag.Usagef("%s: %v", name, unwrapPathErr(err))
	}
	if isPO(name, data) {
		f, err := po.Read(name, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return interchange.FromPO(name, f)
	}
	d, err := xliff.Read(name, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return interchange.FromXLIFF(name, d)
}

// isPO tells a PO file from XLIFF by its extension, else by its first
// character.
func isPO(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".po", ".pot":
		return true
	case ".xlf", ".xliff", ".xml":
		return false
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(t) > 0 && t[0] != '<'
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func runImport(env *Env, opts *importOptions) error {
	p, err := env.openProject()
	if err != nil {
		return err
	}
	lk, err := lock(p)
	if err != nil {
		return err
	}
	defer lk.Release()
	var subs []interchange.Submitted
	var errs []error
	for _, name := range opts.Files {
		s, err := readUnits(env, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		subs = append(subs, s...)
	}
	if len(errs) > 0 {
		return refused(errs)
	}
	l, err := env.load(nil)
	if err != nil {
		return err
	}
	if err := l.err(); err != nil {
		return fmt.Errorf("%w\nnothing imported: fix the files above first", err)
	}
	accepted, err := interchange.Check(l.status, l.p.Config.Languages, subs)
	if err != nil {
		return refused([]error{err})
	}
	pl := newPlan(l.p)
	var msgs []string
	for _, acc := range accepted {
		a := acc.Article
		v := a.Versions[acc.Lang]
		if v == nil {
			errs = append(errs, diag.Usagef("%s: no version in %s", a.ID, acc.Lang))
			continue
		}
		if v.State == track.Missing {
			if v, err = newTranslation(l.p, a, acc.Lang, v); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		res, err := interchange.Rebuild(l.p.Config, acc, v)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if v.File != nil && v.State != track.Missing && bytes.Equal(res.Data, v.File.Doc.Raw) {
			continue
		}
		if err := pl.snapshot(l.p, a.SourceFile); err != nil {
			return err
		}
		pl.add(res.Path, res.Data)
		after := track.Draft
		if res.Complete {
			after = track.Current
		}
		msgs = append(msgs, fmt.Sprintf("%s: %s -> %s (%s translated)", res.Path, res.Before, after, plural(res.Applied, "segment", "segments")))
	}
	if len(errs) > 0 {
		return refused(errs)
	}
	if !opts.DryRun {
		if err := pl.commit(); err != nil {
			return err
		}
	}
	for _, m := range msgs {
		env.Infof("%s", m)
	}
	verb := "imported"
	if opts.DryRun {
		verb = "would import (dry run, nothing written)"
	}
	env.Infof("%s %s into %s", verb, plural(len(subs), "unit", "units"), plural(len(msgs), "file", "files"))
	return nil
}

// refused reports why an import wrote nothing.
func refused(errs []error) error {
	diag.Sort(errs)
	// A joined error, so that each positioned error prints on its own line.
	return errors.Join(append(errs, errors.New("nothing imported: fix or re-export the units above"))...)
}

// newTranslation makes the version a missing translation starts from: a
// draft with the source's translatable fields and body, as translate makes.
func newTranslation(p *project.Project, a *track.Article, lang string, v *track.Version) (*track.Version, error) {
	data, err := draftFrom(p, a.SourceFile)
	if err != nil {
		return nil, err
	}
	f := project.Parse(project.File{ID: a.ID, Lang: lang, Path: v.Path}, data, p.Config)
	if f.Err != nil {
		return nil, f.Err
	}
	return &track.Version{State: track.Missing, Path: v.Path, File: f}, nil
}
