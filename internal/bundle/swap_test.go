//go:build unix

package bundle

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/ceviri/ceviri/internal/safefile"
)

// TestSwapKillHelper is not a test: TestKillEverySwapStep runs the test
// binary again with CEVIRI_SWAP_KILL_AT=N, and this function then builds
// and kills its own process at the Nth change to the output directory.
func TestSwapKillHelper(t *testing.T) {
	at := os.Getenv("CEVIRI_SWAP_KILL_AT")
	if at == "" {
		t.Skip("helper process of TestKillEverySwapStep; runs only when that test starts it")
	}
	k, _ := strconv.Atoi(at)
	n := 0
	fault := func(op, name string) error {
		if n++; n == k {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
		return nil
	}
	_, err := build(t, os.Getenv("CEVIRI_KILL_DIR"), os.Getenv("CEVIRI_KILL_OUT"), Options{Workers: 1, Archive: "zip", Fault: fault})
	t.Fatalf("the build was not killed at step %d of %d (err = %v)", k, n, err)
}

// TestKillEverySwapStep kills a two-language build at every change it makes
// to the output directory in turn (making the trees, the swap journal, each
// language's exchange, the archives), then lets the next build's recovery
// run, and requires the output to be the previous build's bundles or the
// new ones, never a mix (issue 11: the swap is all or nothing).
func TestKillEverySwapStep(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("articles/a%02d/tr.md", i)] = fmt.Sprintf("---\ntitle: Makale %d\ndate: 2025-01-%02d\n---\n\nMetin %d.\n", i, i+1, i)
	}
	dir := copySample(t, files)
	newer := map[string]string{}
	for name, content := range files {
		newer[name] = strings.Replace(content, "Metin", "Yeni metin", 1)
	}
	// The two outputs every kill must leave one of.
	oldOut, newOut := filepath.Join(t.TempDir(), "old"), filepath.Join(t.TempDir(), "new")
	mustBuild(t, dir, oldOut, Options{Archive: "zip"})
	writeFiles(t, dir, newer)
	mustBuild(t, dir, newOut, Options{Archive: "zip"})
	oldTree, newTree := tree(t, oldOut), tree(t, newOut)
	writeFiles(t, dir, files)

	// How many steps a build over an earlier one takes.
	count := filepath.Join(t.TempDir(), "dist")
	mustBuild(t, dir, count, Options{Archive: "zip"})
	writeFiles(t, dir, newer)
	steps := 0
	mustBuild(t, dir, count, Options{Archive: "zip", Fault: func(string, string) error { steps++; return nil }})
	if steps < 10 {
		t.Fatalf("a build took only %d steps", steps)
	}
	for k := 1; k <= steps; k++ {
		t.Run(strconv.Itoa(k), func(t *testing.T) {
			writeFiles(t, dir, files)
			out := filepath.Join(t.TempDir(), "dist")
			mustBuild(t, dir, out, Options{Archive: "zip"})
			writeFiles(t, dir, newer)
			cmd := exec.Command(os.Args[0], "-test.run=^TestSwapKillHelper$", "-test.count=1")
			cmd.Env = append(os.Environ(), "CEVIRI_SWAP_KILL_AT="+strconv.Itoa(k), "CEVIRI_KILL_DIR="+dir, "CEVIRI_KILL_OUT="+out)
			b, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("helper was not killed: %v\n%s", err, b)
			}
			// What the next build does first: finish the swap.
			d, err := safefile.OpenDir(out)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			st, err := newStage(d)
			if err != nil {
				t.Fatal(err)
			}
			st.close()
			got := tree(t, out)
			dOld, dNew := diffTrees(oldTree, got), diffTrees(newTree, got)
			if len(dOld) > 0 && len(dNew) > 0 {
				t.Fatalf("killed at step %d of %d: the output is neither the old bundles (%v) nor the new (%v)", k, steps, dOld, dNew)
			}
			// And the next build completes and cleans up.
			mustBuild(t, dir, out, Options{Archive: "zip"})
			if d := diffTrees(newTree, tree(t, out)); len(d) > 0 {
				t.Fatalf("the build after the kill differs from a fresh one in %v", d)
			}
			if left, _ := filepath.Glob(filepath.Join(out, WorkDir, "*.tmp")); len(left) > 0 {
				t.Errorf("left %v", left)
			}
		})
	}
}
