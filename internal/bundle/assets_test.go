package bundle

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFeedLinksAndDates: an entry's first link is its page in the feed's
// language, named by hreflang; a site without dates has no 1970 in its feed.
func TestFeedLinksAndDates(t *testing.T) {
	out := t.TempDir()
	mustBuild(t, copySample(t, nil), out, Options{})
	feed, _ := os.ReadFile(filepath.Join(out, "tr/feed.xml"))
	entry := string(feed[strings.Index(string(feed), "<entry"):])
	first := entry[strings.Index(entry, "<link"):]
	first = first[:strings.Index(first, "\n")]
	if want := `<link rel="alternate" type="text/html" hreflang="tr" href="https://haber.example.edu.tr/tr/ukraine-zelensky-meeting/"/>`; first != want {
		t.Errorf("first link of the first entry: %s\nwant %s", first, want)
	}

	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ceviri.yaml":     "languages: [en, tr]\n",
		"locales/en.yaml": "site_name: Glossary\n", "locales/tr.yaml": "site_name: Sözlük\n",
		"articles/a/en.md": "---\ntitle: Container\n---\n\nText.\n",
	})
	out = t.TempDir()
	mustBuild(t, dir, out, Options{})
	feed, _ = os.ReadFile(filepath.Join(out, "en/feed.xml"))
	if strings.Contains(string(feed), "1970") || strings.Contains(string(feed), "<updated>") {
		t.Errorf("a site without dates has an updated time:\n%s", feed)
	}
}

// TestMetaDescription: the description field is the page's meta
// description, else the summary; both are in index.json.
func TestMetaDescription(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ceviri.yaml":     "languages: [en, tr]\ntranslatable: [title, summary, description]\n",
		"locales/en.yaml": "site_name: S\n", "locales/tr.yaml": "site_name: S\n",
		"articles/a/en.md": "---\ntitle: A\ndescription: \"What a container is, in one line\"\nsummary: Longer summary.\n---\n\nText.\n",
		"articles/b/en.md": "---\ntitle: B\nsummary: Only a summary.\n---\n\nText.\n",
	})
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	for id, want := range map[string]string{"a": `<meta name="description" content="What a container is, in one line">`, "b": `<meta name="description" content="Only a summary.">`} {
		page, _ := os.ReadFile(filepath.Join(out, "en", id, "index.html"))
		if !strings.Contains(string(page), want) {
			t.Errorf("%s: page lacks %s", id, want)
		}
	}
	if pj := readPage(t, out, "en", "a"); pj.Description != "What a container is, in one line" {
		t.Errorf("index.json description %q", pj.Description)
	}
}

// assetSite has a Hugo page bundle (content/posts/x/index.md with
// cover.png beside it) and a plain page in a shared directory
// (content/posts/y.md beside z.md and shared.png).
func assetSite(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ceviri.yaml":     "languages: [en, tr]\ncontent:\n  en: content/{id}.md\n  tr: content/{id}.tr.md\n",
		"locales/en.yaml": "site_name: S\n", "locales/tr.yaml": "site_name: S\n",
		"content/posts/x/index.md":    "---\ntitle: X\n---\n\nText.\n\n![Cover](cover.png)\n\n![Gone](gone.png)\n",
		"content/posts/x/index.tr.md": "---\ntitle: X tr\n---\n\nMetin.\n\n![Kapak](cover.png \"Kapak\")\n",
		"content/posts/x/cover.png":   "PNG1",
		"content/posts/x/data.pdf":    "PDF",
		"content/posts/x/.hidden":     "secret",
		"content/posts/y.md":          "---\ntitle: Y\n---\n\n![Shared](shared.png)\n",
		"content/posts/z.md":          "---\ntitle: Z\n---\n\nText.\n",
		"content/posts/shared.png":    "PNG2",
	})
	return dir
}

// TestPageBundleAssets: the files of a page bundle are copied beside each
// language's page and listed in the manifest; a missing image, or one that
// is not copied, is a warning naming the page and line.
func TestPageBundleAssets(t *testing.T) {
	dir := assetSite(t)
	out := t.TempDir()
	res := mustBuild(t, dir, out, Options{})
	for _, lang := range []string{"en", "tr"} {
		for name, want := range map[string]string{"cover.png": "PNG1", "data.pdf": "PDF"} {
			data, err := os.ReadFile(filepath.Join(out, lang, "posts/x/index", name))
			if err != nil || string(data) != want {
				t.Errorf("%s/posts/x/index/%s: %q, %v", lang, name, data, err)
			}
		}
		for _, no := range []string{"posts/x/index/.hidden", "posts/x/index/index.tr.md", "posts/y/shared.png"} {
			if _, err := os.Stat(filepath.Join(out, lang, no)); err == nil {
				t.Errorf("%s/%s copied", lang, no)
			}
		}
		m, _ := os.ReadFile(filepath.Join(out, lang, "manifest.json"))
		if !strings.Contains(string(m), `"posts/x/index/cover.png": "sha256:`) {
			t.Errorf("%s manifest lacks the asset", lang)
		}
	}
	for _, w := range []string{
		`content/posts/x/index.md:9: image "gone.png" not found (content/posts/x/gone.png)`,
		`content/posts/y.md:5: image "shared.png" is not copied into the bundle: content/posts/shared.png is not in a directory of this article's alone`,
	} {
		if !slices.Contains(res.Warnings, w) {
			t.Errorf("warnings %q lack %q", res.Warnings, w)
		}
	}
}

// TestAssetsIncremental: a changed, added or removed asset reaches the
// bundle on the next build, which equals a full one; also when the build
// cache trusts stats at once (no timestamp margin), so that an article's
// directory is listed again only because its mtime moved.
func TestAssetsIncremental(t *testing.T) {
	t.Run("timestamp margin", func(t *testing.T) { testAssetsIncremental(t, 0) })
	t.Run("no margin", func(t *testing.T) { testAssetsIncremental(t, time.Nanosecond) })
}

func testAssetsIncremental(t *testing.T, margin time.Duration) {
	dir := assetSite(t)
	out := t.TempDir()
	mustBuild(t, dir, out, Options{Granularity: margin})
	steps := []func(){
		func() { writeFiles(t, dir, map[string]string{"content/posts/x/cover.png": "PNG1 changed"}) },
		func() { writeFiles(t, dir, map[string]string{"content/posts/x/photo.jpg": "JPG"}) },
		func() { os.Remove(filepath.Join(dir, "content/posts/x/data.pdf")) },
	}
	for i, step := range steps {
		time.Sleep(20 * time.Millisecond) // a new mtime, on file systems of coarse timestamps too
		step()
		mustBuild(t, dir, out, Options{Granularity: margin})
		full := t.TempDir()
		mustBuild(t, dir, full, Options{Full: true})
		if d := diffTrees(tree(t, out), tree(t, full)); len(d) > 0 {
			t.Errorf("step %d: incremental build differs from a full one: %v", i, d)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(out, "tr/posts/x/index/photo.jpg")); string(data) != "JPG" {
		t.Errorf("the added asset is not in the bundle")
	}
}
