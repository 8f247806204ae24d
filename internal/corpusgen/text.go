package corpusgen

import (
	"math/rand/v2"
	"strings"
)

// Word lists of each language. The Turkish list holds every letter that
// Turkish adds to ASCII (ç ğ ı İ ö ş ü, upper and lower case), so the
// corpus exercises NFC, case mapping and word counting on real letters.
var words = map[string][]string{
	"tr": strings.Fields(`üniversite öğrenci öğretim görevlisi kütüphane sınav dönem akşam
		sabah haber gazete yazar editör çalışma araştırma sonuç açıklama toplantı görüşme
		şehir İstanbul İzmir Ankara Çağ ılık ışık ığdır değişiklik gelişme güvenlik sağlık
		eğitim bilgi yapay zekâ teknoloji araç kullanım sorumluluk öneri çözüm sorun süreç
		yönetim kurul başkan müdür bölüm fakülte kampüs etkinlik konferans salon katılımcı
		iletişim dergi yayın okur içerik çeviri dil İngilizce Türkçe kaynak değerlendirme
		önemli büyük küçük yeni eski genç yaşlı güçlü hızlı yavaş açık kapalı özgür
		söyledi belirtti açıkladı vurguladı düzenledi katıldı başladı tamamladı gösterdi
		öğrendi çözdü yazdı okudu sordu yanıtladı geliştirdi ölçtü seçti uyguladı
		ve ile için gibi kadar sonra önce ancak çünkü ayrıca özellikle şimdi bugün dün
		Şubat Mart Nisan Mayıs Haziran Ağustos Eylül Ekim Kasım Aralık Ocak Çarşamba Perşembe`),
	"en": strings.Fields(`university student lecturer library exam term evening morning news
		newspaper writer editor study research result statement meeting interview city
		Istanbul Izmir Ankara change development security health education information
		artificial intelligence technology tool use responsibility proposal solution problem
		process management board president director department faculty campus event
		conference hall participant communication magazine publication reader content
		translation language English Turkish source assessment important large small new
		old young strong fast slow open closed free said stated announced stressed
		organised attended began completed showed learned solved wrote read asked answered
		developed measured chose applied and with for like until after before but because
		also especially now today yesterday February March April May June August September
		October November December January Wednesday Thursday`),
}

// names of authors, Turkish on purpose in both languages.
var names = []string{"Ayşe Korkmaz", "İrem Tufan", "Kerem Yıldız", "Selin Arıkan", "Murat Demirtaş",
	"Gülşen Öztürk", "Çağlar Şahin", "Ümit Güneş", "Işıl Doğan", "Özge Çelik"}

var tags = []string{"kampüs", "eğitim", "sağlık", "teknoloji", "kültür", "spor", "ekonomi", "dünya", "şehir", "bilim"}

// textGen writes pseudo-prose in one language from a seeded source.
type textGen struct {
	r    *rand.Rand
	lang string
}

func (g *textGen) word() string {
	w := words[g.lang]
	return w[g.r.IntN(len(w))]
}

// sentence returns n words, capitalised, with a full stop. (Numbers are
// added by the plan, the same in both languages.)
func (g *textGen) sentence(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.word()
	}
	parts[0] = upperFirst(parts[0], g.lang)
	return strings.Join(parts, " ") + "."
}

// paragraph returns about n words in sentences, wrapped at about 100
// columns as editors do.
func (g *textGen) paragraph(n int) string {
	var sents []string
	for n > 0 {
		k := 6 + g.r.IntN(10)
		if k > n {
			k = n
		}
		sents = append(sents, g.sentence(k))
		n -= k
	}
	return wrap(strings.Join(sents, " "), 100)
}

// upperFirst upper-cases the first letter the way the language does: in
// Turkish i becomes İ and ı becomes I.
func upperFirst(s, lang string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	switch {
	case lang == "tr" && r[0] == 'i':
		r[0] = 'İ'
	case lang == "tr" && r[0] == 'ı':
		r[0] = 'I'
	default:
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

func wrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if col+1+len(w) > width {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}
