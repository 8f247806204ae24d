// Package cli is ceviri's command-line interface: one cobra command per file,
// each parsing its flags into an options struct and calling a run function
// that works on the project model. Only this package prints, writes files
// or decides exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Env is what a command may touch of the outside world: streams, the
// environment, the clock, and the global flags.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	Wd             string // working directory

	// Global flags.
	Root    string
	JSON    bool
	NoColor bool
	Quiet   bool

	// FullLoad makes status parse every file in full instead of skipping
	// the segments it does not use (project.Project.StatesOnly); for tests,
	// whose reference output it gives.
	FullLoad bool
	// CacheGranularity is the timestamp margin of the caches (cache.Clean):
	// 0 means cache.DefaultGranularity; tests pass less so that they need
	// not wait.
	CacheGranularity time.Duration

	outTTY, errTTY bool
	tx             *clitext.Printer // ceviri's words in the user's language (text)
}

// Color reports whether results may be coloured: stdout is a terminal,
// colour was not turned off (--no-color, NO_COLOR) and the output is not JSON.
func (e *Env) Color() bool {
	return e.outTTY && !e.NoColor && e.Getenv("NO_COLOR") == "" && !e.JSON
}

// Progress reports whether progress may be drawn on stderr.
func (e *Env) Progress() bool { return e.errTTY && !e.Quiet && !e.JSON }

// Infof prints a diagnostic line on stderr unless --quiet.
func (e *Env) Infof(format string, args ...any) {
	if !e.Quiet {
		fmt.Fprintf(e.Stderr, format+"\n", args...)
	}
}

// commands are the constructors of the subcommands, in the order a reader
// meets them: setting up, the translator's, the editor's, the build's.
// Each lives in its own file.
var commands = []func(*Env) *cobra.Command{
	newInitCmd, newNewCmd,
	newStatusCmd, newPendingCmd, newDiffCmd, newTranslateCmd, newDoneCmd, newExportCmd, newImportCmd,
	newCheckCmd, newReportCmd, newBuildCmd, newTMCmd, newPrecommitCmd,
	newVersionCmd,
}

// NewRootCmd returns the ceviri command with every subcommand.
func NewRootCmd(env *Env) *cobra.Command {
	tx := env.text()
	root := &cobra.Command{
		Use:           "ceviri",
		Short:         tx.T("cmd_root_short"),
		Long:          tx.T("cmd_root_long"),
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version(),
	}
	root.SetVersionTemplate("ceviri {{.Version}}\n")
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	f := root.PersistentFlags()
	f.StringVar(&env.Root, "root", "", tx.T("flag_root_root"))
	f.BoolVar(&env.JSON, "json", false, tx.T("flag_root_json"))
	f.BoolVar(&env.NoColor, "no-color", false, tx.T("flag_root_no_color"))
	f.BoolVarP(&env.Quiet, "quiet", "q", false, tx.T("flag_root_quiet"))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &diag.UsageError{Err: fmt.Errorf("%v\n%s", err, tx.T("flag_error_hint", "Command", c.CommandPath()))}
	})
	for _, c := range commands {
		root.AddCommand(c(env))
	}
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: tx.T("cmd_exit_codes_short"),
		Args:  cobra.NoArgs,
		Run: func(c *cobra.Command, _ []string) {
			fmt.Fprint(env.Stdout, tx.T("cmd_exit_codes_text"))
		},
	})
	localizeCobra(root, tx)
	return root
}

// Main runs ceviri with args and returns its exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	wd, _ := os.Getwd()
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv, Now: time.Now, Wd: wd}
	if f, ok := stdout.(*os.File); ok {
		env.outTTY = term.IsTerminal(int(f.Fd()))
	}
	if f, ok := stderr.(*os.File); ok {
		env.errTTY = term.IsTerminal(int(f.Fd()))
	}
	root := NewRootCmd(env)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err != nil {
		printErrIn(stderr, err, env.text()) // cobra's own argument errors map to 2 like every non-Problems error
	}
	return diag.ExitCode(err)
}

// printErr prints each error once: positioned errors as they are, others
// prefixed with "ceviri: ".
func printErr(w io.Writer, err error) { printErrIn(w, err, clitext.New("en")) }

// printErrIn is printErr with the "hint: " that starts a line of advice
// in tx's language, whichever command wrote it.
func printErrIn(w io.Writer, err error, tx *clitext.Printer) {
	var p *diag.Problems
	if errors.As(err, &p) && p.Msg == "" {
		return
	}
	if u, ok := err.(*diag.UsageError); ok {
		err = u.Err // several errors in how a command was called print one per line
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			printErrIn(w, e, tx)
		}
		return
	}
	// Messages may quote content (a YAML error quotes the line it failed
	// on): escaped, as everything ceviri prints from content is.
	if _, ok := err.(*diag.PosError); ok {
		fmt.Fprintln(w, localizeHint(diag.Escape(localize(err, tx)), tx))
		return
	}
	fmt.Fprintf(w, "ceviri: %s\n", localizeHint(diag.Escape(localize(err, tx)), tx))
}

// localizeHint writes the "hint: " that starts a line in tx's language.
func localizeHint(msg string, tx *clitext.Printer) string {
	if tx.Lang() == "en" || !strings.Contains(msg, "hint: ") {
		return msg
	}
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "hint: "); ok {
			lines[i] = tx.T("hint_prefix") + rest
		}
	}
	return strings.Join(lines, "\n")
}
