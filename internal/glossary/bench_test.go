package glossary

import (
	"fmt"
	"strings"
	"testing"
)

// benchGlossary has n entries: the matching tests' and made-up Turkish
// and English terms.
func benchGlossary(b *testing.B, n int) *Glossary {
	var sb strings.Builder
	sb.WriteString(matchGlossary)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "terim%d kavramı,term%d concept,\n", i, i)
	}
	g, err := ParseCSV("glossary.csv", []byte(sb.String()), []string{"tr", "en"})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

const benchParagraph = "Konteynerleştirilmiş uygulamalar Kubernetes'in zamanlayıcısıyla düğümlere yerleşir; " +
	"rektörlüğün duyurusuna göre yük dengeleyicisi olan her hizmet ağına bağlı iş yükleri, " +
	"işletim sistemlerinin sunduğu kaynakları paylaşır ve bağımlılıkları ayrı ayrı paketlenir. " +
	"Bu yapı, CI/CD hattında her değişikliğin ayrı bir konteyner imajı olarak dağıtılmasını sağlar."

// BenchmarkSegment is what the terminology rule spends on one source
// paragraph of 50 words: read it and find its entries (a glossary of 500
// terms), then look for each in a translation paragraph.
func BenchmarkSegment(b *testing.B) {
	g := benchGlossary(b, 500)
	b.SetBytes(int64(len(benchParagraph)))
	for b.Loop() {
		es := g.Read("tr", benchParagraph).Entries()
		tr := g.Read("tr", benchParagraph)
		for _, e := range es {
			tr.Has(e)
		}
	}
}
