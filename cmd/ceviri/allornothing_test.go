package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/po"
)

// Issue 11: done, import, translate and new write all or nothing, across
// kill -9 and I/O errors. These tests run ceviri as a child process
// (runMainEnv), make it fail or die at each step of its writes in turn
// (CEVIRI_TEST_FAULT), let the next command recover, and require the
// project to be exactly as before the command or exactly as after it, with
// no temporary file left.

// runMainEnv makes the test binary run ceviri's main instead of the
// tests, for the child processes of these tests.
const runMainEnv = "CEVIRI_TEST_RUN_MAIN"

var long = flag.Bool("long", false, "run the long variants of the fault tests (2,000 articles)")

type result struct {
	code   int
	killed bool
	stderr string
}

func ceviri(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), runMainEnv+"=1", "NO_COLOR=1"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	return exitOf(t, err, stderr.String())
}

func exitOf(t *testing.T, err error, stderr string) result {
	t.Helper()
	r := result{stderr: stderr}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			r.killed = true
		}
		r.code = ee.ExitCode()
	default:
		t.Fatal(err)
	}
	return r
}

// project writes a project of n articles: a Turkish source and an English
// translation without a record (as an adopted site has) for each.
func project(t *testing.T, dir string, n int) {
	t.Helper()
	files := map[string]string{"ceviri.yaml": "languages: [tr, en]\n"}
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("articles/a%04d/tr.md", i)] = fmt.Sprintf("---\ntitle: Makale %d\ndate: 2025-12-03\n---\n\nBirinci paragraf %d.\n\nİkinci paragraf.\n", i, i)
		files[fmt.Sprintf("articles/a%04d/en.md", i)] = fmt.Sprintf("---\ntitle: Article %d\n---\n\nFirst paragraph %d.\n\nSecond paragraph.\n", i, i)
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if fi.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, fi.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// state is a project's tree as treehash sees it, and the temporary files
// of ceviri's writes found in it.
func state(t *testing.T, dir string) (string, []string) {
	t.Helper()
	sum, err := treeHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && (strings.Contains(fi.Name(), ".ceviri-") || fi.Name() == "journal.json") {
			left = append(left, p)
		}
		return nil
	})
	return sum, left
}

// faultLoop runs setup, then the command under CEVIRI_TEST_FAULT=mode:k
// for k = 1, 2, ... until a run completes without reaching step k, and
// checks every run as the package comment says.
func faultLoop(t *testing.T, mode string, setup func(dir string), args ...string) {
	ref := t.TempDir()
	setup(ref)
	before, _ := state(t, ref)
	if r := ceviri(t, ref, nil, args...); r.code != 0 {
		t.Fatalf("ceviri %v: exit %d\n%s", args, r.code, r.stderr)
	}
	ceviri(t, ref, nil, "status")
	after, _ := state(t, ref)
	if before == after {
		t.Fatalf("ceviri %v changed nothing", args)
	}
	step := 1
	if raceEnabled {
		step = 3
	}
	for k := 1; ; k += step {
		dir := t.TempDir()
		setup(dir)
		r := ceviri(t, dir, []string{"CEVIRI_TEST_FAULT=" + mode + ":" + fmt.Sprint(k)}, args...)
		if !strings.Contains(r.stderr, "test fault at step") {
			if r.code != 0 || k < 10 {
				t.Fatalf("step %d was not reached, yet: exit %d\n%s", k, r.code, r.stderr)
			}
			t.Logf("%s: %d steps, every %d %sed in turn", strings.Join(args, " "), k-1, step, mode)
			return
		}
		if mode == "fail" && r.code != 2 {
			// Past the last step, or past the commit point (the batch
			// is written, what is left the next command cleans up).
			if got, _ := state(t, dir); r.code == 0 && got != after {
				ceviri(t, dir, nil, "status")
				if got, _ := state(t, dir); got != after {
					t.Fatalf("fail at step %d: exit 0 but the project is not as after the command", k)
				}
			} else if r.code != 0 {
				t.Fatalf("fail at step %d: exit %d\n%s", k, r.code, r.stderr)
			}
			continue
		}
		if mode == "fail" && !strings.Contains(r.stderr, "input/output error") {
			t.Errorf("fail at step %d: the error does not say what failed:\n%s", k, r.stderr)
		}
		if mode == "fail" && !strings.Contains(r.stderr, "next ceviri command") {
			// Undone in the process: as before, at once.
			if got, left := state(t, dir); got != before || len(left) > 0 {
				t.Fatalf("fail at step %d: exit 2, but the project changed (left: %v)\n%s", k, left, r.stderr)
			}
		}
		// The next command (here status) finishes or undoes the batch.
		s := ceviri(t, dir, nil, "status")
		got, left := state(t, dir)
		if len(left) > 0 {
			t.Fatalf("%s at step %d: left %v\n%s", mode, k, left, s.stderr)
		}
		switch {
		case got == before:
		case got == after:
			if mode == "fail" {
				t.Fatalf("fail at step %d: exit 2, but the command's writes were made", k)
			}
		default:
			t.Fatalf("%s at step %d: the project is neither as before nor as after the command\n%s", mode, k, s.stderr)
		}
	}
}

func TestDoneAllOrNothing(t *testing.T) {
	setup := func(dir string) { project(t, dir, 4) }
	for _, mode := range []string{"kill", "fail"} {
		t.Run(mode, func(t *testing.T) { faultLoop(t, mode, setup, "done", "--all", "--lang", "en") })
	}
}

func TestNewAndTranslateAllOrNothing(t *testing.T) {
	setup := func(dir string) { project(t, dir, 1) }
	for _, mode := range []string{"kill", "fail"} {
		t.Run("new/"+mode, func(t *testing.T) { faultLoop(t, mode, setup, "new", "yeni/haber", "--date", "2025-12-03") })
		t.Run("translate/"+mode, func(t *testing.T) {
			setup := func(dir string) {
				project(t, dir, 1)
				os.Remove(filepath.Join(dir, "articles/a0000/en.md"))
			}
			faultLoop(t, mode, setup, "translate", "a0000", "--lang", "en")
		})
	}
}

// TestImportAllOrNothing: an import that creates missing translations and
// records them, killed or failed at every step.
func TestImportAllOrNothing(t *testing.T) {
	tmpl := t.TempDir()
	project(t, tmpl, 3)
	for _, name := range []string{"articles/a0000/en.md", "articles/a0002/en.md"} {
		os.Remove(filepath.Join(tmpl, name))
	}
	if r := ceviri(t, tmpl, nil, "export", "--lang", "en", "--format", "po", "-o", "../en.po"); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(tmpl, "..", "en.po"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := po.Read("en.po", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for i := range f.Entries {
		e := &f.Entries[i]
		e.Msgstr, e.Flags, e.PrevMsgid = []string{"EN " + e.Msgid}, nil, ""
	}
	var filled bytes.Buffer
	if err := po.Write(&filled, f); err != nil {
		t.Fatal(err)
	}
	setup := func(dir string) {
		copyTree(t, tmpl, dir)
		if err := os.WriteFile(filepath.Join(dir, "en.po"), filled.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, mode := range []string{"kill", "fail"} {
		t.Run(mode, func(t *testing.T) { faultLoop(t, mode, setup, "import", "en.po") })
	}
}

// TestKillDoneAllAtRandom kills `done --all` on 1,000 articles (2,000
// with -long) with SIGKILL at random moments of its run, as the probe did,
// and checks after each that the next command leaves every translation
// recorded or none, and no temporary file.
func TestKillDoneAllAtRandom(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("-short, or -race: kills at random moments are about timing, which the race detector changes")
	}
	n := 1000
	if *long {
		n = 2000
	}
	tmpl := t.TempDir()
	project(t, tmpl, n)
	ref := t.TempDir()
	copyTree(t, tmpl, ref)
	start := time.Now()
	if r := ceviri(t, ref, nil, "done", "--all", "--lang", "en"); r.code != 0 {
		t.Fatalf("done --all: %s", r.stderr)
	}
	took := time.Since(start)
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 11))
	t.Logf("done --all on %d articles took %v; kill times from seed %d", n, took, seed)
	var all, none int
	kills := 3
	if *long {
		kills = 10
	}
	for i := 0; i < kills; i++ {
		dir := t.TempDir()
		copyTree(t, tmpl, dir)
		cmd := exec.Command(os.Args[0], "done", "--all", "--lang", "en")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), runMainEnv+"=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		at := time.Duration(rng.Int64N(int64(took)))
		time.Sleep(at)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		r := exitOf(t, cmd.Wait(), "")
		s := ceviri(t, dir, nil, "status")
		if s.code != 0 {
			t.Fatalf("status after the kill: exit %d\n%s", s.code, s.stderr)
		}
		recorded, untracked := count(t, dir)
		t.Logf("kill after %v (killed: %v): then %d recorded, %d untracked; %s", at, r.killed, recorded, untracked, strings.TrimSpace(s.stderr))
		if recorded != 0 && untracked != 0 {
			t.Fatalf("kill after %v: %d translations recorded and %d not: not all or nothing", at, recorded, untracked)
		}
		if recorded == n {
			all++
		} else {
			none++
		}
		if _, left := state(t, dir); len(left) > 0 {
			t.Fatalf("kill after %v: left %v", at, left[:min(len(left), 5)])
		}
	}
	t.Logf("%d kills left every translation recorded, %d none", all, none)
}

// count reads every English file and counts those with a record.
func count(t *testing.T, dir string) (recorded, untracked int) {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "articles", "*", "en.md"))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("source_hash:")) {
			recorded++
		} else {
			untracked++
		}
	}
	return recorded, untracked
}
