package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// Commands for the hostile-input and fault scripts (issue 11), which assert
// that a refused command changed nothing.
func init() {
	// treehash DIR...: print one line per DIR, "DIR sha256:<hex>", a hash of
	// every entry under it: path, type, permission bits, a file's bytes and
	// a symlink's target. The project's lock file (.ceviri/lock), the
	// .ceviri directory that holds it, and the rebuildable caches
	// (.ceviri/cache/) are left out: any command may create them. Save the output and compare it after the command:
	//
	//	treehash proj outside
	//	cp stdout before
	//	! exec ceviri ...
	//	treehash proj outside
	//	cmp stdout before
	scriptCmds["treehash"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) == 0 {
			ts.Fatalf("usage: treehash DIR...")
		}
		for _, dir := range args {
			sum, err := treeHash(ts.MkAbs(dir))
			ts.Check(err)
			fmt.Fprintf(ts.Stdout(), "%s %s\n", dir, sum)
		}
	}
	// tree DIR: list every entry under DIR as treehash sees it (to find what
	// differs when two hashes do not match).
	scriptCmds["tree"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: tree DIR")
		}
		lines, err := treeLines(ts.MkAbs(args[0]))
		ts.Check(err)
		for _, l := range lines {
			fmt.Fprintln(ts.Stdout(), l)
		}
	}
}

func treeHash(dir string) (string, error) {
	lines, err := treeLines(dir)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(strings.Join(lines, "\n")))), nil
}

func treeLines(dir string) ([]string, error) {
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == ".ceviri/lock" || rel == ".ceviri/cache" || strings.HasPrefix(rel, ".ceviri/cache/") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if rel == ".ceviri" && d.IsDir() {
			return nil // its entries are hashed
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			lines = append(lines, fmt.Sprintf("%s link %s", rel, target))
		case fi.IsDir():
			lines = append(lines, fmt.Sprintf("%s dir %o", rel, fi.Mode().Perm()))
		case fi.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			lines = append(lines, fmt.Sprintf("%s file %o %x", rel, fi.Mode().Perm(), sha256.Sum256(data)))
		default:
			lines = append(lines, fmt.Sprintf("%s %v", rel, fi.Mode().Type()))
		}
		return nil
	})
	sort.Strings(lines)
	return lines, err
}
