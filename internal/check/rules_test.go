package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRulesListedAndEmitted fails when a rule id is declared but not in
// Rules (it could not be configured and would default silently), or is in
// Rules but no code of the package ever emits it.
func TestRulesListedAndEmitted(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{} // const name -> rule id
	used := map[string]int{}        // const name -> uses outside its declaration and Rules
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GenDecl:
				if n.Tok != token.CONST {
					return true
				}
				for _, spec := range n.Specs {
					vs := spec.(*ast.ValueSpec)
					if vs.Type != nil || len(vs.Values) != 1 {
						continue // Severity constants are typed
					}
					if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						id, _ := strconv.Unquote(lit.Value)
						if strings.Contains(id, "-") || id == "links" || id == "numbers" || id == "code" || id == "structure" || id == "untranslated" || id == "empty" || id == "terminology" {
							declared[vs.Names[0].Name] = id
						}
					}
				}
				return false
			case *ast.ValueSpec:
				return false
			case *ast.CompositeLit:
				// An entry of Rules: {ID, Severity, "summary"}.
				if len(n.Elts) == 3 {
					if _, ok := n.Elts[1].(*ast.Ident); ok {
						if lit, ok := n.Elts[2].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							return false
						}
					}
				}
			case *ast.Ident:
				used[n.Name]++
			}
			return true
		})
	}
	if len(declared) < 15 {
		t.Fatalf("found only %d rule constants: the test no longer reads the package right", len(declared))
	}
	listed := map[string]bool{}
	for _, r := range Rules {
		listed[r.ID] = true
	}
	for name, id := range declared {
		if !listed[id] {
			t.Errorf("rule %s (%q) is declared but not in Rules: it cannot be configured", name, id)
		}
		if used[name] == 0 {
			t.Errorf("rule %s (%q) is in Rules but never emitted", name, id)
		}
	}
}
