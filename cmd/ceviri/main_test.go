package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/ceviri/ceviri/internal/cli"
	"github.com/ceviri/ceviri/internal/fastpath"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"ceviri": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script, one
// behaviour per file, named <command>__<aspect>.txtar.
//
// Conditions available to scripts:
//
//	[exec:prog]   a program is installed (testscript built-in)
//	[tool:prog]   like exec, but under CEVIRI_REQUIRE_TOOLS=1 a missing
//	              program fails the test instead of skipping it
//	[corpus]      the shared corpus is beside the checkout
//	[fastpath]    fast paths are on (not TestScriptsNoFastPath): for
//	              scripts that test a cache itself
//
// and the environment has CORPUS, the path of the shared real-content
// corpus (../shared/corpus), when it exists.
func TestScripts(t *testing.T) { runScripts(t, false) }

// TestScriptsNoFastPath runs the same scenarios with every fast path off
// (CEVIRI_NO_FASTPATH=1: the one-pass readers, openat2, the caches): they
// must give the same output, byte for byte, as the scripts require it.
// Skipped with -short.
func TestScriptsNoFastPath(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the scripts run once, with the fast paths")
	}
	runScripts(t, true)
}

func runScripts(t *testing.T, noFastPath bool) {
	corpus, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus"))
	dir, files := filepath.Join("testdata", "script"), []string(nil)
	if raceEnabled && testing.Short() {
		// Under the race detector every command runs several times
		// slower: with -short (CI's race step), one script in four, and
		// every script in the plain run.
		all, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range all {
			if i%4 == 0 {
				files = append(files, f)
			}
		}
		dir = ""
	}
	testscript.Run(t, testscript.Params{
		Dir:                 dir,
		Files:               files,
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("CORPUS", corpus)
			e.Setenv("NO_COLOR", "")
			e.Setenv("GOCOVERDIR", os.Getenv("GOCOVERDIR"))
			if noFastPath {
				e.Setenv(fastpath.Env, "1")
			}
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if len(cond) > 5 && cond[:5] == "tool:" {
				return HaveTool(t, cond[5:]), nil
			}
			if cond == "fastpath" {
				return !noFastPath, nil
			}
			if cond == "corpus" {
				_, err := os.Stat(filepath.Join(corpus, "cncf-glossary"))
				return err == nil, nil
			}
			return false, nil
		},
		Cmds: scriptCmds,
	})
}

// HaveTool reports whether an outside program is installed. Under
// CEVIRI_REQUIRE_TOOLS=1 (set by .ci/run) a missing program fails the test.
func HaveTool(t *testing.T, prog string) bool {
	if _, err := exec.LookPath(prog); err == nil {
		return true
	}
	if os.Getenv("CEVIRI_REQUIRE_TOOLS") == "1" {
		t.Errorf("%s is not installed and CEVIRI_REQUIRE_TOOLS=1 (install it: see .ci/run)", prog)
		return false
	}
	t.Logf("SKIP: %s is not installed (on %s); tests that need it are skipped", prog, runtime.GOOS)
	return false
}
