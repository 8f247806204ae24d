package cli

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

// text returns ceviri's own words in the user's language: CEVIRI_LANG,
// then LC_ALL, LC_MESSAGES and LANG (clitext.FromEnv). Machine outputs
// (--json, JUnit, GitHub annotations) never use it.
func (e *Env) text() *clitext.Printer {
	if e.tx != nil {
		return e.tx
	}
	if e.Getenv == nil {
		return clitext.New("en")
	}
	e.tx = clitext.New(clitext.FromEnv(e.Getenv))
	return e.tx
}

// cobraTemplateFuncs are the functions of the translated usage template.
var cobraTemplateFuncs = sync.OnceFunc(func() {
	cobra.AddTemplateFunc("ceviriUseLine", func(line, flags string) string {
		if s, ok := strings.CutSuffix(line, " [flags]"); ok {
			return s + " [" + flags + "]"
		}
		return line
	})
	// pflag writes a flag's default as (default "text").
	cobra.AddTemplateFunc("ceviriDefault", func(word, usages string) string {
		return strings.ReplaceAll(usages, " (default ", " ("+word+" ")
	})
})

// localizeCobra gives cobra's own words in tx's language: the headings of
// --help, the -h and -v flags, the help and completion commands. In
// English it changes nothing, so that cobra's own output stays as it was.
func localizeCobra(root *cobra.Command, tx *clitext.Printer) {
	if tx.Lang() == "en" {
		return
	}
	cobraTemplateFuncs()
	root.SetUsageTemplate(usageTemplate(tx))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = tx.T("cmd_help_short")
			c.Long = tx.T("cmd_help_long", "Name", root.DisplayName())
		case "completion":
			c.Short = tx.T("cmd_completion_short")
			c.Long = tx.T("cmd_completion_long", "Name", root.DisplayName())
			for _, s := range c.Commands() {
				s.Short = tx.T("cmd_completion_shell_short", "Shell", s.Name())
			}
		}
	}
	if root.Version != "" && root.Flags().Lookup("version") == nil {
		root.Flags().BoolP("version", "v", false, tx.T("version_flag", "Name", root.DisplayName()))
		_ = root.Flags().SetAnnotation("version", cobra.FlagSetByCobraAnnotation, []string{"true"})
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, tx.T("help_flag", "Name", c.DisplayName()))
			_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

// usageTemplate is cobra's usage template (cobra v1.10) with its words
// taken from tx.
func usageTemplate(tx *clitext.Printer) string {
	cmd := tx.T("help_command_word")
	return strings.NewReplacer(
		"@usage", tx.T("help_usage"),
		"@aliases", tx.T("help_aliases"),
		"@examples", tx.T("help_examples"),
		"@commands", tx.T("help_commands"),
		"@additional", tx.T("help_additional_commands"),
		"@flags", tx.T("help_flags"),
		"@global", tx.T("help_global_flags"),
		"@topics", tx.T("help_topics"),
		"@command", cmd,
		"@flagword", strings.ReplaceAll(tx.T("help_flags_word"), `"`, ``),
		"@default", strings.ReplaceAll(tx.T("help_default"), `"`, ``),
		"@more", tx.T("help_more", "Command", "{{.CommandPath}}", "Placeholder", cmd),
	).Replace(`@usage{{if .Runnable}}
  {{ceviriUseLine .UseLine "@flagword"}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [@command]{{end}}{{if gt (len .Aliases) 0}}

@aliases
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

@examples
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

@commands{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

@additional{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

@flags
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | ceviriDefault "@default"}}{{end}}{{if .HasAvailableInheritedFlags}}

@global
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | ceviriDefault "@default"}}{{end}}{{if .HasHelpSubCommands}}

@topics{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

@more{{end}}
`)
}

// textErr returns message id as an error.
func textErr(id string, pairs ...any) error { return clitext.NewError(id, pairs...) }

// textWrap returns message id, whose template shows err as {{.Err}}, as
// an error that wraps err.
func textWrap(err error, id string, pairs ...any) error { return clitext.Wrap(err, id, pairs...) }

// usageText returns message id as a usage error (exit code 2).
func usageText(id string, pairs ...any) error { return diag.UsageText(id, pairs...) }

// posText returns message id as an error at file:line:col.
func posText(file string, line, col int, id string, pairs ...any) *diag.PosError {
	return diag.Text(file, line, col, id, pairs...)
}

// localize returns err's message in tx's language: ceviri's own words
// (clitext.TextError) wherever they are (clitext.Printer.Error), and the
// errors cobra and pflag write when a command is called wrongly.
func localize(err error, tx *clitext.Printer) string {
	return localizeCobraError(tx.Error(err), tx)
}

// q quotes s as %q does, for a message's value.
func q(s string) string { return fmt.Sprintf("%q", s) }

// stateName is the name of state s in tx's language (current, güncel).
func stateName(tx *clitext.Printer, s track.State) string { return tx.T("state_" + string(s)) }

// cobraErrors are the errors cobra and pflag write when a command is
// called wrongly, by line, with the message that says each in ceviri's
// words and the names of its submatches.
var cobraErrors = []struct {
	re    *regexp.Regexp
	id    string
	names []string
}{
	{regexp.MustCompile(`^unknown command (".*") for (".*")$`), "cobra_unknown_command", []string{"Command", "Path"}},
	{regexp.MustCompile(`^Did you mean this\?$`), "cobra_did_you_mean", nil},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "cobra_min_args", []string{"Want", "Got"}},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "cobra_max_args", []string{"Want", "Got"}},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "cobra_exact_args", []string{"Want", "Got"}},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "cobra_range_args", []string{"Min", "Max", "Got"}},
	{regexp.MustCompile(`^required flag\(s\) (.*) not set$`), "cobra_required_flags", []string{"Flags"}},
	{regexp.MustCompile(`^unknown flag: (.*)$`), "cobra_unknown_flag", []string{"Flag"}},
	{regexp.MustCompile(`^unknown shorthand flag: (.*) in (.*)$`), "cobra_unknown_shorthand", []string{"Flag", "In"}},
	{regexp.MustCompile(`^flag needs an argument: (.*)$`), "cobra_flag_needs_arg", []string{"Flag"}},
	{regexp.MustCompile(`^invalid argument (".*") for (".*") flag: (.*)$`), "cobra_invalid_flag_arg", []string{"Value", "Flag", "Err"}},
}

// localizeCobraError writes in tx's language the lines of msg that are
// cobra's or pflag's errors in how a command was called; other lines
// stay as they are.
func localizeCobraError(msg string, tx *clitext.Printer) string {
	if tx.Lang() == "en" {
		return msg
	}
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		for _, e := range cobraErrors {
			m := e.re.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			var pairs []any
			for k, name := range e.names {
				pairs = append(pairs, name, m[k+1])
			}
			lines[i] = tx.T(e.id, pairs...)
			break
		}
	}
	return strings.Join(lines, "\n")
}
