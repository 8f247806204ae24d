package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

func parseVersion(t *testing.T, path, text string) *project.Version {
	t.Helper()
	cfg, err := config.Default([]string{"tr", "en"})
	if err != nil {
		t.Fatal(err)
	}
	v := project.Parse(project.File{ID: "a", Lang: path[:2], Path: path}, []byte(text), cfg)
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	return v
}

const recTR = `---
title: Bahar şenliği
---

Şenlik cuma günü
başlayacak.

- Konser
- Tiyatro

Son paragraf.
`

const trEN = `---
title: Spring festival
translation:
  from: tr
  source_hash: sha256:0000000000000000000000000000000000000000000000000000000000000000
---

The festival starts
on Friday.

- Concert
- Theatre

Last paragraph.
`

// On a terminal the changed words are coloured and there are no brackets;
// elsewhere they are bracketed and there is no escape code.
func TestWriteDiffColor(t *testing.T) {
	rec := parseVersion(t, "tr.md", recTR)
	src := parseVersion(t, "tr.md", strings.Replace(recTR, "cuma", "cumartesi", 1))
	tr := parseVersion(t, "en.md", trEN)
	d := &diffJSON{ID: "a", Lang: "en", State: track.Stale, Path: "en.md", SourcePath: "tr.md",
		Changes: track.Describe(track.Compare(rec.Segments(), src.Segments()), rec, src, tr)}
	for _, tty := range []bool{true, false} {
		var out bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }, Now: time.Now, outTTY: tty}
		writeDiff(env, d)
		s := out.String()
		if tty {
			if !strings.Contains(s, "\x1b[31mcuma\x1b[0m\x1b[32mcumartesi\x1b[0m") || strings.Contains(s, "[-") {
				t.Errorf("terminal output not coloured:\n%q", s)
			}
		} else if strings.Contains(s, "\x1b[") || !strings.Contains(s, "[-cuma-]{+cumartesi+}") {
			t.Errorf("plain output:\n%q", s)
		}
	}
}

// With no git program at all, diff works from the stored copies and says
// plainly when a copy is missing.
func TestDiffWithoutGit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ceviri.yaml", "languages: [tr, en]\n")
	write("articles/a/tr.md", "---\ntitle: Bir\n---\n\nBir iki.\n")
	write("articles/a/en.md", "---\ntitle: One\n---\n\nOne two.\n")
	t.Setenv("PATH", t.TempDir())
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := Main(append([]string{"--root", dir}, args...), strings.NewReader(""), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	if code, _, e := run("done", "a", "--lang", "en"); code != 0 {
		t.Fatalf("done: exit %d: %s", code, e)
	}
	write("articles/a/tr.md", "---\ntitle: Bir\n---\n\nBir iki üç.\n")
	code, out, e := run("diff", "a", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Bir iki{+ üç+}.") || e != "" {
		t.Errorf("diff: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, e)
	}
	if err := os.RemoveAll(filepath.Join(dir, ".ceviri", "sources")); err != nil {
		t.Fatal(err)
	}
	code, out, e = run("diff", "a", "--lang", "en")
	if code != 2 || out != "" || !strings.Contains(e, "and there is no git history to recover it from") {
		t.Errorf("diff without copy: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, e)
	}
}
