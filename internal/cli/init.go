package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/skeleton"
	"github.com/spf13/cobra"
)

func init() { register(newInitCmd) }

type initOptions struct {
	Dir       string
	Languages []string
}

func newInitCmd(env *Env) *cobra.Command {
	opts := &initOptions{}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a new ceviri project",
		Long: `Create ceviri.yaml, an articles/ directory and locales/<lang>.yaml with the site's
chrome strings in DIR (default: the current directory). The first language is the
default source language. An existing ceviri.yaml is never overwritten. .gitignore
gets ceviri's working files, and .gitattributes the line that lets git merge
ceviri.lock (ceviri.lock merge=union).`,
		Example: `  ceviri init
  ceviri init newsroom --languages tr,en`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return runInit(env, opts)
		},
	}
	c.Flags().StringSliceVar(&opts.Languages, "languages", []string{"tr", "en"}, "the project's languages, source language first")
	return c
}

func runInit(env *Env, opts *initOptions) error {
	cfg, err := config.Default(opts.Languages)
	if err != nil {
		return &diag.UsageError{Err: err}
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
		return diag.Usagef("%s already exists; not overwriting it", filepath.Join(dir, config.FileName))
	}
	langs := make([]string, len(cfg.Tags))
	for i, t := range cfg.Tags {
		langs[i] = t.String()
	}
	tx := d.NewTx(journalFile)
	tx.Add(config.FileName, skeleton.Config(langs), 0o644)
	for _, l := range langs {
		rel := config.DefaultLocales + "/" + l + ".yaml"
		if _, err := d.Lstat(rel); err == nil {
			continue // keep existing chrome strings
		}
		data, ok := skeleton.Locale(l)
		if !ok {
			env.Infof("no default chrome strings for %q: copied the English ones into %s for translation", l, rel)
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
		return fmt.Errorf("%w\nnothing was written", err)
	}
	if err := d.MkdirAll("articles", 0o755); err != nil {
		return err
	}
	env.Infof("created a ceviri project in %s (languages %s)\nnext: ceviri new my-first-article --title \"...\"", dir, strings.Join(langs, ", "))
	return nil
}
