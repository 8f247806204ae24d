package align

import (
	"reflect"
	"testing"

	"github.com/ceviri/ceviri/internal/segment"
)

func seg(kind, text string) segment.Segment { return segment.Segment{Kind: kind, Text: text} }

func TestSegments(t *testing.T) {
	const (
		P = segment.Paragraph
		L = segment.ListItem
		H = segment.Heading
		C = segment.Code
	)
	tests := []struct {
		name    string
		src, tr []segment.Segment
		want    []int
	}{
		{"empty", nil, nil, []int{}},
		{"no translation", []segment.Segment{seg(P, "a")}, nil, []int{-1}},
		{"same shape pairs by position",
			[]segment.Segment{seg(H, "Başlık"), seg(P, "Bir"), seg(P, "İki")},
			[]segment.Segment{seg(H, "Title"), seg(P, "One"), seg(P, "Two")},
			[]int{0, 1, 2}},
		{"a list item left out of the translation",
			[]segment.Segment{seg(P, "Giriş"), seg(L, "Konser 2025"), seg(L, "Tiyatro [bilet](/tr/bilet)"), seg(P, "Son")},
			[]segment.Segment{seg(P, "Intro"), seg(L, "Theatre [tickets](/tr/bilet)"), seg(P, "End")},
			[]int{0, -1, 1, 2}},
		{"a paragraph split in two",
			[]segment.Segment{seg(P, "Ankara'da 2025'te 320 kişi katıldı; Arıkan konuştu."), seg(C, "make"), seg(P, "Son.")},
			[]segment.Segment{seg(P, "In Ankara 320 people came in 2025."), seg(P, "Arıkan spoke."), seg(C, "make"), seg(P, "End.")},
			[]int{0, 2, 3}},
		{"kinds never pair",
			[]segment.Segment{seg(H, "Başlık")},
			[]segment.Segment{seg(P, "Title")},
			[]int{-1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Segments(tt.src, tt.tr); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Segments = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzSegments(f *testing.F) {
	f.Add("pph", "ph", "Bir 2025", "One 2025")
	f.Add("lll", "ll", "a b c", "c")
	f.Fuzz(func(t *testing.T, kindsA, kindsB, textA, textB string) {
		kinds := map[byte]string{'p': segment.Paragraph, 'h': segment.Heading, 'l': segment.ListItem}
		mk := func(ks, text string) []segment.Segment {
			var out []segment.Segment
			for i := 0; i < len(ks) && i < 64; i++ {
				k, ok := kinds[ks[i]]
				if !ok {
					k = segment.Code
				}
				out = append(out, seg(k, text))
			}
			return out
		}
		src, tr := mk(kindsA, textA), mk(kindsB, textB)
		got := Segments(src, tr)
		if len(got) != len(src) {
			t.Fatalf("%d pairs for %d segments", len(got), len(src))
		}
		last := -1
		for i, j := range got {
			if j < 0 {
				continue
			}
			if j <= last || j >= len(tr) {
				t.Fatalf("pairs cross or overflow: %v", got)
			}
			if src[i].Kind != tr[j].Kind {
				t.Fatalf("src %d (%s) paired with tr %d (%s)", i, src[i].Kind, j, tr[j].Kind)
			}
			last = j
		}
	})
}
