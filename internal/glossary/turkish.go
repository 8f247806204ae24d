package glossary

import "strings"

// Turkish suffixes: enough morphology to tell "rektörlüğe" (rektör + lüğ +
// e) from "direktör" or "ağaç" (ağ + aç: no such suffix). A word of text
// matches a term when what follows the term in it reads as a chain of
// these suffixes. Vowel harmony is not checked (every variant is
// accepted): a translator's spelling is not this rule's business.
//
// Two states: after a noun (or a name) the nominal suffixes follow; la/le,
// laş/leş make a verb of it (konteyner-leş-tir-il-miş), after which the
// verbal suffixes follow until a tense or participle makes it nominal
// again. A verb suffix straight after a noun does not match (ağ + ır is
// ağır, "heavy", not a form of ağ).

// maxSuffixBytes bounds the suffix chain read after a term's word: longer
// than any real chain (konteynerleştirilemeyeceklerinden's is 34 bytes).
const maxSuffixBytes = 64

var (
	// nominal suffixes keep a noun a noun: plural, possessive, case,
	// copula and person, and the derivations -lı, -sız, -lık, -cı, -sal.
	nominal = strings.Fields(`
		lar ler
		ım im um üm m ın in un ün n ı i u ü sı si su sü
		ımız imiz umuz ümüz mız miz muz müz ınız iniz unuz ünüz nız niz nuz nüz
		yı yi yu yü nı ni nu nü
		a e ya ye na ne
		da de ta te nda nde
		dan den tan ten ndan nden
		nın nin nun nün
		la le yla yle
		ca ce ça çe nca nce
		ki
		dır dir dur dür tır tir tur tür
		ydı ydi ydu ydü dı di du dü tı ti tu tü
		ysa yse sa se ymış ymiş ymuş ymüş mış miş muş müş yken ken
		yım yim yum yüm sın sin sun sün ız iz uz üz yız yiz yuz yüz z
		sınız siniz sunuz sünüz
		lı li lu lü sız siz suz süz
		lık lik luk lük lığ liğ luğ lüğ
		cı ci cu cü çı çi çu çü
		sal sel
		ca ce`)
	// toVerb make a verb of a noun.
	toVerb = strings.Fields(`la le laş leş lan len lat let`)
	// verbal suffixes keep a verb a verb: voice, negation, ability.
	verbal = strings.Fields(`
		t dır dir dur dür tır tir tur tür
		ıl il ul ül l ın in un ün n ış iş uş üş
		ma me
		abil ebil yabil yebil`)
	// toNoun are tenses, participles and verbal nouns: a noun's suffixes
	// (person, case) follow.
	toNoun = strings.Fields(`
		yor ıyor iyor uyor üyor
		ır ir ur ür ar er r z
		acak ecek yacak yecek acağ eceğ yacağ yeceğ
		mış miş muş müş
		dı di du dü tı ti tu tü
		sa se ysa yse
		malı meli
		mak mek ma me
		ış iş uş üş yış yiş yuş yüş
		an en yan yen
		dık dik duk dük tık tik tuk tük dığ diğ duğ düğ tığ tiğ tuğ tüğ
		ıp ip up üp yıp yip yup yüp
		arak erek yarak yerek
		ınca ince unca ünce yınca yince
		mayan meyen`)
)

const (
	noun = iota
	verb
)

// byFirst indexes a list of suffixes by their first byte, so reading a
// position tries only the suffixes that can start there.
type byFirst [256][]string

func index(suffixes []string) *byFirst {
	var x byFirst
	for _, s := range suffixes {
		x[s[0]] = append(x[s[0]], s)
	}
	return &x
}

var (
	nominalIx, toVerbIx = index(nominal), index(toVerb)
	verbalIx, toNounIx  = index(verbal), index(toNoun)
)

// turkishSuffixes reports whether s is a chain of Turkish suffixes after a
// noun. It reads s once per state and position (a table of reachable
// states), so any input costs at most len(s) x the suffix count.
func turkishSuffixes(s string) bool {
	if s == "" || len(s) > maxSuffixBytes {
		return false
	}
	// reach[i][st]: s[:i] is a chain that ends in state st.
	var reach [maxSuffixBytes + 1][2]bool
	reach[0][noun] = true
	for i := 0; i < len(s); i++ {
		rest := s[i:]
		if reach[i][noun] {
			step(&reach, i, rest, nominalIx, noun)
			step(&reach, i, rest, toVerbIx, verb)
		}
		if reach[i][verb] {
			step(&reach, i, rest, verbalIx, verb)
			step(&reach, i, rest, toNounIx, noun)
		}
	}
	end := reach[len(s)]
	return end[noun] || end[verb]
}

func step(reach *[maxSuffixBytes + 1][2]bool, i int, rest string, x *byFirst, to int) {
	for _, suf := range x[rest[0]] {
		if strings.HasPrefix(rest, suf) {
			reach[i+len(suf)][to] = true
		}
	}
}
