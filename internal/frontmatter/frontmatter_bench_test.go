package frontmatter_test

import (
	"testing"

	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/frontmatter"
)

// BenchmarkParse splits and parses the front matter of a typical article
// (about 600 words of Turkish, docs/performance.md).
func BenchmarkParse(b *testing.B) {
	data := corpusgen.Sample(1, 1)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := frontmatter.Parse("a.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecord reads the translation record of a parsed translation.
func BenchmarkRecord(b *testing.B) {
	data := []byte("---\ntitle: \"Çağ Üniversitesi\"\ntranslation:\n  from: tr\n  source_hash: sha256:" +
		"ee46d6b2088e56cb05db420cc4768bb5a79c9d4b797d28ad38a21d9662ec6bce\n---\n\nBody.\n")
	d, err := frontmatter.Parse("a.md", data)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := d.Record(); err != nil {
			b.Fatal(err)
		}
	}
}

// slowPathFM is front matter that fastYAML leaves to yaml.v3 (a comment and
// an anchor), so that BenchmarkParseYAML measures the general path.
const slowPathFM = "---\n# Çeviri notu\ntitle: \"Çağ Üniversitesi'nde yapay zekâ\"\nsummary: >\n  Kampüste yapay zekâ\n  üzerine bir gün.\n" +
	"date: 2025-12-03\nauthors: &a\n  - name: Gülşen Öztürk\n    role: Editör\n  - name: Ali Veli\nreviewers: *a\n" +
	"tags: [yapay zekâ, kampüs, etkinlik]\nreferences:\n  - title: Rapor\n    publisher: Çağ\n    url: https://example.org/r\n" +
	"translation:\n  from: en\n  source_hash: sha256:ee46d6b2088e56cb05db420cc4768bb5a79c9d4b797d28ad38a21d9662ec6bce\n---\n\nGövde.\n"

// BenchmarkParseYAML parses front matter that takes the yaml.v3 path.
func BenchmarkParseYAML(b *testing.B) {
	data := []byte(slowPathFM)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := frontmatter.Parse("a.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSetRecord rewrites the record of a typical translation, as done
// does for each file.
func BenchmarkSetRecord(b *testing.B) {
	data := corpusgen.Sample(1, 1)
	d, err := frontmatter.Parse("a.md", data)
	if err != nil {
		b.Fatal(err)
	}
	r := frontmatter.Record{From: "en", SourceHash: "sha256:ee46d6b2088e56cb05db420cc4768bb5a79c9d4b797d28ad38a21d9662ec6bce"}
	for b.Loop() {
		if _, err := d.SetRecord(r); err != nil {
			b.Fatal(err)
		}
	}
}
