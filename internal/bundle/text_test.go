package bundle

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/safefile"
)

// TestBuildTextsInTurkish: a build's refusal by policy is still a
// *diag.Problems (exit code 1) whose message is the English it always
// was, and reads in Turkish, its list of articles with their states
// included; the lock held by another build keeps its English and its
// hint reads in Turkish.
func TestBuildTextsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	refused := []error{
		clitext.NewError("build_refused_article", "ID", "a", "State", clitext.Msg("state_stale")),
		clitext.NewError("build_refused_article", "ID", "b", "State", clitext.Msg("state_missing")),
	}
	err := problems(clitext.Msg("build_refused", "Langs", textList{[]error{
		clitext.NewError("build_refused_lang", "Lang", "en", "Articles", textList{refused, ", "}),
		clitext.NewError("build_refused_lang", "Lang", "de", "Articles", textList{refused[:1], ", "}),
	}, "\n  "}))
	en := "build refused (--fallback fail): articles without a current translation:\n  en: a (stale), b (missing)\n  de: a (stale)" +
		"\nhint: translate them, or build with --fallback source or skip"
	if err.Error() != en {
		t.Errorf("English:\n%s\nwant\n%s", err, en)
	}
	var p *diag.Problems
	if !errors.As(err, &p) || p.Msg != en || diag.ExitCode(err) != diag.ExitProblems {
		t.Errorf("not a *diag.Problems with the English text (exit code %d)", diag.ExitCode(err))
	}
	want := "build reddedildi (--fallback fail): güncel çevirisi olmayan makaleler:\n  en: a (eskimiş), b (eksik)\n  de: a (eskimiş)" +
		"\nipucu: bunları çevirin ya da --fallback source veya skip ile oluşturun"
	if got := tr.Error(err); got != want {
		t.Errorf("Turkish:\n%s\nwant\n%s", got, want)
	}

	locked := clitext.Wrap(safefile.ErrLocked, "build_err_locked", "Out", "/site/dist")
	if got, want := locked.Error(), fmt.Errorf("%w\nhint: another build is writing %s", safefile.ErrLocked, "/site/dist").Error(); got != want {
		t.Errorf("lock, English: %q, want %q", got, want)
	}
	if !errors.Is(locked, safefile.ErrLocked) {
		t.Error("the lock's error is no longer safefile.ErrLocked")
	}
	if got, want := tr.Error(locked), tr.Error(safefile.ErrLocked)+"\nipucu: /site/dist dizinine başka bir build yazıyor"; got != want {
		t.Errorf("lock, Turkish: %q, want %q", got, want)
	}
}

// TestWarningsTexts: warnings are kept once each, sorted by their English,
// with the messages no locale file has last; the texts follow the same
// order and read in Turkish.
func TestWarningsTexts(t *testing.T) {
	w := &warnings{}
	w.add(clitext.Msg("build_warn_raw_html_one", "Path", "b.md"))
	w.add(clitext.Msg("build_warn_image_missing", "Path", "a.md", "Line", 3, "Dest", `"x.png"`, "Name", "x.png"))
	w.add(clitext.Msg("build_warn_raw_html_one", "Path", "b.md"))
	w.missing("site_name")
	w.missing("all_articles")
	en, texts := w.list()
	wantEN := []string{
		`a.md:3: image "x.png" not found (x.png)`,
		"b.md: 1 raw HTML block or tag left out (build.html: omit)",
		"no locale file has the message(s) all_articles, site_name; pages show the key instead (see `ceviri init` for the full set)",
	}
	wantTR := []string{
		`a.md:3: "x.png" görseli bulunamadı (x.png)`,
		"b.md: 1 ham HTML bloğu ya da etiketi dışarıda bırakıldı (build.html: omit)",
		"hiçbir arayüz metni dosyasında şu iletiler yok: all_articles, site_name; sayfalar yerlerine anahtarı gösteriyor (tam takım için bkz. `ceviri init`)",
	}
	if fmt.Sprint(en) != fmt.Sprint(wantEN) || len(texts) != len(wantTR) {
		t.Fatalf("warnings %q (%d texts), want %q", en, len(texts), wantEN)
	}
	tr := clitext.New("tr")
	for i, x := range texts {
		if x.String() != en[i] {
			t.Errorf("text %d in English %q, want %q", i, x.String(), en[i])
		}
		if got := tr.Text(x); got != wantTR[i] {
			t.Errorf("text %d in Turkish %q, want %q", i, got, wantTR[i])
		}
	}
}
