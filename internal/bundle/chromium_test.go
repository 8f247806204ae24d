package bundle

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// chromium returns the path of Debian's chromium, skipping the test with a
// visible message when it is not installed; under CEVIRI_REQUIRE_TOOLS=1
// (set by .ci/run) a missing chromium fails the test instead.
func chromium(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("chromium")
	if err == nil {
		return p
	}
	if os.Getenv("CEVIRI_REQUIRE_TOOLS") == "1" {
		t.Fatalf("chromium is not installed and CEVIRI_REQUIRE_TOOLS=1 (install it: see .ci/run)")
	}
	t.Skip("SKIP: chromium is not installed; the end-to-end browser test is skipped (apt-get install chromium)")
	return ""
}

// runChromium runs headless chromium with args and returns its stdout.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.Bytes()
}

// visibleText returns the text of a DOM's body as a reader sees it: no
// <style>, <script> or <head>, white space collapsed.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "script" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// find returns the first element with the class, or nil.
func find(n *html.Node, class string) *html.Node {
	if n.Type == html.ElementNode {
		for _, a := range n.Attr {
			if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
				return n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, class); f != nil {
			return f
		}
	}
	return nil
}

// TestChromium opens built pages in headless Chromium and checks what a
// reader sees in the DOM the browser built from them (so a wrong charset,
// a broken element or an escaped-twice string would show): the Turkish
// chrome, the localized date, and the notices of fallback and stale pages.
func TestChromium(t *testing.T) {
	bin := chromium(t)
	dir := copySample(t, nil)
	out := t.TempDir()
	mustBuild(t, dir, out, Options{})
	tests := []struct {
		page    string
		lang    string
		want    []string
		notice  string // text of the .ceviri-notice element; "" for none
		notWant []string
	}{
		{"tr/ukraine-zelensky-meeting/index.html", "tr",
			[]string{"Çağ Üniversitesi", "İrem Tufan tarafından", "Yayın tarihi: 3 Aralık 2025", "Kaynaklar", "Erişim adresi",
				"Yazar hakkında", "Çatışma Bölgeleri Asıl Sorumlu Yardımcısı", "Diğer diller: English"}, "", []string{"December", "By İrem"}},
		{"en/ukraine-zelensky-meeting/index.html", "en",
			[]string{"By İrem Tufan", "Published on 3 December 2025", "References", "About the author", "Also available in: Türkçe"}, "", []string{"Aralık"}},
		{"tr/library-night-hours/index.html", "tr",
			[]string{"Kerem Yıldız tarafından", "20 Kasım 2025", "Library extends opening hours"},
			"Bu makale henüz Türkçe olarak mevcut değil; özgün dilinde gösteriliyor.", nil},
		{"en/kampuste-yapay-zeka/index.html", "en",
			[]string{"By Deniz Aydoğan", "14 November 2025"},
			"This translation is based on an older version of the original article.", nil},
		{"tr/index.html", "tr", []string{"Tüm makaleler", "3 makale", "3 Aralık 2025"}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			dom := runChromium(t, bin, "--dump-dom", "file://"+filepath.Join(out, filepath.FromSlash(tt.page)))
			doc, err := html.Parse(bytes.NewReader(dom))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(dom, []byte(`<html lang="`+tt.lang+`">`)) {
				t.Errorf("the DOM's <html> has not lang=%q", tt.lang)
			}
			text := visibleText(doc)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("a reader does not see %q in:\n%s", w, text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("a reader sees %q", w)
				}
			}
			n := find(doc, "ceviri-notice")
			switch {
			case tt.notice == "" && n != nil:
				t.Errorf("unexpected notice %q", visibleText(n))
			case tt.notice != "" && n == nil:
				t.Errorf("no element with class ceviri-notice")
			case tt.notice != "" && visibleText(n) != tt.notice:
				t.Errorf("notice = %q, want %q", visibleText(n), tt.notice)
			}
		})
	}
	t.Run("screenshot", func(t *testing.T) {
		png := filepath.Join(t.TempDir(), "page.png")
		runChromium(t, bin, "--screenshot="+png, "--window-size=1200,1600", "file://"+filepath.Join(out, "tr/ukraine-zelensky-meeting/index.html"))
		data, err := os.ReadFile(png)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || len(data) < 20000 {
			t.Errorf("screenshot is not a PNG of a rendered page (%d bytes)", len(data))
		}
	})
}
