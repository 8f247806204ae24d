package segment_test

import (
	"testing"

	"github.com/ceviri/ceviri/internal/corpusgen"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/segment"
)

// TestFastBodyOnGeneratedCorpus checks Body against goldmark on articles of
// the benchmark corpus, which the fast path must accept for `make bench` to
// measure it.
func TestFastBodyOnGeneratedCorpus(t *testing.T) {
	for i := range 50 {
		doc, err := frontmatter.Parse("gen.md", corpusgen.Sample(i, 1))
		if err != nil {
			t.Fatal(err)
		}
		body := segment.Normalize(doc.Body)
		got := segment.Body(body, doc.BodyLine)
		want := segment.SlowBody(body, doc.BodyLine)
		if len(got) != len(want) {
			t.Fatalf("article %d: Body found %d segments, goldmark %d", i, len(got), len(want))
		}
		for j := range want {
			if got[j] != want[j] {
				t.Fatalf("article %d, segment %d: %+v, want %+v", i, j, got[j], want[j])
			}
		}
		if !segment.FastPathAccepts(body) {
			t.Errorf("article %d: the fast path refused a generated article", i)
		}
	}
}
