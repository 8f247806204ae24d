package bundle

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden builds the sample project and compares every file of both
// bundles with testdata/golden. Run `go test ./internal/bundle -update` after
// a deliberate change and review the diff.
func TestGolden(t *testing.T) {
	dir := copySample(t, nil)
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	got := tree(t, out)
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for rel := range got {
			data, _ := os.ReadFile(filepath.Join(out, rel))
			writeFiles(t, golden, map[string]string{rel: string(data)})
		}
		return
	}
	want := tree(t, golden)
	for _, p := range diffTrees(want, got) {
		gotData, _ := os.ReadFile(filepath.Join(out, p))
		wantData, _ := os.ReadFile(filepath.Join(golden, p))
		t.Errorf("%s differs from the golden file (run with -update and review the diff)\n--- got\n%s\n--- want\n%s", p, clip(gotData), clip(wantData))
	}
}

func clip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "..."
	}
	return string(b)
}

// TestPagesAreValidHTML parses every page of the sample's bundles.
func TestPagesAreValidHTML(t *testing.T) {
	dir := copySample(t, map[string]string{"articles/tables/tr.md": "---\ntitle: Tablolar\ndate: 2025-01-02\n---\n\n# Başlık bir\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nDipnot[^1].\n\n[^1]: Not.\n\n- [ ] iş\n\n```go\nx := 1\n```\n"})
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	pages := 0
	for rel := range tree(t, out) {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		pages++
		data, _ := os.ReadFile(filepath.Join(out, rel))
		for _, p := range checkHTML(data) {
			t.Errorf("%s: %s", rel, p)
		}
	}
	if pages != 10 {
		t.Errorf("checked %d pages, want 10 (4 articles and a list page in 2 languages)", pages)
	}
}

// TestEscaping: a title with <script> and a body with raw HTML are shown as
// text or left out, never executed or passed through.
func TestEscaping(t *testing.T) {
	dir := copySample(t, map[string]string{"articles/xss/tr.md": `---
title: "<script>alert('title')</script> Başlık"
summary: "\"><img src=x onerror=alert(1)>"
date: 2025-12-01
authors: ["<b>Ad</b>"]
tags: ["<i>etiket</i>"]
references:
  - title: "<script>ref</script>"
    url: "javascript:alert(1)"
---

<script>alert('body')</script>

<div onclick="alert(1)">kutu</div>

Metin <span onmouseover="alert(2)">satır içi</span> ve [bağlantı](javascript:alert(3)).

## <script>x</script> Başlık
`})
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	for _, rel := range []string{"tr/xss/index.html", "en/xss/index.html", "tr/index.html", "en/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		for _, p := range checkHTML(data) {
			t.Errorf("%s: %s", rel, p)
		}
		for _, bad := range []string{"<script", "<img", "<div onclick", "<span onmouseover", "<b>Ad", "<i>etiket"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s passes %q through", rel, bad)
			}
		}
		if strings.HasSuffix(rel, "xss/index.html") && !strings.Contains(page, "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Başlık") {
			t.Errorf("%s does not show the title as text", rel)
		}
	}
	// build.html: sanitize (the default) keeps the text and safe markup.
	data, _ := os.ReadFile(filepath.Join(out, "tr/xss/index.html"))
	for _, want := range []string{"<div>kutu</div>", "<span>satır içi</span>"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the sanitized body lacks %q", want)
		}
	}
}

// TestDeterministic builds twice, with archives, and compares the bytes.
func TestDeterministic(t *testing.T) {
	for _, archive := range []string{"tar.gz", "zip"} {
		t.Run(archive, func(t *testing.T) {
			dir := copySample(t, nil)
			a, b := t.TempDir(), t.TempDir()
			mustBuild(t, dir, a, Options{Archive: archive, Full: true})
			mustBuild(t, dir, b, Options{Archive: archive, Workers: 1, Full: true})
			ta, tb := tree(t, a), tree(t, b)
			if d := diffTrees(ta, tb); len(d) > 0 {
				t.Errorf("two builds differ in %v", d)
			}
			for _, name := range []string{"tr." + archive, "en." + archive} {
				if ta[name] == "" {
					t.Errorf("no %s", name)
				}
			}
		})
	}
}

// TestIncrementalMatchesFull changes one article, then checks that the
// incremental build renders only its pages and gives the same bytes as a
// full build.
func TestIncrementalMatchesFull(t *testing.T) {
	dir := copySample(t, nil)
	out := t.TempDir()
	res := mustBuild(t, dir, out, Options{})
	if r := res.lang("tr"); r.Reused != 0 || r.Rendered != 3 {
		t.Fatalf("first build: rendered %d, reused %d; want 3, 0", r.Rendered, r.Reused)
	}
	res = mustBuild(t, dir, out, Options{})
	if r := res.lang("tr"); r.Reused != 3 || r.Rendered != 0 {
		t.Errorf("unchanged rebuild: rendered %d, reused %d; want 0, 3", r.Rendered, r.Reused)
	}
	// A new source changes its own pages and (through the missing en
	// version) nothing else.
	p := filepath.Join(dir, "articles/library-night-hours/en.md")
	data, _ := os.ReadFile(p)
	writeFiles(t, dir, map[string]string{"articles/library-night-hours/en.md": strings.Replace(string(data), "Free tea", "Free coffee", 1)})
	res = mustBuild(t, dir, out, Options{})
	if r := res.lang("en"); r.Reused != 2 || r.Rendered != 1 {
		t.Errorf("one article changed: en rendered %d, reused %d; want 1, 2", r.Rendered, r.Reused)
	}
	full := t.TempDir()
	mustBuild(t, dir, full, Options{Full: true})
	if d := diffTrees(tree(t, full), tree(t, out)); len(d) > 0 {
		t.Errorf("incremental build differs from a full build in %v", d)
	}
	// A changed chrome string is an input of every page.
	loc := filepath.Join(dir, "locales/tr.yaml")
	data, _ = os.ReadFile(loc)
	writeFiles(t, dir, map[string]string{"locales/tr.yaml": strings.Replace(string(data), "Kaynaklar", "Kaynakça", 1)})
	res = mustBuild(t, dir, out, Options{})
	if r := res.lang("tr"); r.Reused != 0 {
		t.Errorf("chrome changed: tr reused %d pages, want 0", r.Reused)
	}
	// A template of the project's own is an input too.
	writeFiles(t, dir, map[string]string{"templates/base.html": `{{define "head"}}<meta charset="utf-8">{{end}}{{define "style"}}{{end}}{{define "header"}}<header>{{t "site_name"}}</header>{{end}}{{define "footer"}}{{end}}`})
	res = mustBuild(t, dir, out, Options{})
	if r := res.lang("en"); r.Reused != 0 {
		t.Errorf("template changed: en reused %d pages, want 0", r.Reused)
	}
	full2 := t.TempDir()
	mustBuild(t, dir, full2, Options{Full: true})
	if d := diffTrees(tree(t, full2), tree(t, out)); len(d) > 0 {
		t.Errorf("after a template change, the build differs from a full build in %v", d)
	}
	page, _ := os.ReadFile(filepath.Join(out, "tr/ukraine-zelensky-meeting/index.html"))
	if strings.Contains(string(page), "<style>") || !strings.Contains(string(page), "<header>Çağ Üniversitesi</header>") {
		t.Errorf("the project's template did not replace the embedded one")
	}
}

func TestFallbackPolicies(t *testing.T) {
	dir := copySample(t, nil)
	tests := []struct {
		policy      string
		wantErr     bool
		trArticles  int
		enArticles  int
		trFallbacks int
	}{
		{FallbackSource, false, 3, 3, 1},
		{FallbackSkip, false, 2, 2, 0}, // en: the stale translation is left out
		{FallbackFail, true, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.policy, func(t *testing.T) {
			out := t.TempDir()
			res, err := build(t, dir, out, Options{Fallback: tt.policy})
			if tt.wantErr {
				var p *diag.Problems
				if !errors.As(err, &p) || !strings.Contains(p.Msg, "library-night-hours (missing)") || !strings.Contains(p.Msg, "kampuste-yapay-zeka (stale)") {
					t.Fatalf("err = %v, want a refusal naming both articles", err)
				}
				if _, err := os.Stat(filepath.Join(out, "tr")); err == nil {
					t.Errorf("a refused build wrote a bundle")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tr, en := res.lang("tr"), res.lang("en"); tr.Articles != tt.trArticles || en.Articles != tt.enArticles || tr.Fallbacks != tt.trFallbacks {
				t.Errorf("tr %d (%d fallbacks), en %d; want tr %d (%d), en %d", tr.Articles, tr.Fallbacks, en.Articles, tt.trArticles, tt.trFallbacks, tt.enArticles)
			}
		})
	}
}

func TestMinCurrent(t *testing.T) {
	dir := copySample(t, map[string]string{"articles/ekstra/tr.md": "---\ntitle: Ekstra\n---\n\nMetin.\n"})
	out := t.TempDir()
	// tr: 3 source + 1 current of 4 (75%); en: 2 source + 1 stale + 1 missing of 4 (50%).
	res := mustBuild(t, dir, out, Options{MinCurrent: 60})
	if tr, en := res.lang("tr"), res.lang("en"); !tr.Built || en.Built || !strings.Contains(en.Skipped, "2 of 4 articles current (50%), below --min-current 60%") {
		t.Errorf("tr built %v, en built %v (%q)", tr.Built, en.Built, en.Skipped)
	}
	if _, err := os.Stat(filepath.Join(out, "en")); err == nil {
		t.Errorf("en was written although below --min-current")
	}
	page, _ := os.ReadFile(filepath.Join(out, "tr/ukraine-zelensky-meeting/index.html"))
	if strings.Contains(string(page), `hreflang="en"`) {
		t.Errorf("a tr page links to the en bundle, which was not built")
	}
	var p *diag.Problems
	if _, err := build(t, dir, t.TempDir(), Options{MinCurrent: 100, Langs: []string{"en"}}); !errors.As(err, &p) {
		t.Errorf("no language built: err = %v, want *diag.Problems", err)
	}
}

// TestMissingMessage: a locale file without a key borrows the source
// language's text, with a warning; a key no file has shows as the key.
func TestMissingMessage(t *testing.T) {
	dir := copySample(t, nil)
	loc := filepath.Join(dir, "locales/en.yaml")
	data, _ := os.ReadFile(loc)
	s := strings.Replace(string(data), "references:\n", "unused_references:\n", 1)
	writeFiles(t, dir, map[string]string{"locales/en.yaml": s,
		"templates/extra.html": `{{define "footer"}}<footer>{{t "no_such_key"}}</footer>{{end}}`})
	out := t.TempDir()
	res := mustBuild(t, dir, out, Options{})
	page, _ := os.ReadFile(filepath.Join(out, "en/ukraine-zelensky-meeting/index.html"))
	if !strings.Contains(string(page), "<h2>Kaynaklar</h2>") {
		t.Errorf("en page does not borrow the tr heading of the references")
	}
	if !strings.Contains(string(page), "<footer>no_such_key</footer>") {
		t.Errorf("a key no file has is not shown as the key")
	}
	all := strings.Join(res.Warnings, "\n")
	if !strings.Contains(all, `locales/en.yaml: no message "references"; using the tr text`) || !strings.Contains(all, `no locale file has the message(s) no_such_key;`) {
		t.Errorf("warnings = %q", all)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"date", map[string]string{"articles/x/tr.md": "---\ntitle: X\ndate: 03.12.2025\n---\n"}, `articles/x/tr.md:3:7: date "03.12.2025" is neither`},
		{"reserved id", map[string]string{"articles/feed.xml/tr.md": "---\ntitle: X\n---\n"}, `collides with the bundle file "feed.xml"`},
		{"template", map[string]string{"templates/article.html": "{{.Title}\n"}, "templates/article.html:1"},
		{"authors", map[string]string{"articles/x/tr.md": "---\ntitle: X\nauthors: Ali\n---\n"}, "articles/x/tr.md:3:10: authors must be a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySample(t, tt.files)
			out := filepath.Join(t.TempDir(), "dist")
			_, err := build(t, dir, out, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if diag.ExitCode(err) != diag.ExitUsage {
				t.Errorf("exit code %d, want 2", diag.ExitCode(err))
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a failed build created %s", out)
			}
		})
	}
}

func TestOutHoldsProject(t *testing.T) {
	dir := copySample(t, nil)
	if _, err := build(t, dir, filepath.Dir(dir), Options{}); err == nil || !strings.Contains(err.Error(), "holds the project") {
		t.Errorf("err = %v", err)
	}
}

// TestIncrementalSequence runs a series of edits, each followed by an
// incremental build into the same directory, and compares every result with
// a full build into a fresh one: the tree a build writes into holds the
// bundle of two builds ago, so staleness there must never show.
func TestIncrementalSequence(t *testing.T) {
	t.Run("timestamp margin", func(t *testing.T) { testIncrementalSequence(t, 0) })
	// Without the margin the first pass takes unchanged articles from its
	// cache by their files' stats, without reading them.
	t.Run("no margin", func(t *testing.T) { testIncrementalSequence(t, time.Nanosecond) })
}

func testIncrementalSequence(t *testing.T, margin time.Duration) {
	dir := copySample(t, nil)
	out := t.TempDir()
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	trKampus := read("articles/kampuste-yapay-zeka/tr.md")
	cur := trKampus
	edit := func(old, new string) func() {
		return func() {
			if !strings.Contains(cur, old) {
				t.Fatalf("the sample has no %q", old)
			}
			cur = strings.Replace(cur, old, new, 1)
			writeFiles(t, dir, map[string]string{"articles/kampuste-yapay-zeka/tr.md": cur})
		}
	}
	var listsReused bool
	onLists := func(lang string, reused bool) {
		if lang == "tr" {
			listsReused = reused
		}
	}
	const reused, rendered = "reused", "rendered"
	steps := []struct {
		name  string
		edit  func()
		opts  Options
		lists string // what the tr bundle's list files must be; "": either
	}{
		{"first", func() {}, Options{}, rendered},
		{"edit a source", edit("320 koltuğun", "321 koltuğun"), Options{}, reused},
		{"edit it again", edit("321 koltuğun", "322 koltuğun"), Options{}, reused},
		{"change a title", edit("Kampüste yapay zekâ:", "Kampüste yapay zeka:"), Options{}, rendered},
		{"unchanged after a title", func() {}, Options{}, reused},
		{"change a summary", edit("düzenlenen panelde", "yapılan panelde"), Options{}, rendered},
		{"change a date", edit("date: 2025-11-14", "date: 2025-11-15"), Options{}, rendered},
		{"change an author", edit("name: Deniz Aydoğan", "name: Deniz Aydın"), Options{}, rendered},
		{"change the tags", edit("tags: [yapay-zeka, gazetecilik, kampus]", "tags: [yapay-zeka, kampus]"), Options{}, rendered},
		{"a translation falls behind", func() {
			writeFiles(t, dir, map[string]string{"articles/ukraine-zelensky-meeting/en.md": read("articles/ukraine-zelensky-meeting/en.md") + "\nA new paragraph.\n"})
		}, Options{}, rendered},
		{"add an article", func() {
			writeFiles(t, dir, map[string]string{"articles/yeni/tr.md": "---\ntitle: Yeni\ndate: 2025-12-05\n---\n\n## Işık\n\nMetin.\n"})
		}, Options{}, rendered},
		{"revert the edits", func() {
			cur = trKampus
			writeFiles(t, dir, map[string]string{"articles/kampuste-yapay-zeka/tr.md": trKampus})
		}, Options{}, rendered},
		{"skip policy", func() {}, Options{Fallback: FallbackSkip}, rendered},
		{"remove an article", func() {
			if err := os.RemoveAll(filepath.Join(dir, "articles/yeni")); err != nil {
				t.Fatal(err)
			}
		}, Options{}, rendered},
		{"full", func() {}, Options{Full: true}, rendered},
		{"unchanged", func() {}, Options{}, reused},
	}
	for _, st := range steps {
		st.edit()
		watched := st.opts
		watched.OnLists = onLists
		watched.Granularity = margin
		mustBuild(t, dir, out, watched)
		if got := map[bool]string{true: reused, false: rendered}[listsReused]; st.lists != "" && got != st.lists {
			t.Errorf("after %q the tr list files were %s, want %s", st.name, got, st.lists)
		}
		fresh := t.TempDir()
		opts := st.opts
		opts.Full = true
		mustBuild(t, dir, fresh, opts)
		if d := diffTrees(tree(t, fresh), tree(t, out)); len(d) > 0 {
			t.Fatalf("after %q the incremental build differs from a full build in %v", st.name, d)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "tr/yeni")); err == nil {
		t.Errorf("a removed article's pages are still in the bundle")
	}
}

// TestNonASCIIID: an id with Turkish letters gives a directory of that name
// and percent-encoded URLs in the sitemap, feed, JSON and links.
func TestNonASCIIID(t *testing.T) {
	dir := copySample(t, map[string]string{"articles/haberler/çağ/tr.md": "---\ntitle: Çağ\ndate: 2025-12-04\n---\n\nMetin.\n"})
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	if _, err := os.Stat(filepath.Join(out, "tr/haberler/çağ/index.html")); err != nil {
		t.Fatal(err)
	}
	const enc = "https://haber.example.edu.tr/tr/haberler/%C3%A7a%C4%9F/"
	for _, f := range []string{"tr/sitemap.xml", "tr/feed.xml", "tr/index.json"} {
		data, _ := os.ReadFile(filepath.Join(out, f))
		if !strings.Contains(string(data), enc) || strings.Contains(string(data), "/çağ/") {
			t.Errorf("%s does not hold the encoded URL %s", f, enc)
		}
	}
	list, _ := os.ReadFile(filepath.Join(out, "tr/index.html"))
	if !strings.Contains(string(list), `href="haberler/%c3%a7a%c4%9f/"`) && !strings.Contains(string(list), `href="haberler/%C3%A7a%C4%9F/"`) {
		t.Errorf("the list page does not link to the encoded path")
	}
	page, _ := os.ReadFile(filepath.Join(out, "tr/haberler/çağ/index.html"))
	for _, p := range checkHTML(page) {
		t.Errorf("tr/haberler/çağ/index.html: %s", p)
	}
	if !strings.Contains(string(page), `href="../../../tr/"`) {
		t.Errorf("a nested page's link home is not three levels up")
	}
}
