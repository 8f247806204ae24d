package interchange

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestCheckErrorsInTurkish: the refusals of an import are ceviri's words:
// English as they always read, Turkish for a Turkish reader, each at its
// unit's position.
func TestCheckErrorsInTurkish(t *testing.T) {
	p, arts := open(t, map[string]string{"ceviri.yaml": gateConfig, "articles/a/en.md": gateSource})
	units := Collect(arts[0], "tr", false).Units
	byLine := map[int]Unit{}
	for _, u := range units {
		byLine[u.Line] = u
	}
	u5, u7, u9 := byLine[5], byLine[7], byLine[9]
	moved := u5.ID[:len(u5.ID)-8] + "00000000"
	subs := []Submitted{
		{File: "tr.po", Line: 10, Col: 1, ID: "nonsense", Lang: "tr"},
		{File: "tr.po", Line: 11, Col: 1, ID: "zz#b0-12345678", Lang: "tr"},
		{File: "tr.po", Line: 12, Col: 1, ID: u5.ID, Lang: "de", Source: u5.Source},
		{File: "tr.po", Line: 13, Col: 1, ID: moved, Lang: "tr", Source: u5.Source},
		{File: "tr.po", Line: 14, Col: 1, ID: u7.ID, Lang: "tr", Source: u7.Source,
			Target: []TargetPiece{{Text: "[.NET SDK'sını](https://learn.microsoft.com/tr-tr/dotnet/) kurun ve npm install çalıştırın, **dikkatle**."}}},
		{File: "tr.xlf", Line: 3, Col: 7, ID: u9.ID, Lang: "tr", Source: u9.Source, Markup: true,
			Target: []TargetPiece{{Text: "Bitince "}, {Ph: true, ID: "99", Line: 3, Col: 30}}},
		{File: "tr.xlf", Line: 4, Col: 7, ID: u9.ID, Lang: "tr", Source: "Something else", Markup: true},
	}
	_, err := CheckWith(arts, p.Config.Languages, subs, Options{})
	if err == nil {
		t.Fatal("accepted")
	}
	en := []string{
		`tr.po:10:1: unit id "nonsense" is not one ceviri wrote (article#slot-hash)`,
		`tr.po:11:1: unit "zz#b0-12345678": unknown article "zz" (no source version of it in this project)`,
		`tr.po:12:1: unit "` + u5.ID + `": target language "de" is not one of the project's languages [en tr]`,
		`tr.po:13:1: unit "` + moved + `": the source changed since the export: articles/a/en.md:5 now reads "This follows the [single responsibility principle](https:..."; export again`,
		`tr.po:14:1: unit "` + u7.ID + `": the translation does not keep the source's markup: code "npm install" once in the source, 0 times in the translation; keep the source's links, emphasis and code`,
		`tr.xlf:3:7: unit "` + u9.ID + `": the target lacks placeholder(s) 1 ([), 3 ([), 2 (](#share-your-project)), 4 (](https://react.dev/learn)) of the source`,
		`tr.xlf:3:30: unit "` + u9.ID + `": placeholder id "99" is not in the source`,
		`tr.xlf:4:7: unit "` + u9.ID + `": the unit's source text is not the current source of articles/a/en.md:9; export again`,
	}
	tr := []string{
		`tr.po:10:1: "nonsense" birim kimliği ceviri'nin yazdığı bir kimlik değil (article#slot-hash)`,
		`tr.po:11:1: birim "zz#b0-12345678": bilinmeyen makale "zz" (bu projede kaynak sürümü yok)`,
		`tr.po:12:1: birim "` + u5.ID + `": hedef dil "de", projenin dilleri [en tr] arasında değil`,
		`tr.po:13:1: birim "` + moved + `": kaynak dışa aktarımdan sonra değişti: articles/a/en.md:5 artık şöyle: "This follows the [single responsibility principle](https:..."; yeniden dışa aktarın`,
		`tr.po:14:1: birim "` + u7.ID + `": çeviri kaynağın biçimlendirmesini korumuyor: kod "npm install" kaynakta bir kez, çeviride 0 kez geçiyor; kaynağın bağlantılarını, vurgularını ve kodunu koruyun`,
		`tr.xlf:3:7: birim "` + u9.ID + `": hedefte kaynağın şu yer tutucuları eksik: 1 ([), 3 ([), 2 (](#share-your-project)), 4 (](https://react.dev/learn))`,
		`tr.xlf:3:30: birim "` + u9.ID + `": yer tutucu kimliği "99" kaynakta yok`,
		`tr.xlf:4:7: birim "` + u9.ID + `": birimin kaynak metni articles/a/en.md:9 konumundaki güncel kaynak değil; yeniden dışa aktarın`,
	}
	if got, want := err.Error(), strings.Join(en, "\n"); got != want {
		t.Errorf("English:\n got %s\nwant %s", got, want)
	}
	if got, want := clitext.New("tr").Error(err), strings.Join(tr, "\n"); got != want {
		t.Errorf("Turkish:\n got %s\nwant %s", got, want)
	}
}

// TestMarkupDiffText: MarkupDiffAs reads as it always did; in Turkish
// the kinds of markup and the counts are Turkish.
func TestMarkupDiffText(t *testing.T) {
	src, target := "A [link](https://x.org) and *this* and `code`.", "Bir bağlantı ve **bu** ve `code` `code`."
	want := []string{
		"link once in the source, 0 times in the translation",
		"emphasis once in the source, 0 times in the translation",
		`code "code" once in the source, 2 times in the translation`,
		"strong once in the translation, not in the source",
	}
	if got := MarkupDiff(src, target, nil); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("English:\n%s", strings.Join(got, "\n"))
	}
	tr := clitext.New("tr")
	var got []string
	for _, x := range markupDiff(src, target, nil, 0) {
		got = append(got, tr.Text(x))
	}
	wantTR := []string{
		"bağlantı kaynakta bir kez, çeviride 0 kez geçiyor",
		"vurgu kaynakta bir kez, çeviride 0 kez geçiyor",
		`kod "code" kaynakta bir kez, çeviride 2 kez geçiyor`,
		"kalın vurgu çeviride bir kez geçiyor, kaynakta yok",
	}
	if strings.Join(got, "\n") != strings.Join(wantTR, "\n") {
		t.Errorf("Turkish:\n%s", strings.Join(got, "\n"))
	}
}

var trPrinter = clitext.New("tr")

// sameWords checks that err reads in Turkish as in English line by line:
// as many lines, each at the same position.
func sameWords(t *testing.T, err error) {
	t.Helper()
	en := strings.Split(err.Error(), "\n")
	tr := strings.Split(trPrinter.Error(err), "\n")
	if len(en) != len(tr) {
		t.Fatalf("%d lines in English, %d in Turkish:\n%s\n%s", len(en), len(tr), err, trPrinter.Error(err))
	}
	for i := range en {
		pe, _, _ := strings.Cut(en[i], ": ")
		pt, _, _ := strings.Cut(tr[i], ": ")
		if strings.HasPrefix(en[i], "f.") && pe != pt {
			t.Errorf("line %d at %s in English, %s in Turkish", i+1, pe, pt)
		}
	}
}
