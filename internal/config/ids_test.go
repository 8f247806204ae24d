package config_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// messageHelpers are the helpers that take a message id, with the index of
// the id among their arguments: config's parser.at (p.at) and
// frontmatter's checker.at (c.at). TestMessageIDsEverywhere in clitext
// knows only clitext's and diag's own functions.
var messageHelpers = map[string]int{"p.at": 1, "c.at": 1}

// TestHelperMessageIDs checks that every id passed to those helpers is in
// the English message files.
func TestHelperMessageIDs(t *testing.T) {
	forms, err := clitext.Forms("en")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, dir := range []string{".", "../frontmatter", "../locale", "../lockfile"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(node ast.Node) bool {
				call, ok := node.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn := ""
				switch x := call.Fun.(type) {
				case *ast.Ident:
					fn = x.Name
				case *ast.SelectorExpr:
					if id, ok := x.X.(*ast.Ident); ok {
						fn = id.Name + "." + x.Sel.Name
					}
				}
				i, ok := messageHelpers[fn]
				if !ok || i >= len(call.Args) {
					return true
				}
				lit, ok := call.Args[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				id, _ := strconv.Unquote(lit.Value)
				n++
				if _, ok := forms[id]; !ok {
					t.Errorf("%s: message %q is not in the English message files", fset.Position(lit.Pos()), id)
				}
				return true
			})
		}
	}
	if n == 0 {
		t.Error("no message ids found")
	}
}
