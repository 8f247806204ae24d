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
