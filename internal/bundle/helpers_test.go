package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/project"
	"golang.org/x/net/html"
)

// copySample copies testdata/sample (the repository's sample project, frozen
// here so that golden files do not move when the sample does) to a temporary
// directory, with extra files laid over it, and returns its path.
func copySample(t testing.TB, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("testdata/sample", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/sample", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, extra)
	return dir
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
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

// build opens the project at dir and builds it into out.
func build(t testing.TB, dir, out string, opts Options) (*Result, error) {
	t.Helper()
	p, err := project.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts.Out = out
	if opts.Version == "" {
		opts.Version = "test"
	}
	if opts.BaseURL == "" {
		opts.BaseURL = p.Config.Build.BaseURL
	}
	return Build(p, opts)
}

func mustBuild(t testing.TB, dir, out string, opts Options) *Result {
	t.Helper()
	res, err := build(t, dir, out, opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

// tree returns every file under dir (but WorkDir) with the hash of its
// bytes, by slash path.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if rel == WorkDir {
				return fs.SkipDir
			}
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffTrees lists the paths whose content differs between two trees.
func diffTrees(a, b map[string]string) []string {
	var diff []string
	for p, h := range a {
		if b[p] != h {
			diff = append(diff, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			diff = append(diff, p)
		}
	}
	sort.Strings(diff)
	return diff
}

// voidElements have no end tag in HTML.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// checkHTML reports what is wrong with a page: an element that is not
// closed, an end tag that closes something else, not exactly one <h1>, a
// <script> element, or an event-handler attribute. It reads the tokens
// strictly (where a browser would silently repair) and also parses the
// page as a browser does.
func checkHTML(data []byte) []string {
	var problems []string
	z := html.NewTokenizer(bytes.NewReader(data))
	var stack []string
	h1 := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				problems = append(problems, z.Err().Error())
			}
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken:
			if tok.Data == "h1" {
				h1++
			}
			if tok.Data == "script" {
				problems = append(problems, "a <script> element")
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					problems = append(problems, "an event handler attribute "+a.Key)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					problems = append(problems, "a javascript: link")
				}
			}
			if !voidElements[tok.Data] {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				problems = append(problems, "</"+tok.Data+"> closes <"+strings.Join(stack, "><")+">")
				continue
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		problems = append(problems, "unclosed: <"+strings.Join(stack, "><")+">")
	}
	if h1 != 1 {
		problems = append(problems, fmt.Sprintf("want one <h1>, have %d", h1))
	}
	if _, err := html.Parse(bytes.NewReader(data)); err != nil {
		problems = append(problems, err.Error())
	}
	return problems
}
