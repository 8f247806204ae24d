package sequence

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestPatienceIsLCSOnUniqueKeys: past maxCells the common subsequence comes
// from patience; where every key is unique it is as long as the exact one.
func TestPatienceIsLCSOnUniqueKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		var a, b []string
		for i := 0; i < 40; i++ {
			if rng.IntN(4) > 0 {
				a = append(a, fmt.Sprint(i))
			}
			if rng.IntN(4) > 0 {
				b = append(b, fmt.Sprint(i))
			}
		}
		rng.Shuffle(len(b), func(i, j int) {
			if rng.IntN(8) == 0 {
				b[i], b[j] = b[j], b[i]
			}
		})
		exact, fast := Common(a, b), patience(a, b)
		if len(exact) != len(fast) {
			t.Fatalf("%v / %v: patience found %d common, the exact LCS %d", a, b, len(fast), len(exact))
		}
		for k := 1; k < len(fast); k++ {
			if fast[k][0] <= fast[k-1][0] || fast[k][1] <= fast[k-1][1] {
				t.Fatalf("patience pairs are not increasing: %v", fast)
			}
		}
	}
}

func TestCommon(t *testing.T) {
	tests := []struct {
		a, b []string
		want [][2]int
	}{
		{nil, nil, nil},
		{[]string{"a"}, nil, nil},
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}, [][2]int{{0, 0}, {1, 1}, {2, 2}}},
		{[]string{"a", "x", "c"}, []string{"a", "y", "c"}, [][2]int{{0, 0}, {2, 2}}},
		{[]string{"a", "b"}, []string{"b", "a"}, [][2]int{{1, 0}}}, // a tie skips a first
		{[]string{"x", "a", "b"}, []string{"a", "b", "y"}, [][2]int{{1, 0}, {2, 1}}},
	}
	for _, tt := range tests {
		if got := Common(tt.a, tt.b); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Common(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPairs(t *testing.T) {
	tests := []struct {
		src, tr []string
		want    []int
	}{
		{nil, nil, []int{}},
		{[]string{"h2", "p"}, nil, []int{-1, -1}},
		{[]string{"h2", "p", "p"}, []string{"h2", "p", "p"}, []int{0, 1, 2}},
		{[]string{"h2", "p", "list", "p"}, []string{"h2", "p", "p"}, []int{0, 1, -1, 2}},
		{[]string{"p"}, []string{"h2", "p"}, []int{1}},
	}
	for _, tt := range tests {
		if got := Pairs(tt.src, tt.tr); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Pairs(%q, %q) = %v, want %v", tt.src, tt.tr, got, tt.want)
		}
	}
}

func TestJaccard(t *testing.T) {
	set := func(ws ...string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[w] = true
		}
		return m
	}
	tests := []struct {
		a, b map[string]bool
		want float64
	}{
		{set(), set(), 0},
		{set("a"), set(), 0},
		{set("a", "b"), set("a", "b"), 1},
		{set("a", "b"), set("b", "c"), 1.0 / 3},
	}
	for _, tt := range tests {
		if got := Jaccard(tt.a, tt.b); got != tt.want {
			t.Errorf("Jaccard(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAffixes(t *testing.T) {
	for _, tt := range []struct {
		a, b     string
		pre, suf int
	}{
		{"abc", "abc", 3, 0},
		{"abxc", "abyc", 2, 1},
		{"aa", "aaa", 2, 0},
		{"", "ab", 0, 0},
		{"xbc", "ybc", 0, 2},
	} {
		pre, suf := Affixes(strings.Split(tt.a, ""), strings.Split(tt.b, ""))
		if tt.a == "" {
			pre, suf = Affixes(nil, strings.Split(tt.b, ""))
		}
		if pre != tt.pre || suf != tt.suf {
			t.Errorf("Affixes(%q, %q) = %d, %d; want %d, %d", tt.a, tt.b, pre, suf, tt.pre, tt.suf)
		}
	}
}
