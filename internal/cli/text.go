package cli

import (
	"errors"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
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

// usageError is a usage error whose message is already written (a
// translated message may hold a %, which Usagef would read as a verb).
func usageError(msg string) error {
	return &diag.UsageError{Err: errors.New(msg)}
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
