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
)

// TestKillHelper is not a test: TestKillMidBuild runs the test binary again
// with CEVIRI_KILL_AT set, and this function then builds and kills its own
// process with SIGKILL at that point, as kill -9 would.
func TestKillHelper(t *testing.T) {
	at := os.Getenv("CEVIRI_KILL_AT")
	if at == "" {
		t.Skip("helper process of TestKillMidBuild; runs only when that test starts it")
	}
	die := func() { _ = syscall.Kill(os.Getpid(), syscall.SIGKILL) }
	opts := Options{Workers: 1}
	if n, ok := strings.CutPrefix(at, "page:"); ok {
		k, _ := strconv.Atoi(n)
		opts.Progress = func(n, _ int) {
			if n == k {
				die()
			}
		}
	} else {
		opts.BeforeSwap = die
	}
	_, err := build(t, os.Getenv("CEVIRI_KILL_DIR"), os.Getenv("CEVIRI_KILL_OUT"), opts)
	t.Fatalf("the build was not killed (err = %v)", err)
}

// TestKillMidBuild kills builds part-way (while rendering pages, and with
// every page staged just before the swap) and checks that the previous
// bundles are left exactly as they were, and that the next build cleans up
// and completes.
func TestKillMidBuild(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("articles/a%02d/tr.md", i)] = fmt.Sprintf("---\ntitle: Makale %d\ndate: 2025-01-%02d\n---\n\nMetin %d.\n", i, i%28+1, i)
	}
	dir := copySample(t, files)
	out := filepath.Join(t.TempDir(), "dist")
	mustBuild(t, dir, out, Options{Archive: "tar.gz"})
	old := tree(t, out)
	for name, content := range files {
		files[name] = strings.Replace(content, "Metin", "Yeni metin", 1)
	}
	writeFiles(t, dir, files)

	for _, at := range []string{"page:5", "page:60", "swap"} {
		t.Run(at, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
			cmd.Env = append(os.Environ(), "CEVIRI_KILL_AT="+at, "CEVIRI_KILL_DIR="+dir, "CEVIRI_KILL_OUT="+out)
			outb, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("helper was not killed: %v\n%s", err, outb)
			}
			if d := diffTrees(old, tree(t, out)); len(d) > 0 {
				t.Errorf("after kill -9 at %s the output differs from the previous bundles in %v", at, d)
			}
			if at != "swap" {
				if _, err := os.Stat(filepath.Join(out, WorkDir, "next-tr", "manifest.json")); err == nil {
					t.Errorf("a tree killed while being written still has a manifest the next build would trust")
				}
			}
		})
	}

	mustBuild(t, dir, out, Options{Archive: "tar.gz"})
	if left, _ := filepath.Glob(filepath.Join(out, WorkDir, "*.tmp")); len(left) != 0 {
		t.Errorf("the next build left %v", left)
	}
	fresh := filepath.Join(t.TempDir(), "dist")
	mustBuild(t, dir, fresh, Options{Archive: "tar.gz"})
	if d := diffTrees(tree(t, fresh), tree(t, out)); len(d) > 0 {
		t.Errorf("the build after the kills differs from a fresh build in %v", d)
	}
	page, _ := os.ReadFile(filepath.Join(out, "tr/a07/index.html"))
	if !strings.Contains(string(page), "Yeni metin 7") {
		t.Errorf("the new bundle was not swapped in")
	}
}
