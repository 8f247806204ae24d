package cli

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
)

// Without the git program, --from-git and --from-field are usage errors
// that say so (exit 2), before anything is read.
func TestAdoptWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	p, err := project.New(t.TempDir(), fstest.MapFS{}, []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range []adoptFrom{{git: true}, {field: "default_lang_commit"}} {
		_, err := adopt(context.Background(), p, nil, from)
		var ue *diag.UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "reads git history, and there is none here") || !strings.Contains(err.Error(), "git is not installed") {
			t.Errorf("adopt(%+v) without git = %v, want a usage error saying there is no history", from, err)
		}
	}
}

func TestFieldAt(t *testing.T) {
	doc, err := frontmatter.Parse("tr.md", []byte("---\ntitle: HTML\nL10N:\n  SourceCommit: abc1234\n  list: [1]\nflat: 1234abcd\nempty:\n---\nGövde.\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string // the value; "<nil>" when there is none
		line int
	}{
		{"l10n.sourceCommit", "abc1234", 4}, // keys match ignoring case, as in Hugo
		{"flat", "1234abcd", 6},
		{"empty", "", 7},
		{"l10n.missing", "<nil>", 0},
		{"title.sub", "<nil>", 0}, // a scalar has no entries
		{"l10n.list.x", "<nil>", 0},
		{"nothing", "<nil>", 0},
	}
	for _, tt := range tests {
		n := fieldAt(doc, tt.path)
		got := "<nil>"
		if n != nil {
			got = n.Value
		}
		if got != tt.want || (n != nil && n.Line != tt.line) {
			t.Errorf("fieldAt(%q) = %q (line %d), want %q (line %d)", tt.path, got, lineOf(n), tt.want, tt.line)
		}
	}
	if fieldAt(nil, "flat") != nil {
		t.Error("fieldAt of a file without front matter: not nil")
	}
}

func lineOf(n *frontmatter.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

func TestAdoptFromCheck(t *testing.T) {
	for path, ok := range map[string]bool{"": true, "default_lang_commit": true, "l10n.sourceCommit": true, "l10n..x": false, ".x": false, "x.": false, " ": false} {
		if err := (adoptFrom{field: path}).check(); (err == nil) != ok {
			t.Errorf("check(%q) = %v, want ok %v", path, err, ok)
		}
	}
}
