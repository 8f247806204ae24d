package cli

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/spf13/cobra"
)

// preCommitHook is the hook precommit --hook prints; docs/examples/pre-commit
// is the same file (TestPreCommitHookIsTheExample).
//
//go:embed since_hook.sh
var preCommitHook string

type precommitOptions struct {
	Hook bool
}

func newPrecommitCmd(env *Env) *cobra.Command {
	tx := env.text()
	opts := &precommitOptions{}
	c := &cobra.Command{
		Use:     "precommit",
		Short:   tx.T("cmd_precommit_short"),
		Long:    tx.T("cmd_precommit_long"),
		Example: tx.T("cmd_precommit_example"),
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.Hook {
				_, err := fmt.Fprint(env.Stdout, preCommitHook)
				return err
			}
			return runPrecommit(c.Context(), env)
		},
	}
	c.Flags().BoolVar(&opts.Hook, "hook", false, tx.T("flag_precommit_hook"))
	return c
}

func runPrecommit(ctx context.Context, env *Env) error {
	l, err := env.loadWith(nil, true)
	if err != nil {
		return err
	}
	// Files that cannot be read (here, staged or in HEAD) leave their
	// articles out: check and status report them; this hook looks only
	// at records.
	repo, err := gitlog.OpenWorkTree(ctx, l.p.Root)
	if errors.Is(err, gitlog.ErrNoRepo) {
		return textErr("err_precommit_no_git", "Root", diag.EscapeLine(l.p.Root))
	} else if err != nil {
		return err
	}
	entries, err := repo.Index(ctx)
	if err != nil {
		return err
	}
	staged, err := treeStatus(ctx, repo, l.p.Root, entries, "")
	if err != nil {
		return err
	}
	head := &snapshot{}
	if commit, err := repo.Resolve(ctx, "HEAD"); err == nil {
		if entries, err = repo.Tree(ctx, commit); err != nil {
			return err
		}
		if head, err = treeStatus(ctx, repo, l.p.Root, entries, "HEAD"); err != nil {
			return err
		}
	}
	// The hint's git add runs where precommit was run (a hook: the top
	// of the work tree), not in the project's directory.
	here := func(rel string) string {
		if r, err := filepath.Rel(env.Wd, filepath.Join(l.p.Root, filepath.FromSlash(rel))); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r)
		}
		return rel
	}
	refused := unstagedRecords(l.p.Config.Languages, staged.status, head.status, l.status, here)
	tx := env.text()
	for _, r := range refused {
		fmt.Fprintln(env.Stderr, diag.Escape(localize(r, tx)))
	}
	if len(refused) > 0 {
		return &diag.Problems{Msg: tx.N("precommit_refused", len(refused))}
	}
	return nil
}

// unstagedRecords returns, for each translation whose record differs
// between head and staged and says it is done (not a draft), where the
// record matches the work tree's source but not the staged one: the
// commit would name a source version it does not hold. Sorted by id and
// language; here turns a path of the project into the one the hint's git
// add names.
func unstagedRecords(langs []string, staged, head, work []*track.ArticleStatus, here func(string) string) []*diag.PosError {
	byID := func(arts []*track.ArticleStatus) map[string]*track.ArticleStatus {
		m := map[string]*track.ArticleStatus{}
		for _, a := range arts {
			m[a.ID] = a
		}
		return m
	}
	heads, works := byID(head), byID(work)
	var out []*diag.PosError
	for _, a := range staged {
		w := works[a.ID]
		if w == nil || w.SourceFile == nil || a.SourceFile == nil {
			continue
		}
		for _, lang := range langs {
			v := a.Versions[lang]
			if v == nil || v.Parsed == nil || v.Parsed.Record == nil || v.Parsed.Record.Draft || v.State == track.Current {
				continue
			}
			rec := v.Parsed.Record
			if hv := versionOf(heads[a.ID], lang); hv != nil && hv.Parsed != nil && hv.Parsed.Record != nil &&
				hv.Parsed.Record.SourceHash == rec.SourceHash && !hv.Parsed.Record.Draft {
				continue // the commit does not change the record
			}
			if rec.SourceHash != w.SourceFile.Fingerprint || rec.SourceHash == a.SourceFile.Fingerprint {
				continue
			}
			at, line := v.Path, max(rec.Line, 1)
			if rec.File != "" {
				at = rec.File // the lock file
			}
			out = append(out, posText(at, line, 1, "precommit_unstaged",
				"Path", v.Path, "Source", w.SourceFile.Path, "Add", shellQuote(here(w.SourceFile.Path))))
		}
	}
	return out
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and / . _ - + @ % , = :, so that a hint can be pasted.
func shellQuote(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/._-+@%,=:", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
