package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkSite is a React-docs-like site: pages live at their ids (/learn/x),
// Turkish pages beside the English ones (Hugo's suffix layout). intro and
// state are translated; effects is not (a fallback in Turkish).
func linkSite(t *testing.T, fallback string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ceviri.yaml":               "languages: [en, tr]\ncontent:\n  en: content/{id}.md\n  tr: content/{id}.tr.md\nbuild:\n  base_url: https://react.example\n  fallback: " + fallback + "\n",
		"locales/en.yaml":           "site_name: Docs\n",
		"locales/tr.yaml":           "site_name: Belgeler\n",
		"content/learn/intro.md":    "---\ntitle: Intro\n---\n\n## Share your project\n\nSee [state](/learn/state), [effects](/learn/effects) and [sharing](#share-your-project).\n",
		"content/learn/state.md":    "---\ntitle: State\n---\n\n## Adding state\n\nBack to [intro](intro.md).\n",
		"content/learn/effects.md":  "---\ntitle: Effects\n---\n\nText.\n",
		"content/learn/state.tr.md": "---\ntitle: Durum\n---\n\n## Durum eklemek\n\n[Girişe](intro.md) dön.\n",
	})
	intro := "---\ntitle: Giriş\n---\n\n## Projenizi paylaşın\n\n" +
		"[durum](/learn/state) [durum2](/en/learn/state/#adding-state) [durum3](state.md) [durum4](state.tr.md?x=1)\n" +
		"[etkiler](/learn/effects/) [tam](https://react.example/en/learn/state/) [kendisi](/learn/intro#projenizi-paylaşın)\n" +
		"[paylaş](#projenizi-paylaşın) [dış](https://react.dev/learn/state) [yok](/learn/nothing) [kök](/)\n"
	writeFiles(t, dir, map[string]string{"content/learn/intro.tr.md": intro})
	for _, id := range []string{"intro", "state"} {
		fp := fingerprintOfFile(t, dir, "content/learn/"+id+".md")
		name := filepath.Join(dir, "content/learn/"+id+".tr.md")
		data, _ := os.ReadFile(name)
		rec := "translation:\n  from: en\n  source_hash: " + fp + "\n---\n"
		writeFiles(t, dir, map[string]string{"content/learn/" + id + ".tr.md": strings.Replace(string(data), "---\n\n", rec+"\n", 1)})
	}
	return dir
}

// TestLinksBetweenArticles: a Turkish page's links to other articles, by
// their source path or their English URL, lead to their pages in the
// Turkish bundle (the translation, or the fallback page), or, when the
// article is not in it (--fallback skip), to its source page.
func TestLinksBetweenArticles(t *testing.T) {
	tests := []struct {
		fallback, lang string
		want           []string
	}{
		{"source", "tr", []string{
			`<a href="../../../tr/learn/state/">durum</a>`,
			`<a href="../../../tr/learn/state/#adding-state">durum2</a>`,
			`<a href="../../../tr/learn/state/">durum3</a>`,
			`<a href="../../../tr/learn/state/?x=1">durum4</a>`,
			`<a href="../../../tr/learn/effects/">etkiler</a>`,
			`<a href="../../../tr/learn/state/">tam</a>`,
			`<a href="#projenizi-paylasin">kendisi</a>`,
			`<a href="#projenizi-paylasin">paylaş</a>`,
			`<a href="https://react.dev/learn/state">dış</a>`,
			`<a href="/learn/nothing">yok</a>`,
			`<a href="/">kök</a>`,
		}},
		{"skip", "tr", []string{`<a href="../../../en/learn/effects/">etkiler</a>`, `<a href="../../../tr/learn/state/">durum</a>`}},
		{"source", "en", []string{`<a href="../../../en/learn/state/">state</a>`, `<a href="../../../en/learn/effects/">effects</a>`, `<a href="#share-your-project">sharing</a>`}},
	}
	for _, tt := range tests {
		t.Run(tt.fallback+"/"+tt.lang, func(t *testing.T) {
			dir := linkSite(t, tt.fallback)
			out := t.TempDir()
			mustBuild(t, dir, out, Options{Fallback: tt.fallback})
			page, err := os.ReadFile(filepath.Join(out, tt.lang, "learn/intro/index.html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(page), w) {
					t.Errorf("page lacks %s", w)
				}
			}
			if t.Failed() {
				t.Logf("%s", page)
			}
		})
	}
	// The fallback page of effects is English text in the Turkish bundle;
	// the Turkish page of state links back to the Turkish intro.
	dir := linkSite(t, "source")
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	page, _ := os.ReadFile(filepath.Join(out, "tr/learn/state/index.html"))
	if !strings.Contains(string(page), `<a href="../../../tr/learn/intro/">Girişe</a>`) {
		t.Errorf("tr/learn/state links elsewhere than the Turkish intro:\n%s", page)
	}
}

// TestLinksIncremental: adding the article a link names changes the pages
// that link to it, as a full build would.
func TestLinksIncremental(t *testing.T) {
	dir := linkSite(t, "source")
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	writeFiles(t, dir, map[string]string{"content/learn/nothing.md": "---\ntitle: Nothing\n---\n\nText.\n"})
	mustBuild(t, dir, out, Options{})
	full := t.TempDir()
	mustBuild(t, dir, full, Options{Full: true})
	if d := diffTrees(tree(t, out), tree(t, full)); len(d) > 0 {
		t.Errorf("incremental build differs from a full one: %v", d)
	}
	page, _ := os.ReadFile(filepath.Join(out, "tr/learn/intro/index.html"))
	if !strings.Contains(string(page), `<a href="../../../tr/learn/nothing/">yok</a>`) {
		t.Errorf("the link to the new article was not resolved")
	}
}
