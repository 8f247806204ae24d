package project_test

import (
	"path/filepath"
	"testing"

	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/project"
)

// BenchmarkParse parses one typical language version: front matter,
// record, fields, body segments, fingerprint and words.
func BenchmarkParse(b *testing.B) {
	p := open(b, 1)
	data := corpusgen.Sample(1, 1)
	f := project.File{ID: "a", Lang: "tr", Path: "articles/a/tr.md"}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if v := project.Parse(f, data, p.Config); v.Err != nil {
			b.Fatal(v.Err)
		}
	}
}

// BenchmarkLoad scans and loads a generated project of 200 articles (about
// 390 files) with one worker per CPU, as every command does.
func BenchmarkLoad(b *testing.B) {
	p := open(b, 200)
	for b.Loop() {
		files, errs := p.Scan()
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		p.Load(files)
	}
}

func open(b *testing.B, n int) *project.Project {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "p")
	if _, err := corpusgen.Generate(corpusgen.Options{Dir: dir, Articles: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	p, err := project.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	return p
}
