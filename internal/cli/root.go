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
	"time"

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

	outTTY, errTTY bool
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
	root := &cobra.Command{
		Use:   "ceviri",
		Short: "Keep Turkish and English (and other) versions of articles in step",
		Long: `ceviri tracks the language versions of articles kept as Markdown files: it knows
which source version each translation was made from, shows translators what changed,
lets editors check parity before a release, and builds one bundle per language.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version(),
	}
	root.SetVersionTemplate("ceviri {{.Version}}\n")
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	f := root.PersistentFlags()
	f.StringVar(&env.Root, "root", "", "project directory (default: the nearest directory with ceviri.yaml)")
	f.BoolVar(&env.JSON, "json", false, "print results as JSON, where a command reports")
	f.BoolVar(&env.NoColor, "no-color", false, "never colour output (NO_COLOR is honoured too)")
	f.BoolVarP(&env.Quiet, "quiet", "q", false, "print nothing but results and errors")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &diag.UsageError{Err: fmt.Errorf("%v\nhint: see `%s --help`", err, c.CommandPath())}
	})
	for _, c := range commands {
		root.AddCommand(c(env))
	}
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: "Explain ceviri's exit codes",
		Args:  cobra.NoArgs,
		Run: func(c *cobra.Command, _ []string) {
			fmt.Fprint(env.Stdout, `0  success
1  the command ran and found problems (check findings at error severity, a build refused by policy)
2  usage error, or a project that cannot be read (bad ceviri.yaml, malformed file); nothing was written
`)
		},
	})
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
		printErr(stderr, err) // cobra's own argument errors map to 2 like every non-Problems error
	}
	return diag.ExitCode(err)
}

// printErr prints each error once: positioned errors as they are, others
// prefixed with "ceviri: ".
func printErr(w io.Writer, err error) {
	var p *diag.Problems
	if errors.As(err, &p) && p.Msg == "" {
		return
	}
	if u, ok := err.(*diag.UsageError); ok {
		err = u.Err // several errors in how a command was called print one per line
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			printErr(w, e)
		}
		return
	}
	// Messages may quote content (a YAML error quotes the line it failed
	// on): escaped, as everything ceviri prints from content is.
	if pe, ok := err.(*diag.PosError); ok {
		fmt.Fprintln(w, diag.Escape(pe.Error()))
		return
	}
	fmt.Fprintf(w, "ceviri: %s\n", diag.Escape(err.Error()))
}
