package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/safefile"
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
default source language. An existing ceviri.yaml is never overwritten.`,
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
	cfgPath := filepath.Join(dir, config.FileName)
	if _, err := os.Stat(cfgPath); err == nil {
		return diag.Usagef("%s already exists; not overwriting it", cfgPath)
	}
	langs := make([]string, len(cfg.Tags))
	for i, t := range cfg.Tags {
		langs[i] = t.String()
	}
	writes := map[string][]byte{config.FileName: skeleton.Config(langs)}
	for _, l := range langs {
		rel := filepath.Join(config.DefaultLocales, l+".yaml")
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			continue // keep existing chrome strings
		}
		data, ok := skeleton.Locale(l)
		if !ok {
			env.Infof("no default chrome strings for %q: copied the English ones into %s for translation", l, rel)
		}
		writes[rel] = data
	}
	gi := filepath.Join(dir, ".gitignore")
	old, _ := os.ReadFile(gi)
	if !strings.Contains(string(old), ".ceviri/cache/") {
		if len(old) > 0 && !strings.HasSuffix(string(old), "\n") {
			old = append(old, '\n')
		}
		writes[".gitignore"] = append(old, ".ceviri/cache/\n.ceviri/lock\n"...)
	}
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		return err
	}
	// ceviri.yaml last: a project exists only once everything else is there.
	for rel, data := range writes {
		if rel == config.FileName {
			continue
		}
		if err := safefile.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
			return err
		}
	}
	if err := safefile.WriteFile(cfgPath, writes[config.FileName], 0o644); err != nil {
		return err
	}
	env.Infof("created a ceviri project in %s (languages %s)\nnext: ceviri new my-first-article --title \"...\"", dir, strings.Join(langs, ", "))
	return nil
}
