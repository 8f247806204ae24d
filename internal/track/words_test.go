package track

import (
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/segment"
)

func TestStaleCounts(t *testing.T) {
	tests := []struct {
		name, old, new string
		words, changed int
	}{
		{"same", "a b\n\nc\n", "a b\n\nc\n", 0, 0},
		{"changed paragraph owes its new words", "bir iki\n\nüç\n", "bir iki dört\n\nüç\n", 3, 1},
		{"added item", "p\n\n- x\n", "p\n\n- x\n- y z\n", 2, 1},
		{"removed owes nothing", "a b\n\nc d e\n", "a b\n", 0, 1},
		{"moved owes nothing", "a b\n\nc d e\n", "c d e\n\na b\n", 0, 1},
		{"all new", "", "bir iki\n\nüç\n", 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, c := StaleCounts(segment.Body([]byte(tt.old), 1), segment.Body([]byte(tt.new), 1))
			if w != tt.words || c != tt.changed {
				t.Errorf("StaleCounts = %d words, %d changes; want %d, %d", w, c, tt.words, tt.changed)
			}
		})
	}
}

// TestStaleCountsAgreesWithStatus: the counts from a recorded version found
// in git (StaleCounts) are those status gives from the stored copy.
func TestStaleCountsAgreesWithStatus(t *testing.T) {
	oldSrc := "---\ntitle: Başlık\n---\n\nBir iki üç.\n\n- bir\n\nSon paragraf.\n"
	newSrc := "---\ntitle: Yeni başlık\n---\n\nBir iki üç dört beş.\n\n- bir\n- iki üç\n"
	fpOld := fingerprintOf(t, oldSrc)
	p, arts := newProject(t, fstest.MapFS{
		"articles/a/tr.md":  {Data: []byte(newSrc)},
		"articles/a/en.md":  {Data: []byte("---\ntitle: T\ntranslation:\n  from: tr\n  source_hash: " + fpOld + "\n---\n\nOne.\n")},
		SnapshotPath(fpOld): {Data: []byte(oldSrc)},
	})
	v := arts[0].Versions["en"]
	if v.State != Stale {
		t.Fatalf("state = %s, want stale", v.State)
	}
	rec, err := LoadRecorded(p, arts[0].SourceFile, v.Parsed)
	if err != nil {
		t.Fatal(err)
	}
	words, changed := StaleCounts(rec.Segments(), arts[0].SourceFile.Segments())
	if words != *v.PendingWords || changed != *v.ChangedSegments {
		t.Errorf("StaleCounts = %d words, %d changes; status says %d, %d", words, changed, *v.PendingWords, *v.ChangedSegments)
	}
	if words == 0 || changed < 3 {
		t.Errorf("the test's edit should owe words in several segments: %d words, %d changes", words, changed)
	}
}
