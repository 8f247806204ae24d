package bundle

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ceviri/ceviri/internal/corpusgen"

	"github.com/ceviri/ceviri/internal/locale"
	"github.com/ceviri/ceviri/internal/project"
)

// BenchmarkRenderArticle renders one page of the sample (the tr version of
// a 600-word article: read, parse, Markdown, template, JSON).
func BenchmarkRenderArticle(b *testing.B) {
	dir := copySample(b, nil)
	p, err := project.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := p.Scan()
	arts, errs := loadArticles(p, files, 1, nil)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	tmpls, err := loadTemplates(p.FS)
	if err != nil {
		b.Fatal(err)
	}
	set, err := locale.Load(p.FS, p.Config.Locales, p.Config.Languages, p.Config.Tags)
	if err != nil {
		b.Fatal(err)
	}
	plans := makePlans(arts, p.Config.Languages, p.Config.Tags, nil, FallbackSource, 0)
	s, err := newSite(p, set, tmpls, plans, Options{Fallback: FallbackSource}, &warnings{})
	if err != nil {
		b.Fatal(err)
	}
	var e *entry
	for _, x := range s.langs["tr"].plan.entries {
		if x.a.ID == "ukraine-zelensky-meeting" {
			e = x
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := s.renderArticle(e, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild builds a generated two-language site of 1,000 articles
// (internal/corpusgen): a full build, and a rebuild after one article
// changed. The figures of docs/performance.md come from `make bench`, which
// runs the ceviri binary on larger sites.
func BenchmarkBuild(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := corpusgen.Generate(corpusgen.Options{Dir: dir, Articles: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.Run("full", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			mustBuild(b, dir, filepath.Join(b.TempDir(), "dist"), Options{Full: true})
		}
	})
	b.Run("incremental", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "dist")
		mustBuild(b, dir, out, Options{})
		file := filepath.Join(dir, "articles", corpusgen.ID(0), "tr.md")
		orig, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			writeFiles(b, dir, map[string]string{"articles/" + corpusgen.ID(0) + "/tr.md": string(orig) + fmt.Sprintf("\nEk paragraf %d.\n", i)})
			b.StartTimer()
			mustBuild(b, dir, out, Options{})
		}
	})
}
