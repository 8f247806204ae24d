package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the custom commands available to testscript files.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// replace FILE OLD NEW: replace the one occurrence of OLD in FILE by NEW
	// (Go-quoted escapes such as \n and \r are understood in OLD and NEW).
	"replace": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 3 {
			ts.Fatalf("usage: replace FILE OLD NEW")
		}
		name := ts.MkAbs(args[0])
		data, err := os.ReadFile(name)
		ts.Check(err)
		old, nw := unquote(args[1]), unquote(args[2])
		if n := strings.Count(string(data), old); n != 1 {
			ts.Fatalf("replace: %q occurs %d times in %s", old, n, args[0])
		}
		ts.Check(os.WriteFile(name, []byte(strings.Replace(string(data), old, nw, 1)), 0o644))
	},
	// copydir SRC DST: copy a directory tree (for the shared corpus).
	"copydir": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: copydir SRC DST")
		}
		src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
		ts.Check(filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			target := filepath.Join(dst, rel)
			if fi.IsDir() {
				return os.MkdirAll(target, 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}))
	},
}

func unquote(s string) string {
	r := strings.NewReplacer(`\n`, "\n", `\r`, "\r", `\t`, "\t", `\\`, `\`)
	return r.Replace(s)
}
