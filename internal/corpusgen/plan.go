package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// block kinds of an article body.
const (
	bHeading = iota
	bParagraph
	bList
	bLinks
)

type block struct {
	kind  int
	n     int // words (paragraph), items (list), level (heading)
	num   int // a number both languages carry
	label int // a link target both languages carry
}

// plan is the language-independent shape of an article, so the source and
// its translation have the same structure, numbers and links.
type plan struct {
	id     string
	seed   uint64
	date   time.Time
	author string
	tags   []string
	blocks []block
}

func newPlan(r *rand.Rand, i int) *plan {
	p := &plan{
		id:     ID(i),
		seed:   r.Uint64(),
		date:   time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(4000)),
		author: names[r.IntN(len(names))],
	}
	for k := 0; k < 1+r.IntN(3); k++ {
		p.tags = append(p.tags, tags[r.IntN(len(tags))])
	}
	words := 0
	for words < 560 {
		if len(p.blocks)%4 == 0 {
			p.blocks = append(p.blocks, block{kind: bHeading, n: 2 + r.IntN(2)})
			words += 5
		}
		switch r.IntN(6) {
		case 0:
			b := block{kind: bList, n: 3 + r.IntN(3)}
			p.blocks = append(p.blocks, b)
			words += b.n * 10
		case 1:
			p.blocks = append(p.blocks, block{kind: bLinks, num: 1 + r.IntN(9999), label: r.IntN(1000)})
			words += 20
		default:
			b := block{kind: bParagraph, n: 45 + r.IntN(50), num: 10 + r.IntN(5000)}
			p.blocks = append(p.blocks, b)
			words += b.n
		}
	}
	return p
}

// record is a translation record to write.
type record struct {
	from, hash string
	draft      bool
}

// render writes the version of the article in lang. alt changes the text of
// the first paragraph, giving an older edit of the same article.
func (p *plan) render(lang string, rec *record, alt bool) []byte {
	gen := func(k int, lang string) *textGen {
		s := p.seed ^ uint64(k)*0x9e3779b97f4a7c15
		if lang == "en" {
			s ^= 0xe1
		}
		if alt && k == 1 {
			s ^= 0xa17
		}
		return &textGen{r: rand.New(rand.NewPCG(s, uint64(k))), lang: lang}
	}
	var b strings.Builder
	b.WriteString("---\n")
	head := gen(-1, lang)
	fmt.Fprintf(&b, "title: %q\n", strings.TrimSuffix(head.sentence(6+head.r.IntN(5)), "."))
	fmt.Fprintf(&b, "summary: %q\n", head.sentence(18+head.r.IntN(12)))
	if rec == nil {
		fmt.Fprintf(&b, "date: %s\n", p.date.Format("2006-01-02"))
		fmt.Fprintf(&b, "authors:\n  - name: %s\n", p.author)
		fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(p.tags, ", "))
	} else {
		fmt.Fprintf(&b, "translation:\n  from: %s\n  source_hash: %s\n", rec.from, rec.hash)
		if rec.draft {
			b.WriteString("  draft: true\n")
		}
	}
	b.WriteString("---\n")
	for k, bl := range p.blocks {
		g := gen(k, lang)
		if rec != nil && rec.draft && k%3 == 2 {
			g = gen(k, rec.from) // a draft still holds some of the source's text
		}
		b.WriteByte('\n')
		switch bl.kind {
		case bHeading:
			fmt.Fprintf(&b, "%s %s\n", strings.Repeat("#", bl.n), strings.TrimSuffix(g.sentence(3+g.r.IntN(4)), "."))
		case bParagraph:
			b.WriteString(g.paragraph(bl.n))
			fmt.Fprintf(&b, " %s\n", numberSentence(lang, bl.num))
		case bList:
			for j := 0; j < bl.n; j++ {
				fmt.Fprintf(&b, "- %s\n", g.sentence(6+g.r.IntN(8)))
			}
		case bLinks:
			fmt.Fprintf(&b, "%s [%s](/%s/%s/) %s [%s](https://example.org/rapor/%d).\n",
				g.sentence(5), g.word(), lang, p.id, g.word(), g.word(), bl.label)
		}
	}
	return []byte(b.String())
}

// numberSentence carries the same number in both languages.
func numberSentence(lang string, n int) string {
	if lang == "tr" {
		return fmt.Sprintf("Toplam %d kişi katıldı.", n)
	}
	return fmt.Sprintf("In total %d people took part.", n)
}
