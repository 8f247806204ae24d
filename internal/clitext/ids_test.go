package clitext_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// messageCalls are the functions whose arguments at the indexes are message
// ids: those of clitext and diag everywhere, and a package's own helpers
// in that package (by directory relative to the module), named as called
// ("p.at") or by the method's name alone ("T" for tx.T and env.text().T);
// check's counted takes two. N asks for a plural message, every other a
// plain one.
var messageCalls = map[string]map[string][]int{
	"*": {"clitext.Msg": {0}, "clitext.NewError": {0}, "clitext.Wrap": {1}, "diag.Text": {3}, "diag.UsageText": {0}},
	// The command line's Printer methods and error helpers.
	"internal/cli": {"T": {0}, "N": {0}, "textErr": {0}, "usageText": {0}, "textWrap": {1}, "posText": {3}},
	// check's findings: finder.at and comparison.add (f.at, t.f.at,
	// c.add), structure's note.
	"internal/check":       {"f.at": {2}, "at": {2}, "c.add": {2}, "note": {1}, "counted": {0, 1}},
	"internal/config":      {"p.at": {1}},
	"internal/frontmatter": {"c.at": {1}},
}

// TestMessageIDsEverywhere checks that every message id a package of the
// module asks for is in the English message files, so that a mistyped id
// never prints as itself (TestMessageFiles checks that Turkish has the
// same ids).
func TestMessageIDsEverywhere(t *testing.T) {
	msgs, err := clitext.Forms("en")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, pattern := range []string{"../../internal/*/*.go", "../../cmd/*/*.go"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		dir := strings.TrimPrefix(filepath.ToSlash(filepath.Dir(name)), "../../")
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn, method string
			switch x := call.Fun.(type) {
			case *ast.Ident:
				fn, method = x.Name, x.Name
			case *ast.SelectorExpr:
				fn, method = x.Sel.Name, x.Sel.Name
				if pkg, ok := x.X.(*ast.Ident); ok {
					fn = pkg.Name + "." + fn
				}
			}
			at, ok := messageCalls["*"][fn]
			if !ok {
				at, ok = messageCalls[dir][fn]
			}
			if !ok {
				at = messageCalls[dir][method]
			}
			for _, i := range at {
				if i >= len(call.Args) {
					continue
				}
				lit, ok := call.Args[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				id, _ := strconv.Unquote(lit.Value)
				n++
				forms, ok := msgs[id]
				switch plural := slices.Contains(forms, "one"); {
				case !ok:
					t.Errorf("%s: message %q is not in the English message files", fset.Position(lit.Pos()), id)
				case method == "N" && !plural:
					t.Errorf("%s: N(%q): the message has no plural forms (one, other)", fset.Position(lit.Pos()), id)
				case method != "N" && plural:
					t.Errorf("%s: %s(%q): a plural message needs Printer.N", fset.Position(lit.Pos()), fn, id)
				}
			}
			return true
		})
	}
	// The command line alone asks for over 400: fewer means the scan
	// missed its calls.
	if n < 800 {
		t.Errorf("found %d message ids, want every package's (over 800)", n)
	}
	t.Logf("%d message ids checked", n)
}
