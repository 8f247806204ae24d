package cli

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

func init() { register(newNewCmd) }

type newOptions struct {
	ID    string
	Lang  string
	Title string
	Date  string
}

func newNewCmd(env *Env) *cobra.Command {
	opts := &newOptions{}
	c := &cobra.Command{
		Use:   "new ID",
		Short: "Create the source version of a new article",
		Long: `Create the source version of a new article at the path the content template gives,
with a title and today's date in its front matter. The language defaults to the
project's source_language. Ids are relative paths such as 2025/ukraine-talks.`,
		Example: `  ceviri new ukraine-talks --title "Ukraine calls for talks"
  ceviri new 2025/kampus-haberi --lang tr --title "Kampüs haberi"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runNew(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", "language of the source version (default: source_language)")
	c.Flags().StringVar(&opts.Title, "title", "", "the article's title (default: made from the id)")
	c.Flags().StringVar(&opts.Date, "date", "", "publication date, YYYY-MM-DD (default: today)")
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
			return diag.Usagef("article %q already exists (%s)", opts.ID, path)
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
	} else if _, err := time.Parse("2006-01-02", date); err != nil {
		if _, err := time.Parse(time.RFC3339, date); err != nil {
			return diag.Usagef("--date %q is neither YYYY-MM-DD nor RFC 3339", date)
		}
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
	fm := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("title"), {Kind: yaml.ScalarNode, Value: title, Style: yaml.DoubleQuotedStyle},
		str("summary"), {Kind: yaml.ScalarNode, Value: "", Style: yaml.DoubleQuotedStyle},
		str("date"), str(date),
	}}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return err
	}
	_ = enc.Close()
	buf.WriteString("---\n\n")
	path := p.Layout.Path(opts.ID, lang)
	pl := newPlan(p)
	pl.add(path, buf.Bytes())
	if err := pl.commit(); err != nil {
		return err
	}
	env.Infof("created %s", path)
	fmt.Fprintln(env.Stdout, path)
	return nil
}
