package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ceviri/ceviri/internal/check"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/interchange"
	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/xliff"
	"github.com/spf13/cobra"
)

type importOptions struct {
	Files           []string
	DryRun          bool
	DraftOnProblems bool
}

func newImportCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &importOptions{}
	c := &cobra.Command{
		Use:     "import FILE...",
		Short:   tx.T("cmd_import_short"),
		Long:    tx.T("cmd_import_long"),
		Example: tx.T("cmd_import_example"),
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			return runImport(env, opts)
		},
	}
	c.Flags().BoolVarP(&opts.DryRun, "dry-run", "n", false, tx.T("flag_import_dry_run"))
	c.Flags().BoolVar(&opts.DraftOnProblems, "draft-on-problems", false, tx.T("flag_import_draft_on_problems"))
	return c
}

// maxImport is the largest file import reads: 64 MiB, far more than an
// export of a large site (the 58 pages of the CNCF glossary make 0.6 MiB),
// and the limit of the XLIFF and PO readers.
const maxImport = xliff.MaxSize

// readUnits reads one XLIFF or PO file; "-" is standard input.
func readUnits(env *Env, name string) ([]interchange.Submitted, error) {
	data, err := readImport(env, name)
	if err != nil {
		return nil, err
	}
	if name == "-" {
		name = "stdin"
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

// readImport reads a file to import, at most maxImport bytes of it: the
// limit holds while reading, so a device (/dev/zero), a pipe (/dev/stdin,
// "-") or a file that grows costs 64 MiB of memory at most, not whatever it
// can produce. A directory is refused.
func readImport(env *Env, name string) ([]byte, error) {
	shown := diag.EscapeLine(name)
	var r io.Reader = env.Stdin
	if name == "-" {
		shown = "stdin" // the name errors give standard input, in every language
	} else {
		f, err := openArg(env, name, shown)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return nil, &diag.UsageError{Err: fmt.Errorf("%s: %w", shown, unwrapPathErr(err))}
		}
		switch {
		case fi.IsDir():
			return nil, usageText("err_import_dir", "Path", shown)
		case fi.Mode().IsRegular() && fi.Size() > maxImport:
			return nil, tooLarge(shown)
		}
		r = f
	}
	if r == nil {
		return nil, usageText("err_import_no_stdin", "Path", shown)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return nil, &diag.UsageError{Err: fmt.Errorf("%s: %w", shown, unwrapPathErr(err))}
	}
	if len(data) > maxImport {
		return nil, tooLarge(shown)
	}
	return data, nil
}

// openArg opens file name given on the command line, relative to the
// working directory; its error names the file as shown.
func openArg(env *Env, name, shown string) (*os.File, error) {
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(env.Wd, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &diag.UsageError{Err: fmt.Errorf("%s: %w", shown, unwrapPathErr(err))}
	}
	return f, nil
}

func tooLarge(shown string) error {
	return usageText("err_import_too_large", "Path", shown, "MiB", maxImport>>20)
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
	tx := env.text()
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
		return textWrap(err, "err_import_unreadable")
	}
	accepted, err := interchange.CheckWith(l.status, l.p.Config.Languages, subs, importChecks(l.p.Config, opts))
	if err != nil {
		return refused([]error{err})
	}
	units := 0 // units with a target, in the files imported
	pl := newPlan(l.p)
	var msgs []string
	var warnings []error
	files := 0 // files written
	for _, acc := range accepted {
		a := acc.Article
		v := a.Versions[acc.Lang]
		if v == nil {
			errs = append(errs, usageText("err_import_no_version", "ID", diag.EscapeLine(a.ID), "Lang", acc.Lang))
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
		warnings = append(warnings, acc.Warnings...)
		if len(res.Owed) > 0 {
			var at []string
			for _, u := range res.Owed {
				at = append(at, tx.T("import_unit_at", "ID", q(u.ID), "Pos", fmt.Sprintf("%s:%d:%d", diag.EscapeLine(u.File), u.Line, u.Col)))
			}
			msgs = append(msgs, tx.N("import_owed", len(res.Owed), "Path", diag.EscapeLine(res.Path), "State", stateName(tx, res.Before), "Units", strings.Join(at, ", ")))
			continue
		}
		units += len(acc.Targets)
		sameRecord := v.Parsed != nil && v.Parsed.Record != nil && v.Parsed.Record.From == res.Record.From &&
			v.Parsed.Record.SourceHash == res.Record.SourceHash && v.Parsed.Record.Draft == res.Record.Draft
		if v.Parsed != nil && v.State != track.Missing && bytes.Equal(res.Data, v.Parsed.Doc.Raw) && (!res.InLock || sameRecord) {
			continue
		}
		if err := pl.snapshot(l.p, a.SourceFile); err != nil {
			return err
		}
		if res.InLock {
			pl.lockFile().Set(a.ID, acc.Lang, res.Record)
		} else if _, ok := l.p.Lock.Get(a.ID, acc.Lang); ok {
			pl.lockFile().Delete(a.ID, acc.Lang)
		}
		if v.State == track.Missing || !bytes.Equal(res.Data, v.Parsed.Doc.Raw) {
			pl.add(res.Path, res.Data)
		}
		msgs = append(msgs, tx.T("import_file", "Path", diag.EscapeLine(res.Path), "From", stateName(tx, res.Before), "To", stateName(tx, res.After), "Segments", tx.N("segments_translated", res.Applied)))
		files++
	}
	if len(errs) > 0 {
		return refused(errs)
	}
	if !opts.DryRun {
		if err := pl.commit(); err != nil {
			return err
		}
	}
	diag.Sort(warnings)
	for _, w := range warnings {
		fmt.Fprintln(env.Stderr, warningLine(w, tx))
	}
	for _, m := range msgs {
		env.Infof("%s", m)
	}
	id := "import_done"
	if opts.DryRun {
		id = "import_dry_run"
	}
	env.Infof("%s", tx.T(id, "Units", tx.N("units", units), "Files", tx.N("files", files)))
	return nil
}

// importChecks are the content checks import applies to every translated
// unit: the links rule of check with its severity from check.rules.
func importChecks(cfg *config.Config, opts *importOptions) interchange.Options {
	o := interchange.Options{DraftOnProblems: opts.DraftOnProblems}
	sev := check.SeverityOf(cfg, check.Links)
	if sev == check.Off {
		return o
	}
	o.LinkWarnings = sev == check.Warning
	o.Links = func(article, srcLang, trLang string, src, tr []interchange.Link) []clitext.Text {
		return check.LinkDiffText(cfg, article, srcLang, trLang, linkDests(src), linkDests(tr))
	}
	return o
}

func linkDests(ls []interchange.Link) []check.LinkDest {
	out := make([]check.LinkDest, len(ls))
	for i, l := range ls {
		out[i] = check.LinkDest{Image: l.Image, Dest: l.Dest}
	}
	return out
}

// warningLine prints a positioned problem as a warning:
// "en.xlf:17:7: warning: unit ...".
func warningLine(err error, tx *clitext.Printer) string {
	var pe *diag.PosError
	if errors.As(err, &pe) {
		w := *pe
		w.Err = errors.New(tx.T("warning_prefix", "Msg", localize(pe.Err, tx)))
		return diag.Escape(w.Error())
	}
	return tx.T("warning_line", "Msg", diag.Escape(localize(err, tx)))
}

// refused reports why an import wrote nothing.
func refused(errs []error) error {
	diag.Sort(errs)
	// A joined error, so that each positioned error prints on its own line.
	return errors.Join(append(errs, textErr("err_import_refused"))...)
}

// newTranslation makes the version a missing translation starts from: a
// draft with the source's translatable fields and body, as translate makes.
func newTranslation(p *project.Project, a *track.ArticleStatus, lang string, v *track.VersionStatus) (*track.VersionStatus, error) {
	data, err := draftFrom(p, a.SourceFile)
	if err != nil {
		return nil, err
	}
	f := project.Parse(project.File{ID: a.ID, Lang: lang, Path: v.Path}, data, p.Config)
	if f.Err != nil {
		return nil, f.Err
	}
	return &track.VersionStatus{State: track.Missing, Path: v.Path, Parsed: f}, nil
}
