// Package diag holds the error types ceviri reports to users: errors about a
// position in a file (path:line:col: message) and the exit codes they map to.
package diag

import (
	"errors"
	"fmt"
	"sort"

	"github.com/ceviri/ceviri/internal/clitext"
)

// PosError is an error at a position in a file. Line and Col are 1-based; a
// zero Col means the column is unknown and is printed as 1.
type PosError struct {
	File string // path relative to the project root, with forward slashes
	Line int
	Col  int
	Err  error
}

// Errorf returns a PosError with a formatted message.
func Errorf(file string, line, col int, format string, args ...any) *PosError {
	return &PosError{File: file, Line: line, Col: col, Err: fmt.Errorf(format, args...)}
}

// Text returns message id of ceviri's message files (clitext), with its
// pairs of names and values, as an error at a position in a file.
func Text(file string, line, col int, id string, pairs ...any) *PosError {
	return &PosError{File: file, Line: line, Col: col, Err: clitext.NewError(id, pairs...)}
}

func (e *PosError) Error() string { return e.In(error.Error) }

// In returns e's message with its error written by msg (in the reader's
// language: clitext.Printer.Error).
func (e *PosError) In(msg func(error) string) string {
	line, col := e.Line, e.Col
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	if e.Err == nil {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, line, col, nil)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, line, col, msg(e.Err))
}

// Unwrap returns the underlying error.
func (e *PosError) Unwrap() error { return e.Err }

// UsageError marks an error in how the command was called (bad flag value,
// unknown article id on the command line). It maps to exit code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }

// In returns e's message written by msg (in the reader's language).
func (e *UsageError) In(msg func(error) string) string { return msg(e.Err) }

// Unwrap returns the underlying error.
func (e *UsageError) Unwrap() error { return e.Err }

// UsageText returns message id of ceviri's message files (clitext), with
// its pairs of names and values, as a UsageError.
func UsageText(id string, pairs ...any) error {
	return &UsageError{Err: clitext.NewError(id, pairs...)}
}

// Usagef returns a UsageError with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// Problems is returned by a command that ran and found problems (check
// findings at error severity, a build refused by policy). It maps to exit
// code 1; its message, if any, is printed.
type Problems struct{ Msg string }

func (e *Problems) Error() string { return e.Msg }

// Exit codes shared by every command.
const (
	ExitOK       = 0 // success
	ExitProblems = 1 // the command ran and found problems
	ExitUsage    = 2 // usage error, or a project that cannot be read
)

// ExitCode maps an error to the exit code ceviri returns for it.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var p *Problems
	if errors.As(err, &p) {
		return ExitProblems
	}
	return ExitUsage
}

// Sort orders positioned errors by file, line and column, keeping other
// errors after them in their original order.
func Sort(errs []error) {
	sort.SliceStable(errs, func(i, j int) bool {
		var a, b *PosError
		ai, bj := errors.As(errs[i], &a), errors.As(errs[j], &b)
		switch {
		case ai && bj:
			if a.File != b.File {
				return a.File < b.File
			}
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		case ai:
			return true
		default:
			return false
		}
	})
}
