package project

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/lockfile"
)

// TestErrorsInTurkish: the project's errors and warnings read as before in
// English and in Turkish for a Turkish reader. Fails on the code before
// they were ceviri's words (English in Turkish; no SkippedText,
// UnmatchedText, Skip.Reason).
func TestErrorsInTurkish(t *testing.T) {
	en, tr := clitext.New("en"), clitext.New("tr")
	empty := t.TempDir()
	_, noConfig := Open(empty)
	_, badTmpl := NewLayout("articles/{id}/{lng}.md", []string{"tr", "en"})
	_, noLangs := NewLayout("articles/{id}.md", []string{"tr", "en"})
	_, noTmpl := LayoutOf(&config.Config{Languages: []string{"en", "tr"}, Templates: map[string]string{"en": "a/{id}.md"}})
	tests := []struct {
		name   string
		err    error
		en, tr string
	}{
		{"not found", ErrNotFound,
			"not a ceviri project (no ceviri.yaml here or in any parent directory)",
			"bir ceviri projesi değil (ne burada ne de üst dizinlerden birinde ceviri.yaml var)"},
		{"no ceviri.yaml", noConfig,
			empty + ": no ceviri.yaml (run `ceviri init` to create one)",
			empty + ": ceviri.yaml yok (oluşturmak için `ceviri init` çalıştırın)"},
		{"unknown placeholder", badTmpl,
			`content template "articles/{id}/{lng}.md": unknown placeholder at "{lng}.md" (use {id} and {lang})`,
			`"articles/{id}/{lng}.md" içerik şablonunda bilinmeyen yer tutucu: "{lng}.md" ({id} ve {lang} kullanın)`},
		{"no {lang}", noLangs,
			`content template "articles/{id}.md" must contain {id} and {lang}`,
			`"articles/{id}.md" içerik şablonunda {id} ve {lang} bulunmalı`},
		{"no template", noTmpl, "content has no template for tr", "content alanında tr dili için şablon yok"},
		{"empty id", ValidID(""), "article id is empty", "makale kimliği boş"},
		{"absolute", ValidID("/a"),
			`article id "/a" is an absolute path; ids are relative, like 2025/ukraine-talks`,
			`"/a" makale kimliği mutlak bir yol; kimlikler 2025/ukraine-talks gibi göreli yollardır`},
		{"backslash", ValidID(`a\b`),
			`article id "a\\b" contains \; ids separate directories with /`,
			`"a\\b" makale kimliğinde \ var; kimliklerde dizinler / ile ayrılır`},
		{"escapes", ValidID("../x"),
			`article id "../x" would escape the content directory`,
			`"../x" makale kimliği içerik dizininin dışına çıkıyor`},
		{"empty part", ValidID("a//b"), `article id "a//b" has an empty path component`, `"a//b" makale kimliğinde boş bir yol bileşeni var`},
		{"hidden", ValidID("a/.b"),
			`article id "a/.b" has a hidden path component ".b"`,
			`"a/.b" makale kimliğinde gizli bir yol bileşeni var: ".b"`},
		{"control", ValidID("a\x01"), `article id "a\x01" contains a control character`, `"a\x01" makale kimliğinde bir denetim karakteri var`},
		{"utf-8", ValidID("a\xff"), `article id "a\xff" is not valid UTF-8`, `"a\xff" makale kimliği geçerli UTF-8 değil`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if got := en.Error(tt.err); got != tt.en || tt.err.Error() != tt.en {
				t.Errorf("English:\n%s\nwant\n%s", got, tt.en)
			}
			if got := tr.Error(tt.err); got != tt.tr {
				t.Errorf("Turkish:\n%s\nwant\n%s", got, tt.tr)
			}
		})
	}
}

// TestWarningsInTurkish: the reasons a file is skipped and the warnings of
// templates that match no file, in both languages; Skipped and Unmatched
// keep their English.
func TestWarningsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	cfg := &config.Config{Languages: []string{"en", "tr"}, Templates: map[string]string{"en": "content/{id}.md", "tr": "content/{id}.tr.md"}}
	l, err := LayoutOf(cfg)
	if err != nil {
		t.Fatal(err)
	}
	why, ok := l.SkippedText("content/about.html")
	if !ok || why.String() != l.Skipped("content/about.html") || why.String() != "not Markdown: ceviri reads .md, .markdown, .mdx" {
		t.Errorf("SkippedText = %q, %v; Skipped %q", why.String(), ok, l.Skipped("content/about.html"))
	}
	if got := tr.Text(why); got != "Markdown değil: ceviri yalnızca .md, .markdown, .mdx dosyalarını okur" {
		t.Errorf("Turkish: %q", got)
	}
	why, _ = l.SkippedText("content/a\x01b.md")
	if got := tr.Text(why); got != `"a\x01b" makale kimliğinde bir denetim karakteri var` {
		t.Errorf("Turkish: %q", got)
	}
	if _, ok := l.SkippedText("content/about.md"); ok || l.Skipped("content/about.md") != "" {
		t.Error("a Markdown page skipped")
	}

	files := []File{{ID: "a", Lang: "en", Path: "content/a.md"}}
	var got []string
	for _, w := range l.UnmatchedText(files, "en") {
		got = append(got, tr.Text(w))
	}
	if want := "tr dilinin içerik şablonuna (content/{id}.tr.md) hiçbir dosya uymuyor"; strings.Join(got, "\n") != want {
		t.Errorf("Turkish:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if got, want := strings.Join(l.Unmatched(files, "en"), "\n"), "the content template of tr (content/{id}.tr.md) matches no file"; got != want {
		t.Errorf("English:\n%s\nwant\n%s", got, want)
	}
	files = []File{{ID: "a", Lang: "tr", Path: "content/a.tr.md"}}
	if got, want := strings.Join(l.Unmatched(files, "en"), "\n"), "the content template of en (content/{id}.md) matches no file; every article's source is then another language's version: check the template"; got != want {
		t.Errorf("English:\n%s\nwant\n%s", got, want)
	}
	if got, want := tr.Text(l.UnmatchedText(files, "en")[0]), "en dilinin içerik şablonuna (content/{id}.md) hiçbir dosya uymuyor; her makalenin kaynağı bu durumda başka bir dildeki sürümü olur: şablonu denetleyin"; got != want {
		t.Errorf("Turkish:\n%s\nwant\n%s", got, want)
	}
	one, err := NewLayout("articles/{id}/{lang}.md", []string{"tr", "en"})
	if err != nil {
		t.Fatal(err)
	}
	files = []File{{ID: "a", Lang: "en", Path: "articles/a/en.md"}}
	if got, want := strings.Join(one.Unmatched(files, "tr"), "\n"), "no file of the source language tr matches the content template articles/{id}/tr.md; every article's source is then another language's version: check the template"; got != want {
		t.Errorf("English:\n%s\nwant\n%s", got, want)
	}
	if got, want := tr.Text(one.UnmatchedText(files, "tr")[0]), "articles/{id}/tr.md içerik şablonuna kaynak dil tr için hiçbir dosya uymuyor; her makalenin kaynağı bu durumda başka bir dildeki sürümü olur: şablonu denetleyin"; got != want {
		t.Errorf("Turkish:\n%s\nwant\n%s", got, want)
	}
}

// TestScanInTurkish: Scan's skipped files carry their reason in ceviri's
// words beside the English, and a symlink out of the project is an error
// in both languages.
func TestScanInTurkish(t *testing.T) {
	root := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ceviri.yaml", "languages: [tr, en]\n")
	write("articles/a/tr.md", "# A\n")
	write("articles/b/tr.html", "<p>b</p>\n")
	if err := os.Symlink(filepath.Join(root, "..", "outside.md"), filepath.Join(root, "articles", "a", "en.md")); err != nil {
		t.Skip(err)
	}
	p, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	_, errs := p.Scan()
	if len(errs) != 1 {
		t.Fatalf("errors %v, want one", errs)
	}
	want := "articles/a/en.md:1:1: symlink points outside the project or nowhere; ceviri reads only files inside " + root
	if errs[0].Error() != want {
		t.Errorf("English:\n%s\nwant\n%s", errs[0], want)
	}
	want = "articles/a/en.md:1:1: sembolik bağlantı projenin dışını ya da var olmayan bir yeri gösteriyor; ceviri yalnızca " + root + " içindeki dosyaları okur"
	if got := clitext.New("tr").Error(errs[0]); got != want {
		t.Errorf("Turkish:\n%s\nwant\n%s", got, want)
	}
	if len(p.Skipped) != 1 || p.Skipped[0].Why != "not Markdown: ceviri reads .md, .markdown, .mdx" || p.Skipped[0].Reason.String() != p.Skipped[0].Why {
		t.Errorf("Skipped %+v", p.Skipped)
	}
}

// TestLockTooLargeInTurkish: a lock file past its limit, in both languages.
func TestLockTooLargeInTurkish(t *testing.T) {
	fsys := fstest.MapFS{"ceviri.lock": {Data: []byte(strings.Repeat("#", lockfile.MaxSize+1))}}
	_, err := New("/p", fsys, []byte("languages: [tr, en]\n"))
	if err == nil || err.Error() != "ceviri.lock:1:1: lock file is larger than 64 MiB" {
		t.Fatalf("English: %v", err)
	}
	if got := clitext.New("tr").Error(err); got != "ceviri.lock:1:1: kilit dosyası 64 MiB'tan büyük" {
		t.Errorf("Turkish: %s", got)
	}
}

// FuzzValidID: whatever an id holds, ValidID accepts a relative, clean,
// slash-separated path without hidden or empty components, or refuses it
// with a message in ceviri's words that quotes it (or says it is empty) in
// both languages; the reason a skipped file gives is the same message.
func FuzzValidID(f *testing.F) {
	for _, s := range []string{"a", "2025/ukraine-talks", "kampüste-yapay-zekâ", "", "../x", "a/../../x", "/etc/x", "C:/x",
		"a//b", "./a", "a/.git", `a\b`, "a\x00b", "a\nb", "a\xff", "{{.ID}}", `{{"{{"}}`, "a/%s/%v", "\u202e"} {
		f.Add(s)
	}
	en, tr := clitext.New("en"), clitext.New("tr")
	f.Fuzz(func(t *testing.T, id string) {
		err := ValidID(id)
		if err == nil {
			for _, part := range strings.Split(id, "/") {
				if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") {
					t.Fatalf("accepted %q", id)
				}
			}
			return
		}
		te, ok := err.(*clitext.TextError)
		if !ok {
			t.Fatalf("%q: %T, want a *clitext.TextError", id, err)
		}
		e, r := en.Error(err), tr.Error(err)
		if e != err.Error() || r == "" || r == e {
			t.Fatalf("%q: English %q (Error %q), Turkish %q", id, e, err.Error(), r)
		}
		if id != "" && (!strings.Contains(e, strconv.Quote(id)) || !strings.Contains(r, strconv.Quote(id))) {
			t.Fatalf("%q: the id is not quoted in %q or %q", id, e, r)
		}
		if te.Text.ID == "" || en.Text(te.Text) != e {
			t.Fatalf("%q: text %+v", id, te.Text)
		}
	})
}

// deniedFS is a file system whose directory dir cannot be listed.
type deniedFS struct {
	fstest.MapFS
	dir string
}

func (d deniedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == d.dir {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadDir(name)
}

// TestScanErrorInTurkish: a directory Scan cannot list is a positioned
// error that keeps the system's error, so that its words are written in
// the reader's language; in English it reads as before. Fails on the code
// before (the system's error flattened to English text).
func TestScanErrorInTurkish(t *testing.T) {
	fsys := deniedFS{MapFS: fstest.MapFS{
		"articles/a/tr.md": {Data: []byte("# A\n")},
		"articles/b/tr.md": {Data: []byte("# B\n")},
	}, dir: "articles/b"}
	p, err := New("/p", fsys, []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files, errs := p.Scan()
	if len(files) != 1 || len(errs) != 1 {
		t.Fatalf("files %v, errors %v", files, errs)
	}
	if got, want := errs[0].Error(), "articles/b:1:1: permission denied"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	if got, want := clitext.New("tr").Error(errs[0]), "articles/b:1:1: izin verilmedi"; got != want {
		t.Errorf("Turkish %q, want %q", got, want)
	}
}
