package glossary

import (
	"strings"
	"testing"
)

// matchGlossary is the glossary of the matching tests: Turkish first, as
// a Turkish site writes it.
const matchGlossary = `tr,en,note
rektör,rector,
kitap,book,
renk,colour,
ağaç,tree,
kanat,wing,
kaynak,source,
ağ,network,
konteyner,container,
Kubernetes,Kubernetes,
İstanbul,Istanbul,
yük dengeleyici,load balancer,
işletim sistemi,operating system,
iş yükü,workload,
hizmet ağı,service mesh,
CI/CD,CI/CD,
bağımlılık,dependency,
Go,Go,case-sensitive
Müller,Müller,case-sensitive
API,API,do not translate
`

func TestMatchTurkish(t *testing.T) {
	g, err := ParseCSV("glossary.csv", []byte(matchGlossary), []string{"tr", "en"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, term string
		want       bool
	}{
		// Suffixes.
		{"Rektör geldi.", "rektör", true},
		{"Rektörün konuşması", "rektör", true},
		{"rektörlüğe atandı", "rektör", true},
		{"rektörlüğün kararı", "rektör", true},
		{"Rektörler toplandı", "rektör", true},
		{"rektörümüzden bir mesaj", "rektör", true},
		{"REKTÖRLERİMİZİN", "rektör", true},
		{"rektöre", "rektör", true},
		{"rektördeki", "rektör", true},
		// Not inside another word.
		{"direktör geldi", "rektör", false},
		{"Direktörün odası", "rektör", false},
		{"rektörxyz", "rektör", false},
		{"korektör", "rektör", false},
		// Consonant softening before a vowel.
		{"kitabı okudu", "kitap", true},
		{"kitabın kapağı", "kitap", true},
		{"kitaplar", "kitap", true},
		{"kitapta", "kitap", true},
		{"kitablar", "kitap", false}, // softened before a consonant
		{"rengi güzel", "renk", true},
		{"renkler", "renk", true},
		{"ağacın gölgesi", "ağaç", true},
		{"ağaçlar", "ağaç", true},
		{"kanadı kırık", "kanat", true},
		{"kaynağı belirtin", "kaynak", true},
		{"kaynakça", "kaynak", true},
		// A short word: never inside or before a non-suffix.
		{"ağ yapılandırması", "ağ", true},
		{"ağın adresi", "ağ", true},
		{"ağlar arasında", "ağ", true},
		{"ağdaki düğümler", "ağ", true},
		{"bağ kurmak", "ağ", false},
		{"ağaç dikmek", "ağ", false},
		{"ağır bir yük", "ağ", false},
		{"sağlık", "ağ", false},
		{"ağustos", "ağ", false},
		// Verbs made of a noun.
		{"konteynerleştirilmiş uygulamalar", "konteyner", true},
		{"konteynerleri çalıştırır", "konteyner", true},
		{"konteynerlerin", "konteyner", true},
		{"konteynır", "konteyner", false},
		// Names with an apostrophe, ' or ’.
		{"Kubernetes'in mimarisi", "Kubernetes", true},
		{"Kubernetes’te çalışır", "Kubernetes", true},
		{"Kubernetes'e taşıdık", "Kubernetes", true},
		{"Kubernetes'teki nesneler", "Kubernetes", true},
		{"Kubernetes'xyz", "Kubernetes", false},
		{"API'ye istek", "API", true},
		{"API’ları", "API", true},
		{"APIler", "API", true},
		{"Kapı açık", "API", false},
		// Turkish casing: İ and I.
		{"İSTANBUL'DA", "İstanbul", true},
		{"istanbul'da", "İstanbul", true},
		{"ISTANBUL", "İstanbul", false}, // I lowers to ı in Turkish
		// Multi-word terms, flexible white space, suffix on the last word.
		{"bir yük dengeleyici kullanın", "yük dengeleyici", true},
		{"yük\n  dengeleyicisi", "yük dengeleyici", true},
		{"yük dengeleyicilerin", "yük dengeleyici", true},
		{"yükün dengeleyicisi", "yük dengeleyici", false},
		{"yük, dengeleyici", "yük dengeleyici", false},
		{"hizmet ağına", "hizmet ağı", true},
		{"hizmet ağları", "hizmet ağı", true}, // the compound's possessive after the plural
		{"hizmet ağlarına", "hizmet ağı", true},
		{"hizmet ağ", "hizmet ağı", false},
		{"hizmet ağaçları", "hizmet ağı", false},
		{"işletim sistemlerine", "işletim sistemi", true},
		{"işletim sistemi'nin", "işletim sistemi", true},
		{"işletim sistemsiz", "işletim sistemi", false},
		{"iş yükleri", "iş yükü", true},
		{"iş yüklerinin", "iş yükü", true},
		{"iş yükler", "iş yükü", true},
		{"CI/CD hattı", "CI/CD", true},
		{"CI / CD", "CI/CD", true},
		{"CI CD", "CI/CD", false},
		{"bağımlılığı", "bağımlılık", true},
		{"bağımlılıklar", "bağımlılık", true},
		// Case-sensitive.
		{"Go ile yazıldı", "Go", true},
		{"Go'nun derleyicisi", "Go", true},
		{"go ile", "Go", false},
		{"GO", "Go", false},
		{"Mu\u0308ller'in kitabı", "Müller", true}, // NFD text, case-sensitive
		{"mu\u0308ller", "Müller", false},
		{"İSTANBUL'DA", "İstanbul", true},
	}
	for _, tt := range tests {
		t.Run(tt.text+"/"+tt.term, func(t *testing.T) {
			found := false
			for _, e := range g.Matches("tr", tt.text) {
				if e.Term("tr") == tt.term {
					found = true
				}
			}
			if found != tt.want {
				t.Errorf("Matches(%q) has %q: %v, want %v", tt.text, tt.term, found, tt.want)
			}
			var entry *Entry
			for _, e := range g.Entries {
				if e.Term("tr") == tt.term {
					entry = e
				}
			}
			if has := g.Read("tr", tt.text).Has(entry); has != tt.want {
				t.Errorf("Has(%q, %q) = %v, want %v", tt.text, tt.term, has, tt.want)
			}
		})
	}
}

func TestMatchEnglish(t *testing.T) {
	g, err := ParseCSV("glossary.csv", []byte(matchGlossary), []string{"tr", "en"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, term string
		want       bool
	}{
		{"Run the container.", "container", true},
		{"Containers share a kernel.", "container", true},
		{"the container's image", "container", true},
		{"containerd is a runtime", "container", false},
		{"a load balancer", "load balancer", true},
		{"load balancers", "load balancer", true},
		{"load-balancer", "load balancer", true},
		{"load. Balancer", "load balancer", false},
		{"dependencies", "dependency", true},
		{"dependency", "dependency", true},
		{"the network's edge", "network", true},
		{"networking", "network", false},
		{"İstanbul", "Istanbul", false}, // English lowers İ to i̇
		{"ISTANBUL", "Istanbul", true},
		{"the rector's office", "rector", true},
		{"a director", "rector", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			found := false
			for _, e := range g.Matches("en", tt.text) {
				if e.Term("en") == tt.term {
					found = true
				}
			}
			if found != tt.want {
				t.Errorf("Matches(%q) has %q: %v, want %v", tt.text, tt.term, found, tt.want)
			}
		})
	}
}

func TestTurkishSuffixes(t *testing.T) {
	for s, want := range map[string]bool{
		"ün": true, "lüğe": true, "lerin": true, "leştirilmiş": true, "in": true, "te": true, "teki": true,
		"": false, "aç": false, "ır": false, "xyz": false, "ustos": false,
		"lerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerlerler": false, // longer than maxSuffixBytes
	} {
		if got := turkishSuffixes(s); got != want {
			t.Errorf("turkishSuffixes(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLongestMatch(t *testing.T) {
	g, err := ParseCSV("glossary.csv", []byte("en,tr,note\ncloud,bulut,\ncloud native,,do not translate\ncontainer,konteyner,\ncontainer image,konteyner imajı,\n"), []string{"tr", "en"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"cloud native apps", "cloud native"},
		{"Cloud-native apps in the cloud", "cloud|cloud native"},
		{"a container image", "container image"},
		{"a container image in a container", "container|container image"},
		{"clouds", "cloud"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range g.Matches("en", tt.text) {
			got = append(got, e.Term("en"))
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Matches(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestMatchLongText bounds the work on a long hostile text: many
// overlapping occurrences of nested terms.
func TestMatchLongText(t *testing.T) {
	g, err := ParseCSV("glossary.csv", []byte("en,tr\ncloud,bulut\ncloud native,cloud native\nnative cloud,x\n"), []string{"tr", "en"})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("cloud native ", 50_000)
	if got := len(g.Matches("en", text)); got != 2 {
		t.Errorf("%d entries, want 2 (cloud native and native cloud)", got)
	}
}
