package cli

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

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
	opts := &exportOptions{}
	c := &cobra.Command{
		Use:   "export --lang L [--format xliff|po] [-o FILE] [ID...]",
		Short: "Hand pending segments to a CAT tool or PO editor",
		Long: `Write the segments a translator has to work on in language L as XLIFF 1.2 (for CAT
tools: memoQ, Trados, OmegaT, Weblate) or as a gettext PO file (Poedit, Weblate): new
segments, segments whose source changed (with the previous source and translation),
and segments of a draft still identical to the source. With --all, every segment.
Translatable front-matter fields are units too. Take the work back with ` + "`ceviri import`" + `.

Each unit to translate carries the translation memory's matches for its source
(docs/memory.md): in XLIFF up to three <alt-trans match-quality="87%"> elements; in
PO the best match as a fuzzy entry (msgstr pre-filled, the match's source as the
previous msgid), which import takes only once the fuzzy flag is cleared.

In XLIFF, inline Markdown (link syntax and destinations, emphasis markers, code
spans, raw HTML) is carried as <ph> placeholders the translator places but cannot
edit. The format is taken from --format, else from the extension of -o (.po, .xlf,
.xliff), else XLIFF. Without -o the file goes to stdout. When nothing is pending,
nothing is written.`,
		Example: `  ceviri export --lang en -o en.xlf
  ceviri export --lang en --format po ukraine-talks > en.po
  ceviri export --lang tr --all -o tr-all.xlf`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			return runExport(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", "the target language (required)")
	c.Flags().StringVarP(&opts.Format, "format", "f", "", "xliff or po (default: from -o, else xliff)")
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "write to FILE instead of stdout")
	c.Flags().BoolVar(&opts.All, "all", false, "export every segment, not only the pending ones")
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
		return "", diag.Usagef("unknown format %q (known: xliff, po)", format)
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
		return errors.Join(append(l.errs, errors.New("nothing exported: fix the files above first"))...)
	}
	var arts []*interchange.Article
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
		env.Infof("nothing to translate in %s: no file written", opts.Lang)
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
	if err := exportFits(format, buf.Len(), units, opts.Lang); err != nil {
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
	env.Infof("exported %s (%s) of %s in %s to %s", plural(units, "segment", "segments"), plural(words, "word", "words"),
		plural(len(arts), "article", "articles"), opts.Lang, diag.EscapeLine(where))
	return nil
}

// exportFits refuses an export that import would refuse to read back: over
// 64 MiB, or over the readers' number of units.
func exportFits(format string, size, units int, lang string) error {
	limit := xliff.MaxUnits
	if format == "po" {
		limit = po.MaxEntries
	}
	if size <= maxImport && units <= limit {
		return nil
	}
	return diag.Usagef("the export would be %.1f MiB with %d units, more than import reads back from one file (64 MiB, %d units); nothing written\nhint: export fewer articles per file: ceviri export --lang %s ID...",
		float64(size)/(1<<20), units, limit, lang)
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
