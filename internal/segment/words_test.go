package segment

import "testing"

// The counts below were made by hand, word by word, the way a translator
// quoting a job would count them.
func TestCountWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"only space and punctuation", "  — ... !? ", 0},
		// Turkish.
		{"apostrophe suffix on a name", "İstanbul'da yağmur var.", 3},
		{"curly apostrophe", "Zelensky’nin açıklaması", 2},
		{"suffix on a proper noun", "Çağ Üniversitesi'nde düzenlenen panel", 4},
		{"decimal comma with thousands dot", "1.250,5 lira", 2},
		{"percentage before the number", "%40", 1},
		{"percentage with a suffix", "öğrencilerin %40'ının yanıtı", 3},
		{"number with a suffix", "1990'larda başladı", 2},
		{"time with a suffix", "Saat 18.30'da başlayan etkinlik", 4},
		{"date with dots", "03.12.2025 tarihinde", 2},
		{"long date", "3 Aralık 2025", 3},
		{"hyphenated Turkish word", "Soru-cevap bölümünde söz alan öğrenciler", 5},
		{"dotted capital I", "İrem TUFAN tarafından", 3},
		{"abbreviations", "Dr. Öğr. Üyesi Selin Arıkan", 5},
		{"e-mail address", "e-posta: haber@cag.edu.tr adresine yazın", 3},
		// English.
		{"contraction and decimal point", "It's 40% of 1,250.5 students.", 5},
		{"plural possessive", "The students' guide", 3},
		{"hyphenated names", "the Trump-Zelensky meeting", 3},
		{"hyphenated compound", "a state-of-the-art, AI-generated story", 4},
		{"time with colon", "began at 18:30 sharp", 4},
		{"date with slashes", "on 12/11/2025", 2},
		{"colon before a word", "Chapter 5:Intro", 3},
		{"spaced hyphen is not a join", "before - after", 2},
		{"URL", "Read https://reutersinstitute.politics.ox.ac.uk/digital-news-report/2025 today", 2},
		{"www URL", "see www.example.com/page for more", 3},
		{"ftp URL", "ftp://files.example.org/a.txt", 0},
		{"e-mail in English", "Write to news@example.edu or call", 4},
		{"Hugo shortcode", `{{< figure src="a.png" >}} caption text`, 2},
		{"number as one word", "all 320 seats", 3},
		{"currency symbol", "$5 fee", 2},
		{"emoji is no word", "great 👍 work", 2},
		{"non-breaking hyphen", "e\u2011posta", 1},
		{"NFD text", "Çag\u0306", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CountWords(tt.text); got != tt.want {
				t.Errorf("CountWords(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

// A sentence from the sample project, counted by hand.
func TestCountWordsSentence(t *testing.T) {
	s := "Panelin açılış konuşmasını yapan Dr. Öğr. Üyesi Selin Arıkan, etkinlik öncesinde 1.250 öğrenciyle yapılan bir ankete göre öğrencilerin %40'ının ödev ve haber yazarken"
	// Panelin açılış konuşmasını yapan Dr Öğr Üyesi Selin Arıkan (9) etkinlik
	// öncesinde 1.250 öğrenciyle yapılan bir ankete göre öğrencilerin
	// %40'ının (10) ödev ve haber yazarken (4) = 23
	if got, want := CountWords(s), 23; got != want {
		t.Errorf("CountWords = %d, want %d", got, want)
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"İstanbul'da", "1.250,5", "%40'ı", "a-b", "18:30", "x@y.z", "https://a.b/c", "-'-:/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := CountWords(s)
		if n < 0 || n > len(s) {
			t.Errorf("CountWords(%q) = %d, out of range", s, n)
		}
	})
}
