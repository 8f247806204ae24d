package segment_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/segment"
)

// body returns the Markdown body of a typical generated article.
func body(b *testing.B) []byte {
	data := corpusgen.Sample(1, 1)
	i := bytes.Index(data[3:], []byte("\n---\n"))
	if i < 0 {
		b.Fatal("sample has no front matter")
	}
	return data[3+i+5:]
}

// BenchmarkBody segments a typical article body (segments, plain text,
// word counts, hashes), which the one-pass path takes.
func BenchmarkBody(b *testing.B) {
	src := segment.Normalize(body(b))
	if !segment.FastPathAccepts(src) {
		b.Fatal("the fast path refuses the sample")
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		segment.Body(src, 1)
	}
}

// BenchmarkBodyGoldmark is BenchmarkBody through goldmark, the path of
// any Markdown the one-pass path refuses.
func BenchmarkBodyGoldmark(b *testing.B) {
	src := segment.Normalize(body(b))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		segment.SlowBody(src, 1)
	}
}

// BenchmarkHashes is BenchmarkBody without the texts, as status loads.
func BenchmarkHashes(b *testing.B) {
	src := segment.Normalize(body(b))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		segment.Hashes(src, 1)
	}
}

// BenchmarkNormalize checks and normalises a body already in NFC.
func BenchmarkNormalize(b *testing.B) {
	src := body(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		segment.Normalize(src)
	}
}

// BenchmarkFingerprint hashes the segments of a typical article.
func BenchmarkFingerprint(b *testing.B) {
	segs := segment.Body(segment.Normalize(body(b)), 1)
	for b.Loop() {
		segment.Fingerprint(segs)
	}
}

// BenchmarkCountWords counts the words of a paragraph of Turkish prose
// (the fast path) and of one with URLs and numbers (the full algorithm).
func BenchmarkCountWords(b *testing.B) {
	prose := strings.Repeat("Çağ Üniversitesi'nde düzenlenen panelde öğrenciler, yapay zekâ araçlarını tartıştı. ", 8)
	mixed := strings.Repeat("Ankete göre %40'ı 1.250,5 saat https://example.org/rapor kullandı; 18:30'da başladı. ", 8)
	for _, tt := range []struct{ name, text string }{{"prose", prose}, {"mixed", mixed}} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.text)))
			for b.Loop() {
				segment.CountWords(tt.text)
			}
		})
	}
}

// BenchmarkCollapse collapses the white space of a wrapped paragraph.
func BenchmarkCollapse(b *testing.B) {
	text := strings.Repeat("Çağ Üniversitesi'nde düzenlenen\npanelde öğrenciler  tartıştı.\n", 8)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		segment.Collapse(text)
	}
}
