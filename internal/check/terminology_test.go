package check

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/glossary"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

const termGlossary = `tr,en,note
rektör,rector,
kitap,book,
konteyner,container,
yük dengeleyici,load balancer,
Kubernetes,,do not translate
`

// termFindings runs the rule on a Turkish source and its English
// translation (bodies; the titles are given too).
func termFindings(t *testing.T, gl, trTitle, tr, enTitle, en string) []string {
	t.Helper()
	cfg, err := config.Parse("ceviri.yaml", []byte("languages: [tr, en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.ParseCSV("glossary.csv", []byte(gl), cfg.Languages)
	if err != nil {
		t.Fatal(err)
	}
	src := project.Parse(project.File{ID: "a", Lang: "tr", Path: "articles/a/tr.md"}, []byte("---\ntitle: "+trTitle+"\n---\n\n"+tr), cfg)
	dst := project.Parse(project.File{ID: "a", Lang: "en", Path: "articles/a/en.md"}, []byte("---\ntitle: "+enTitle+"\n---\n\n"+en), cfg)
	if src.Err != nil || dst.Err != nil {
		t.Fatalf("parse: %v %v", src.Err, dst.Err)
	}
	var out []string
	for _, f := range terminology(g, finder{id: "a", lang: "en", file: dst.Path}, src, dst) {
		out = append(out, f.File+":"+strconv.Itoa(f.Line)+": "+f.Message)
	}
	return out
}

func TestTerminology(t *testing.T) {
	tests := []struct {
		name                     string
		trTitle, tr, enTitle, en string
		want                     []string
	}{
		{name: "term translated", trTitle: "Rektörün mesajı", enTitle: "The rector's message",
			tr: "Rektörlüğe yeni bir isim atandı.\n", en: "A new name was appointed to the rector's office.\n"},
		{name: "term missing", trTitle: "Haber", enTitle: "News",
			tr: "Rektörlüğe yeni bir isim atandı.\n", en: "A new name was appointed to the office.\n",
			want: []string{`articles/a/en.md:5: the source's "rektör" (line 5) is "rector" in the glossary (line 2), which the translation does not use`}},
		{name: "title term missing", trTitle: "Rektörün mesajı", enTitle: "The president's message",
			tr: "Metin.\n", en: "Text.\n",
			want: []string{`articles/a/en.md:2: the source's "rektör" (line 2) is "rector" in the glossary (line 2), which the translation does not use`}},
		{name: "title kept as it is", trTitle: "Kubernetes rektör", enTitle: "Kubernetes rektör",
			tr: "Metin.\n", en: "Text.\n"},
		{name: "softened and suffixed", trTitle: "A", enTitle: "B",
			tr: "Kitabı okudunuz mu? Konteynerleştirilmiş uygulamalar.\n", en: "Did you read the books? Containerized... no: containers.\n"},
		{name: "do not translate kept", trTitle: "A", enTitle: "B",
			tr: "Kubernetes'in mimarisi.\n", en: "The architecture of Kubernetes.\n"},
		{name: "do not translate changed", trTitle: "A", enTitle: "B",
			tr: "Kubernetes’te bir konteyner.\n", en: "A container in Kubernetis.\n",
			want: []string{`articles/a/en.md:5: "Kubernetes" (source line 5) stays as it is in every language (glossary line 6), but the translation does not have it`}},
		{name: "term in a neighbouring paragraph", trTitle: "A", enTitle: "B",
			tr: "Bir.\n\nİki rektör.\n\nÜç.\n", en: "One, with the rector.\n\nTwo.\n\nThree.\n"},
		{name: "term three paragraphs away", trTitle: "A", enTitle: "B",
			tr: "Rektör.\n\nİki.\n\nÜç.\n\nDört.\n", en: "One.\n\nTwo.\n\nThree.\n\nThe rector.\n",
			want: []string{`articles/a/en.md:5: the source's "rektör" (line 5) is "rector" in the glossary (line 2), which the translation does not use`}},
		{name: "unpaired segment: the whole page", trTitle: "A", enTitle: "B",
			tr: "# Başlık\n\nBir yük dengeleyici.\n", en: "Uses a load balancer.\n"},
		{name: "multi-word term missing", trTitle: "A", enTitle: "B",
			tr: "Bir yük dengeleyicisi.\n", en: "A balancer of load.\n",
			want: []string{`articles/a/en.md:5: the source's "yük dengeleyici" (line 5) is "load balancer" in the glossary (line 5), which the translation does not use`}},
		{name: "inside another word is no use", trTitle: "A", enTitle: "B",
			tr: "Direktör geldi.\n", en: "The director came.\n"},
		{name: "code is not prose", trTitle: "A", enTitle: "B",
			tr: "```\nrektör\n```\n", en: "```\nrektör\n```\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := termFindings(t, termGlossary, tt.trTitle, tt.tr, tt.enTitle, tt.en)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestTerminologyRun: the rule runs through Run on current translations
// only, at warning severity, when Options.Glossary is set.
func TestTerminologyRun(t *testing.T) {
	cfg := "languages: [tr, en]\n"
	files := fstest.MapFS{
		"ceviri.yaml":      {Data: []byte(cfg)},
		"articles/a/tr.md": {Data: []byte("---\ntitle: Rektör\n---\n\nRektörün mesajı.\n")},
		"articles/a/en.md": {Data: []byte("---\ntitle: President\n---\n\nThe president's message.\n")},
	}
	p, err := project.New("/p", files, []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.ParseCSV("glossary.csv", []byte(termGlossary), p.Config.Languages)
	if err != nil {
		t.Fatal(err)
	}
	count := func(opts Options) (n int) {
		fs, errs := p.Scan()
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		arts := track.Analyze(p, project.Group(p.Load(fs)))
		for _, f := range Run(Input{Config: p.Config, Articles: arts, Options: opts}) {
			if f.Rule == Terminology {
				if f.Severity != Warning {
					t.Errorf("severity %s, want warning", f.Severity)
				}
				n++
			}
		}
		return n
	}
	// Untracked (no record): not current, not checked.
	if n := count(Options{Glossary: g}); n != 0 {
		t.Errorf("untracked translation: %d terminology findings, want 0", n)
	}
	src := project.Parse(project.File{ID: "a", Lang: "tr", Path: "articles/a/tr.md"}, files["articles/a/tr.md"].Data, p.Config)
	files["articles/a/en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: President\ntranslation: {from: tr, source_hash: \"" + src.Fingerprint + "\"}\n---\n\nThe president's message.\n")}
	if n := count(Options{}); n != 0 {
		t.Errorf("no glossary: %d findings, want 0", n)
	}
	if n := count(Options{Glossary: g}); n != 2 {
		t.Errorf("current translation: %d terminology findings, want 2 (title and body)", n)
	}
}
