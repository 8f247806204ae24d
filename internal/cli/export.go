package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/glossary"
	"github.com/ceviri/ceviri/internal/interchange"
	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/xliff"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	IDs    []string
	Lang   string
	Format string
	Output string
	All    bool
}

func newExportCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &exportOptions{}
	c := &cobra.Command{
		Use:     "export --lang L [--format xliff|po] [-o FILE] [ID...]",
		Short:   tx.T("cmd_export_short"),
		Long:    tx.T("cmd_export_long"),
		Example: tx.T("cmd_export_example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			return runExport(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_export_lang"))
	c.Flags().StringVarP(&opts.Format, "format", "f", "", tx.T("flag_export_format"))
	c.Flags().StringVarP(&opts.Output, "output", "o", "", tx.T("flag_output_file"))
	c.Flags().BoolVar(&opts.All, "all", false, tx.T("flag_export_all"))
	_ = c.MarkFlagRequired("lang")
	return c
}

// exportFormat decides the format from the flag or the output's extension.
func exportFormat(format, output string) (string, error) {
	switch strings.ToLower(format) {
	case "xliff", "xlf":
		return "xliff", nil
	case "po":
		return "po", nil
	case "":
	default:
		return "", usageText("err_export_format", "Format", q(format))
	}
	switch strings.ToLower(filepath.Ext(output)) {
	case ".po", ".pot":
		return "po", nil
	}
	return "xliff", nil
}

func runExport(env *Env, opts *exportOptions) error {
	format, err := exportFormat(opts.Format, opts.Output)
	if err != nil {
		return err
	}
	l, err := env.load(opts.IDs)
	if err != nil {
		return err
	}
	if err := checkLang(l.p.Config, opts.Lang); err != nil {
		return err
	}
	if len(l.errs) > 0 {
		return errors.Join(append(l.errs, textErr("err_export_fix_first"))...)
	}
	var arts []*interchange.ArticleUnits
	units, words := 0, 0
	srcLangs := map[string]bool{}
	for _, a := range l.status {
		if ia := interchange.Collect(a, opts.Lang, opts.All); ia != nil {
			arts = append(arts, ia)
			units += len(ia.Units)
			words += ia.Words()
			srcLangs[ia.SourceLang] = true
		}
	}
	if len(arts) == 0 {
		env.Infof("%s", env.text().T("export_nothing", "Lang", opts.Lang))
		return nil
	}
	// Matches from the translation memory (docs/memory.md).
	m, err := env.memory(l, len(opts.IDs) > 0)
	if err != nil {
		return err
	}
	interchange.AddMatches(arts, m)
	// The glossary's terms each unit uses, as notes (docs/terminology.md).
	g, err := glossary.Load(l.p.FS, l.p.Config)
	if err != nil {
		return err
	}
	interchange.AddTerms(arts, g)
	var buf bytes.Buffer
	if format == "po" {
		srcLang := ""
		if len(srcLangs) == 1 {
			srcLang = arts[0].SourceLang
		}
		err = po.Write(&buf, interchange.ToPO(arts, opts.Lang, srcLang, poHeader(env, opts.Lang, srcLang)))
	} else {
		err = xliff.Write(&buf, interchange.ToXLIFF(arts))
	}
	if err != nil {
		return err
	}
	if err := exportFitsIn(env.text(), format, buf.Len(), units, opts.Lang); err != nil {
		return err
	}
	where := "stdout"
	if opts.Output == "" || opts.Output == "-" {
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return err
		}
	} else {
		path := opts.Output
		if !filepath.IsAbs(path) {
			path = filepath.Join(env.Wd, path)
		}
		if err := writeOutput(l.p, path, buf.Bytes()); err != nil {
			return err
		}
		where = opts.Output
	}
	tx := env.text()
	env.Infof("%s", tx.T("export_done", "Segments", tx.N("segments", units), "Words", tx.N("words", words),
		"Articles", tx.N("articles", len(arts)), "Lang", opts.Lang, "Where", diag.EscapeLine(where)))
	return nil
}

// exportFits refuses an export that import would refuse to read back: over
// 64 MiB, or over the readers' number of units.
func exportFits(format string, size, units int, lang string) error {
	return exportFitsIn(clitext.English(), format, size, units, lang)
}

// exportFitsIn is exportFits with the refusal's numbers written as tx's
// language writes them (70,2 MiB, 250.000 birim in Turkish).
func exportFitsIn(tx *clitext.Printer, format string, size, units int, lang string) error {
	limit := xliff.MaxUnits
	if format == "po" {
		limit = po.MaxEntries
	}
	if size <= maxImport && units <= limit {
		return nil
	}
	mib := fmt.Sprintf("%.1f", float64(size)/(1<<20))
	if tx.Lang() == "tr" {
		mib = strings.Replace(mib, ".", ",", 1) // a decimal comma
	}
	return usageText("err_export_too_big", "Size", mib, "Units", tx.Num(units), "Limit", tx.Num(limit), "Lang", lang)
}

// poHeader is the header of an exported PO file.
func poHeader(env *Env, lang, srcLang string) []po.Field {
	t := env.Now()
	if sec, err := strconv.ParseInt(env.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		t = time.Unix(sec, 0) // reproducible output, as for builds
	}
	now := t.UTC().Format("2006-01-02 15:04-0700")
	h := []po.Field{
		{Key: "Project-Id-Version", Value: "ceviri"},
		{Key: "POT-Creation-Date", Value: now},
		{Key: "PO-Revision-Date", Value: now},
		{Key: "Last-Translator", Value: "-"},
		{Key: "Language-Team", Value: lang},
		{Key: "Language", Value: lang},
		{Key: "MIME-Version", Value: "1.0"},
		{Key: "Content-Type", Value: "text/plain; charset=UTF-8"},
		{Key: "Content-Transfer-Encoding", Value: "8bit"},
		{Key: "X-Generator", Value: "ceviri"},
	}
	if srcLang != "" {
		h = append(h, po.Field{Key: "X-Ceviri-Source-Language", Value: srcLang})
	}
	return h
}
