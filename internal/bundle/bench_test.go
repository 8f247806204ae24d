package bundle

import (
	"testing"

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
	arts, errs := loadArticles(p, files, 1)
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
		if _, _, err := s.renderArticle(e); err != nil {
			b.Fatal(err)
		}
	}
}
