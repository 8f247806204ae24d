package cli

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/check"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/glossary"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	IDs    []string
	Lang   string
	Format string
	Accept string // a rule whose findings in IDs and Lang are accepted
}

func newCheckCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &checkOptions{}
	c := &cobra.Command{
		Use:     "check [ID...]",
		Short:   tx.T("cmd_check_short"),
		Long:    tx.T("cmd_check_long"),
		Example: tx.T("cmd_check_example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			return runCheck(env, opts)
		},
	}
	c.Flags().StringVarP(&opts.Lang, "lang", "l", "", tx.T("flag_check_lang"))
	c.Flags().StringVar(&opts.Format, "format", "text", tx.T("flag_check_format"))
	c.Flags().StringVar(&opts.Accept, "accept", "", tx.T("flag_check_accept", "File", acceptedFile))
	return c
}

func runCheck(env *Env, opts *checkOptions) error {
	format := opts.Format
	if env.JSON {
		format = "json"
	}
	switch format {
	case "text", "json", "junit", "github":
	default:
		return usageText("err_check_format", "Format", q(opts.Format))
	}
	p, err := env.openProject()
	if err != nil {
		return err
	}
	files, scanErrs := p.Scan()
	all := files
	if files, err = only(p, files, opts.IDs); err != nil {
		return err // an unknown id first, as the other commands report it
	}
	cfg := p.Config
	if opts.Lang != "" {
		if err := checkLang(cfg, opts.Lang); err != nil {
			return err
		}
	}
	copts, err := contentOptions(p, all)
	if err != nil {
		return err
	}
	// Each article is checked as soon as it is read, and dropped: holding
	// every article's versions first took over a gigabyte at 10,000.
	accepted, err := readAccepted(p)
	if err != nil {
		return err
	}
	if opts.Accept != "" {
		switch {
		case !check.Known(opts.Accept):
			return usageText("err_accept_not_rule", "Rule", q(opts.Accept))
		case len(opts.IDs) == 0 || opts.Lang == "":
			return usageText("err_accept_needs", "Rule", opts.Accept)
		}
	}
	// Each finding's key ties it to the segments involved (findingKey),
	// computed while the article's versions are at hand.
	var keyMu sync.Mutex
	keys := map[string]string{}
	where := func(f check.Finding) string {
		return fmt.Sprintf("%s\x00%d\x00%s\x00%s\x00%s", f.File, f.Line, f.Rule, f.Lang, f.Message)
	}
	per, ids, errs := eachArticle(p, files, func(a *track.ArticleStatus) []check.Finding {
		fs := check.ArticleFindingsWith(cfg, copts, a)
		keyMu.Lock()
		for _, f := range fs {
			keys[where(f)] = findingKey(f, a)
		}
		keyMu.Unlock()
		return fs
	})
	errs = append(scanErrs, errs...)
	diag.Sort(errs)
	in := check.Input{Config: cfg, Options: copts, Unreadable: errs}
	if len(opts.IDs) == 0 {
		set, err := locale.Load(p.FS, cfg.Locales, cfg.Languages, cfg.Tags)
		if err != nil {
			return err
		}
		in.Locales = set
	}
	findings := check.Collect(in, per)
	if opts.Lang != "" {
		kept := findings[:0]
		for _, f := range findings {
			// A file that cannot be read keeps its whole article from
			// being checked, in every language: it is always reported.
			if f.Lang == opts.Lang || f.Rule == check.InvalidFrontMatter {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	if opts.Accept != "" {
		return acceptFindings(env, p, accepted, findings, keys, where, opts)
	}
	nAccepted := 0
	kept := findings[:0]
	for _, f := range findings {
		if k, ok := keys[where(f)]; ok && accepted.keys[k] {
			nAccepted++
			continue
		}
		kept = append(kept, f)
	}
	findings = kept
	if findings == nil {
		findings = []check.Finding{}
	}
	r := &checkReport{env: env, cfg: cfg, findings: findings, lang: opts.Lang, accepted: nAccepted, withLocales: in.Locales != nil && len(in.Locales.Files) > 0}
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	for _, f := range findings {
		if f.ID != "" {
			seen[f.ID] = true // an article whose files could not be read
		}
	}
	for id := range seen {
		r.ids = append(r.ids, id)
	}
	sort.Strings(r.ids)
	switch format {
	case "json":
		err = r.json()
	case "junit":
		err = r.junit()
	case "github":
		r.github()
	default:
		r.text()
	}
	if err != nil {
		return err
	}
	if errs, _ := check.Counts(findings); errs > 0 {
		return &diag.Problems{}
	}
	return nil
}

// checkRuleNames rejects a rule id in check.rules that no rule has, naming
// its line in ceviri.yaml, so a typo never silently keeps a default.
func checkRuleNames(cfg *config.Config) error {
	var errs []error
	for _, k := range cfg.Check.RuleKeys {
		if !check.Known(k.Name) {
			errs = append(errs, posText(config.FileName, k.Line, k.Col, "err_unknown_rule", "Rule", q(k.Name), "Known", strings.Join(check.RuleIDs(), ", ")))
		}
	}
	return errors.Join(errs...)
}

// acceptFindings records the findings of opts.Accept as accepted, all at
// once under the project's lock, and says how many.
func acceptFindings(env *Env, p *project.Project, accepted *acceptedSet, findings []check.Finding, keys map[string]string, where func(check.Finding) string, opts *checkOptions) error {
	lk, err := lock(p)
	if err != nil {
		return err
	}
	defer lk.Release()
	n := 0
	for _, f := range findings {
		if f.Rule != opts.Accept || f.Lang != opts.Lang {
			continue
		}
		if k, ok := keys[where(f)]; ok && accepted.add(f, k) {
			n++
		}
	}
	if n == 0 {
		return usageText("err_accept_none", "Rule", opts.Accept, "IDs", strings.Join(opts.IDs, ", "), "Lang", opts.Lang)
	}
	pl := newPlan(p)
	pl.add(acceptedFile, accepted.bytes())
	if err := pl.commit(); err != nil {
		return err
	}
	tx := env.text()
	env.Infof("%s", tx.T("accepted", "Findings", tx.N("rule_findings", n, "Rule", opts.Accept), "IDs", strings.Join(opts.IDs, ", "), "Lang", opts.Lang, "File", acceptedFile))
	return nil
}

// contentOptions returns the settings of the content rules for a project
// whose files (project.Scan) are all: the rule names of check.rules
// validated, code placeholders compiled, the glossary read (unless the
// terminology rule is off) and the pages that links into other articles
// resolve among (all of them, also when only some are checked). check and
// report --check use it, so that both find the same.
func contentOptions(p *project.Project, all []project.File) (check.Options, error) {
	cfg := p.Config
	if err := checkRuleNames(cfg); err != nil {
		return check.Options{}, err
	}
	opts := check.Options{Pages: check.NewPages(cfg, p.ReadFile, all)}
	for _, pat := range cfg.Check.CodePlaceholders {
		re, err := check.CodePlaceholder(pat)
		if err != nil {
			return check.Options{}, &diag.UsageError{Err: fmt.Errorf("%s: check.code_placeholders: %w", config.FileName, err)}
		}
		opts.CodePlaceholders = append(opts.CodePlaceholders, re)
	}
	if check.SeverityOf(cfg, check.Terminology) != check.Off {
		g, err := glossary.Load(p.FS, cfg)
		if err != nil {
			return check.Options{}, err // docs/terminology.md
		}
		opts.Glossary = g
	}
	return opts, nil
}
