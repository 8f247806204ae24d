package check

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// TestCodeText: a code block or span whose code is the source's but whose
// comments, strings or markup text differ is one code-text warning naming
// the first differences, never a code error.
func TestCodeText(t *testing.T) {
	tests := []struct {
		name, en, tr string
		tldr         bool
		want         []string // "rule: message" of every finding
	}{
		{"comment", fence("js", "// Load the items.\nload(items);"), fence("js", "// Öğeleri yükle.\nload(items);"), false,
			[]string{"code-text: text in the code block differs from the source's (line 6): `// Load the items.` in the source (line 6) is `// Öğeleri yükle.` in the translation (line 6)"}},
		{"string and JSX text", fence("jsx", "<button title='Pause'>\n  Pause\n</button>"), fence("jsx", "<button title='Duraklat'>\n  Duraklat\n</button>"), false,
			[]string{"code-text: text in the code block differs from the source's (line 6): `'Pause'` in the source (line 6) is `'Duraklat'` in the translation (line 6); `Pause` in the source (line 7) is `Duraklat` in the translation (line 7)"}},
		{"inline string", "Click `alert('Hi')` now.\n", "Şimdi `alert('Selam')` tıklayın.\n", false,
			[]string{"code-text: text in inline code `alert('Selam')` differs from the source's `alert('Hi')` (line 5): `'Hi'` in the source (line 5) is `'Selam'` in the translation (line 5)"}},
		{"many differences", fence("python", "a = 'one'  # x\nb = 'two'  # y\nc = 'three'"), fence("python", "a = 'bir'  # x\nb = 'iki'  # z\nc = 'üç'"), false,
			[]string{"code-text: text in the code block differs from the source's (line 6): `'one'` in the source (line 6) is `'bir'` in the translation (line 6); `'two'` in the source (line 7) is `'iki'` in the translation (line 7); `# y` in the source (line 7) is `# z` in the translation (line 7); and 1 more"}},
		{"label", "Click `Add to cart`.\n", "`Sepete ekle` düğmesine tıklayın.\n", false,
			[]string{"code-text: text in inline code `Sepete ekle` differs from the source's `Add to cart` (line 5)"}},
		{"single words stay code", "Call `useState`.\n", "`useStat` çağırın.\n", false,
			[]string{"code: `useState` in the source (line 5), `useStat` in the translation"}},
		{"white space only", fence("js", "f( a,b )"), fence("js", "f(a, b)"), false, nil},
		{"placeholders are not text", "`cp {{path/to/file}} {{path/to/dir}}`\n", "`cp {{yol/dosya}} {{yol/dizin}}`\n", true, nil},
		{"language changed", fence("js", "a()"), fence("ts", "a()"), false,
			[]string{"code: code block differs from the source's (line 6): the source's is marked js, the translation's ts"}},
		{"code and text both differ", fence("js", "// go\nrun(1)"), fence("js", "// git\nrun(2)"), false,
			[]string{"code: code block differs from the source's (line 6): `1` in the source (line 7) is `2` in the translation (line 7)"}},
		{"added token", fence("js", "run()"), fence("js", "run();"), false,
			[]string{"code: code block differs from the source's (line 6): `;` in the translation (line 6) is not in the source"}},
		{"more than three", fence("js", "a(1)\nb(2)\nc(3)\nd(4)\ne(5)"), fence("js", "a(6)\nb(7)\nc(8)\nd(9)\ne(0)"), false,
			[]string{"code: code block differs from the source's (line 6): `1` in the source (line 6) is `6` in the translation (line 6); `2` in the source (line 7) is `7` in the translation (line 7); `3` in the source (line 8) is `8` in the translation (line 8); and 2 more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range shapeFindings(t, shapeCase{name: tt.name, en: tt.en, tr: tt.tr, tldr: tt.tldr}) {
				if f.Rule == Code || f.Rule == CodeText {
					got = append(got, f.Rule+": "+f.Message)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCodeTextSeverity(t *testing.T) {
	if SeverityOf(nil, CodeText) != Warning || !Known(CodeText) {
		t.Errorf("code-text: known %v, default %s; want a known warning", Known(CodeText), SeverityOf(nil, CodeText))
	}
}

// TestOptionsReachRules: Input.Options reach the code rule through Run.
func TestOptionsReachRules(t *testing.T) {
	cfg := "languages: [en, tr]\nsource_language: en\ncontent: pages/{lang}/{id}.md\n"
	files := fstest.MapFS{
		"ceviri.yaml":     {Data: []byte(cfg)},
		"pages/en/tar.md": {Data: []byte("# tar\n\n- Extract an archive:\n\n`tar xf {{path/to/source.tar}}`\n")},
		"pages/tr/tar.md": {Data: []byte("# tar\n\n- Bir arşivi çıkar:\n\n`tar xf {{yol/kaynak.tar}}`\n")},
	}
	p, err := project.New("/p", files, []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	fs, errs := p.Scan()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	arts := track.Analyze(p, project.Group(p.Load(fs)))
	count := func(opts Options) int {
		n := 0
		for _, f := range Run(Input{Config: p.Config, Articles: arts, Options: opts}) {
			if f.Rule == Code {
				n++
			}
		}
		return n
	}
	re, err := CodePlaceholder(`\{\{.*?\}\}`)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(Options{}); n != 1 {
		t.Errorf("without placeholders: %d code findings, want 1", n)
	}
	if n := count(Options{CodePlaceholders: []*regexp.Regexp{re}}); n != 0 {
		t.Errorf("with placeholders: %d code findings, want 0", n)
	}
}

func TestCodePlaceholder(t *testing.T) {
	for _, bad := range []string{"a*", "(", "", "x?"} {
		if _, err := CodePlaceholder(bad); err == nil {
			t.Errorf("CodePlaceholder(%q) accepted", bad)
		}
	}
	for _, good := range []string{`\{\{.*?\}\}`, `<[a-z_-]+>`, `\$[A-Z_]+`} {
		if _, err := CodePlaceholder(good); err != nil {
			t.Errorf("CodePlaceholder(%q): %v", good, err)
		}
	}
}
