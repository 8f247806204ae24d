package cli

import (
	"fmt"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/spf13/cobra"
)

type newOptions struct {
	ID          string
	Lang        string
	Title       string
	Date        string
	FrontMatter string // yaml, toml or json; "" for the project's own
}

func newNewCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &newOptions{}
	c := &cobra.Command{
		Use:     "new ID",
		Short:   tx.T("cmd_new_short"),
		Long:    tx.T("cmd_new_long"),
		Example: tx.T("cmd_new_example"),
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runNew(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_new_lang"))
	c.Flags().StringVar(&opts.Title, "title", "", tx.T("flag_new_title"))
	c.Flags().StringVar(&opts.Date, "date", "", tx.T("flag_new_date"))
	c.Flags().StringVar(&opts.FrontMatter, "front-matter", "", tx.T("flag_new_front_matter"))
	return c
}

func runNew(env *Env, opts *newOptions) error {
	if err := project.ValidID(opts.ID); err != nil {
		return &diag.UsageError{Err: err}
	}
	p, err := env.openProject()
	if err != nil {
		return err
	}
	lang := opts.Lang
	if lang == "" {
		lang = p.Config.SourceLanguage
	}
	if err := checkLang(p.Config, lang); err != nil {
		return err
	}
	lk, err := lock(p)
	if err != nil {
		return err
	}
	defer lk.Release()
	for _, l := range p.Config.Languages {
		if path := p.Layout.Path(opts.ID, l); exists(p, path) {
			return usageText("err_new_exists", "ID", q(opts.ID), "Path", path)
		}
	}
	title := opts.Title
	if title == "" {
		parts := strings.Split(opts.ID, "/")
		title = strings.ReplaceAll(parts[len(parts)-1], "-", " ")
	}
	date := opts.Date
	if date == "" {
		date = env.Now().Format("2006-01-02")
	} else if _, err := frontmatter.ParseDate(date); err != nil {
		return &diag.UsageError{Err: fmt.Errorf("--%w", err)}
	}
	format, err := newFormat(p, opts.FrontMatter)
	if err != nil {
		return err
	}
	var fm []byte
	if format == frontmatter.None {
		// A site whose pages have no front matter: the title is the
		// page's first heading.
		fm = []byte("# " + title + "\n")
	} else {
		fm, err = frontmatter.Build(format, []frontmatter.Field{
			{Key: frontmatter.KeyNode("title"), Value: frontmatter.StringNode(title)},
			{Key: frontmatter.KeyNode("summary"), Value: frontmatter.StringNode("")},
			{Key: frontmatter.KeyNode("date"), Value: frontmatter.DateNode(date)},
		}, nil)
		if err != nil {
			return err
		}
		fm = append(fm, '\n')
	}
	path := p.Layout.Path(opts.ID, lang)
	pl := newPlan(p)
	pl.add(path, fm)
	if err := pl.commit(); err != nil {
		return err
	}
	env.Infof("%s", env.text().T("new_created", "Path", path))
	fmt.Fprintln(env.Stdout, path)
	return nil
}

// newFormat returns the front-matter format of a new article: the one
// named; else that of the first article found with front matter; none when
// the project has articles and none of them has front matter (a site whose
// pages have none); YAML in a new project.
func newFormat(p *project.Project, name string) (frontmatter.Format, error) {
	switch strings.ToLower(name) {
	case "yaml":
		return frontmatter.YAML, nil
	case "toml":
		return frontmatter.TOML, nil
	case "json":
		return frontmatter.JSON, nil
	case "none":
		return frontmatter.None, nil
	case "":
	default:
		return frontmatter.None, usageText("err_new_front_matter", "Format", q(name))
	}
	files, _ := p.Scan()
	for _, f := range files {
		if data, err := p.ReadFile(f.Path); err == nil {
			if format := frontmatter.FormatOf(data); format != frontmatter.None {
				return format, nil
			}
		}
	}
	if len(files) > 0 {
		return frontmatter.None, nil
	}
	return frontmatter.YAML, nil
}
