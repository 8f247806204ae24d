package tm

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

var trEN = Pair{"tr", "en"}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestExact(t *testing.T) {
	m := New()
	m.Add(trEN, Entry{Source: "YAZAR HAKKINDA", Target: "ABOUT THE AUTHOR", Article: "a", Date: day("2025-01-01")})
	m.Add(trEN, Entry{Source: "YAZAR  HAKKINDA", Target: "ABOUT THE WRITER", Article: "b", Date: day("2025-03-01")})
	m.Add(trEN, Entry{Source: "YAZAR HAKKINDA", Target: "ABOUT THE AUTHOR", Article: "c", Date: day("2025-02-01")})
	m.Add(trEN, Entry{Source: "İstanbul'da ışık", Target: "Light in Istanbul", Article: "d"})
	m.Add(trEN, Entry{Source: "", Target: "nothing"})
	tests := []struct {
		name, source string
		want         []string // targets, newest first
	}{
		{"same", "YAZAR HAKKINDA", []string{"ABOUT THE WRITER", "ABOUT THE AUTHOR"}},
		{"white space collapsed", "YAZAR\n HAKKINDA ", []string{"ABOUT THE WRITER", "ABOUT THE AUTHOR"}},
		{"NFD input", norm.NFD.String("İstanbul'da ışık"), []string{"Light in Istanbul"}},
		{"NFC input", "İstanbul'da ışık", []string{"Light in Istanbul"}},
		{"case differs: not exact", "yazar hakkında", nil},
		{"dotless differs: not exact", "Istanbul'da ışık", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range m.Exact(trEN, tt.source) {
				got = append(got, e.Target)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Exact(%q) = %q, want %q", tt.source, got, tt.want)
			}
		})
	}
	// A duplicate target keeps its newest date.
	es := m.Exact(trEN, "YAZAR HAKKINDA")
	if len(es) != 2 || es[1].Article != "c" || !es[1].Date.Equal(day("2025-02-01")) {
		t.Errorf("duplicate target kept as %+v, want article c of 2025-02-01", es)
	}
	if got := m.Exact(Pair{"en", "tr"}, "YAZAR HAKKINDA"); got != nil {
		t.Errorf("other direction: %v", got)
	}
}

func TestFuzzy(t *testing.T) {
	m := New()
	add := func(src, tgt string) { m.Add(trEN, Entry{Source: src, Target: tgt}) }
	add("Panelin video kaydı önümüzdeki hafta paylaşılacak.", "The panel's video will be shared next week.")
	add("Kampüste yapay zekâ üzerine bir panel düzenlendi.", "A panel on AI was held on campus.")
	add("İSTANBUL ÜNİVERSİTESİ", "ISTANBUL UNIVERSITY")
	add("Işık Üniversitesi rektörü konuştu.", "The rector of Işık University spoke.")
	for i := range 200 {
		add(fmt.Sprintf("Haber numarası %d bugün yayımlandı.", i), fmt.Sprintf("News item %d was published today.", i))
	}
	tests := []struct {
		name, source string
		score        int
		target       string
	}{
		{"exact", "Panelin video kaydı önümüzdeki hafta paylaşılacak.", 100, "The panel's video will be shared next week."},
		// 7 tokens (the full stop is one) with one substitution: 6/7, 85 %.
		{"one word changed", "Panelin video kaydı gelecek hafta paylaşılacak.", 85, "The panel's video will be shared next week."},
		{"Turkish case only", "istanbul üniversitesi", 99, "ISTANBUL UNIVERSITY"},
		// Without Turkish casing "I" would fold to "i", and "ışık" would differ.
		{"dotless I", "IŞIK ÜNİVERSİTESİ REKTÖRÜ KONUŞTU.", 99, "The rector of Işık University spoke."},
		{"NFD", norm.NFD.String("Işık Üniversitesi rektörü konuştu!"), 80, "The rector of Işık University spoke."},
		{"too different", "Bugün hava çok güzel.", 0, ""},
		{"numbers", "Haber numarası 7 dün yayımlandı.", 83, "News item 7 was published today."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := m.Lookup(trEN, tt.source, 3)
			if tt.score == 0 {
				if len(ms) > 0 {
					t.Fatalf("Lookup(%q) = %+v, want nothing", tt.source, ms)
				}
				return
			}
			if len(ms) == 0 {
				t.Fatalf("Lookup(%q): no match, want %d %%", tt.source, tt.score)
			}
			if ms[0].Score != tt.score || ms[0].Target != tt.target {
				t.Errorf("Lookup(%q) best = %d %% %q, want %d %% %q", tt.source, ms[0].Score, ms[0].Target, tt.score, tt.target)
			}
			if best := m.Best(trEN, tt.source); best != tt.score {
				t.Errorf("Best = %d, want %d", best, tt.score)
			}
		})
	}
}

func TestLowerTurkish(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"tr", "İSTANBUL IŞIK", "istanbul ışık"},
		{"tr-TR", "DİYARBAKIR", "diyarbakır"},
		{"en", "ISTANBUL", "istanbul"},
		{"az", "İI", "iı"},
	}
	for _, tt := range tests {
		if got := lower(tt.lang, tt.in); got != tt.want {
			t.Errorf("lower(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestBand(t *testing.T) {
	tests := []struct {
		score int
		want  string
	}{{100, "100"}, {99, "95-99"}, {95, "95-99"}, {94, "85-94"}, {85, "85-94"}, {84, "75-84"}, {75, "75-84"}, {74, "none"}, {0, "none"}}
	for _, tt := range tests {
		if got := Band(tt.score); got != tt.want {
			t.Errorf("Band(%d) = %q, want %q", tt.score, got, tt.want)
		}
	}
}

// TestFuzzyScoresOnlyCandidates checks that a lookup in a large memory of
// unrelated sources scores only the sources that share a rare token.
func TestFuzzyScoresOnlyCandidates(t *testing.T) {
	m := New()
	for i := range 20000 {
		m.Add(trEN, Entry{Source: fmt.Sprintf("kelime%d ve kelime%d ile bir cümle.", i, i+1), Target: "x"})
	}
	b := m.banks[trEN]
	b.build()
	q := "kelime5 ve kelime6 ile bir cümle!"
	got := b.fuzzy(Key(q))
	if len(got) != 1 || b.sources[got[0].id] != "kelime5 ve kelime6 ile bir cümle." {
		t.Fatalf("fuzzy(%q) = %+v", q, got)
	}
	// Prefix filtering: the rarest occurrence keys first. "ve", "ile",
	// "bir" and "cümle" are in every source, so the candidates come from
	// kelime5/kelime6 only.
	n := len(tokenize("tr", q))
	prefix := n - (MinFuzzy*n+99)/100 + 1
	if prefix > 3 {
		t.Errorf("prefix of %d keys for %d tokens", prefix, n)
	}
}

func TestRecordsRoundTrip(t *testing.T) {
	rs := []Record{
		{Article: "a", Pair: trEN, Stamp: "s1", Date: day("2025-11-14"), Pairs: [][2]string{{"Merhaba", "Hello"}, {"İyi", "Good"}}},
		{Article: "b/c", Pair: Pair{"en", "tr"}, Stamp: "s2", Pairs: [][2]string{}},
	}
	got, err := DecodeRecords(EncodeRecords(rs))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(rs) {
		t.Errorf("round trip:\n got %v\nwant %v", got, rs)
	}
	data := EncodeRecords(rs)
	for _, bad := range [][]byte{nil, []byte("x"), data[:len(data)-1], append(append([]byte{}, data...), 0)} {
		if _, err := DecodeRecords(bad); err == nil {
			t.Errorf("DecodeRecords(%q) took bad input", bad)
		}
	}
}

func TestEntriesOrder(t *testing.T) {
	m := New()
	m.Add(trEN, Entry{Source: "b", Target: "B1", Date: day("2025-01-01")})
	m.Add(trEN, Entry{Source: "a", Target: "A"})
	m.Add(trEN, Entry{Source: "b", Target: "B2", Date: day("2025-06-01")})
	var got []string
	for _, e := range m.Entries(trEN) {
		got = append(got, e.Source+"="+e.Target)
	}
	if strings.Join(got, " ") != "b=B2 b=B1 a=A" {
		t.Errorf("Entries = %v", got)
	}
}

func TestWithin(t *testing.T) {
	seq := func(s string) []int32 {
		out := make([]int32, len(s))
		for i, r := range s {
			out[i] = int32(r)
		}
		return out
	}
	tests := []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"abcdef", "abcdef", 0},
		{"abcdef", "badcfe", 4}, {"flaw", "lawn", 2}, {"abcdefgh", "hgfedcba", 8},
	}
	for _, tt := range tests {
		for k := 0; k <= 9; k++ {
			d, ok := within(seq(tt.a), seq(tt.b), k)
			if ok != (tt.d <= k) || (ok && d != tt.d) {
				t.Errorf("within(%q, %q, %d) = %d, %v; distance is %d", tt.a, tt.b, k, d, ok, tt.d)
			}
		}
		if d := distance(seq(tt.a), seq(tt.b)); d != tt.d {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.d)
		}
	}
	if _, ok := within([]int32{-1}, []int32{-1}, 0); ok {
		t.Error("unknown tokens matched")
	}
}

// TestLookupConcurrent: lookups may run from several goroutines once
// adding is done (pending analyses its items in parallel); run with -race.
func TestLookupConcurrent(t *testing.T) {
	m := New()
	for i := range 300 {
		m.Add(trEN, Entry{Source: fmt.Sprintf("Haber %d bugün kampüste yayımlandı.", i), Target: fmt.Sprint(i)})
	}
	done := make(chan int)
	for g := range 4 {
		go func() {
			n := 0
			for i := range 50 {
				n += m.Best(trEN, fmt.Sprintf("Haber %d dün kampüste yayımlandı.", g*50+i))
			}
			done <- n
		}()
	}
	for range 4 {
		if n := <-done; n != 50*83 {
			t.Errorf("scores add up to %d, want %d", n, 50*83)
		}
	}
}
