package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/preset"
	"github.com/ceviri/ceviri/internal/skeleton"
	"github.com/spf13/cobra"
)

type initOptions struct {
	Dir       string
	Languages []string
	Preset    string
}

func newInitCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &initOptions{}
	c := &cobra.Command{
		Use:     "init [DIR]",
		Short:   tx.T("cmd_init_short"),
		Long:    tx.T("cmd_init_long"),
		Example: tx.T("cmd_init_example"),
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return runInit(env, opts)
		},
	}
	c.Flags().StringSliceVar(&opts.Languages, "languages", []string{"tr", "en"}, tx.T("flag_init_languages"))
	c.Flags().StringVar(&opts.Preset, "preset", "", tx.T("flag_init_preset", "Presets", strings.Join(preset.Names(), ", ")))
	return c
}

func runInit(env *Env, opts *initOptions) error {
	cfg, err := config.Default(opts.Languages)
	if err != nil {
		return &diag.UsageError{Err: err}
	}
	if opts.Preset != "" {
		// An unknown preset is refused before anything is created.
		if _, err := preset.Get(opts.Preset); err != nil {
			return &diag.UsageError{Err: err}
		}
	}
	dir := opts.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(env.Wd, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d, err := openDir(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	lk, err := d.Lock(lockFile, 10*time.Second)
	if err != nil {
		return err
	}
	defer lk.Release()
	if _, err := d.Recover(journalFile); err != nil {
		return err
	}
	if _, err := d.Lstat(config.FileName); err == nil {
		return usageText("err_init_exists", "Path", filepath.Join(dir, config.FileName))
	}
	langs := make([]string, len(cfg.Tags))
	for i, t := range cfg.Tags {
		langs[i] = t.String()
	}
	pre, err := pickPreset(env, dir, opts.Preset, langs)
	if err != nil {
		return err
	}
	cfgData := skeleton.Config(langs)
	if pre.Name != "articles" {
		const line = "content: articles/{id}/{lang}.md   # where language versions live\n"
		if !bytes.Contains(cfgData, []byte(line)) {
			return fmt.Errorf("internal error: the configuration template has no content line")
		}
		cfgData = bytes.Replace(cfgData, []byte(line), []byte("# where language versions live: "+pre.Generator+" (--preset "+pre.Name+")\n"+pre.Content(langs)), 1)
	}
	if _, err := config.Parse(config.FileName, cfgData); err != nil {
		return fmt.Errorf("internal error: the configuration of preset %s does not parse: %w", pre.Name, err)
	}
	tx := d.NewTx(journalFile)
	tx.Add(config.FileName, cfgData, 0o644)
	for _, l := range langs {
		rel := config.DefaultLocales + "/" + l + ".yaml"
		if _, err := d.Lstat(rel); err == nil {
			continue // keep existing chrome strings
		}
		data, ok := skeleton.Locale(l)
		if !ok {
			env.Infof("%s", env.text().T("init_no_chrome", "Lang", q(l), "Path", rel))
		}
		tx.Add(rel, data, 0o644)
	}
	old, _ := d.ReadFile(".gitignore")
	var add []string
	for _, line := range []string{".ceviri/cache/", lockFile, journalFile} {
		if !strings.Contains(string(old), line) {
			add = append(add, line+"\n")
		}
	}
	if len(add) > 0 {
		if len(old) > 0 && !strings.HasSuffix(string(old), "\n") {
			old = append(old, '\n')
		}
		tx.Add(".gitignore", append(old, strings.Join(add, "")...), 0o644)
	}
	// Records of two branches that record new articles at the same place
	// in ceviri.lock are both kept when git merges them.
	attrs, _ := d.ReadFile(".gitattributes")
	if line := config.LockFileName + " merge=union"; !strings.Contains(string(attrs), line) {
		if len(attrs) > 0 && !strings.HasSuffix(string(attrs), "\n") {
			attrs = append(attrs, '\n')
		}
		tx.Add(".gitattributes", append(attrs, line+"\n"...), 0o644)
	}
	if err := tx.Commit(); err != nil {
		return textWrap(err, "err_nothing_written")
	}
	if pre.Name == "articles" {
		if err := d.MkdirAll("articles", 0o755); err != nil {
			return err
		}
	}
	env.Infof("%s", env.text().T("init_created", "Dir", dir, "Langs", strings.Join(langs, ", ")))
	return nil
}

// pickPreset returns the preset named, else the one the directory's files
// show (saying so), else articles.
func pickPreset(env *Env, dir, name string, langs []string) (*preset.Preset, error) {
	if name != "" {
		p, err := preset.Get(name)
		if err != nil {
			return nil, &diag.UsageError{Err: err}
		}
		return p, nil
	}
	if p, why := preset.DetectText(os.DirFS(dir), langs); p != nil {
		tx := env.text()
		env.Infof("%s", tx.T("init_detected", "Generator", p.Generator, "Why", diag.EscapeLine(tx.Text(why)), "Preset", p.Name))
		return p, nil
	}
	p, _ := preset.Get("articles")
	return p, nil
}
