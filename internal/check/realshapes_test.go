package check

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/project"
)

// The fixtures of issue 14: English pages and Turkish translations in the
// shapes human translators give them on real sites (a React documentation
// site's tutorial, a tldr-style command reference, the CNCF glossary, a
// Jekyll guide). On the faithful set the code and numbers rules (error
// severity) may raise a false alarm on at most 5 % of the pairs; every
// pair of the defect set must be found.

const shapesConfig = `languages: [en, tr]
source_language: en
`

// tldrPlaceholders is what a command reference configures: its
// {{placeholders}} inside code are translated by design.
var tldrPlaceholders = []*regexp.Regexp{regexp.MustCompile(`\{\{.*?\}\}`)}

type shapeCase struct {
	name    string
	en, tr  string // bodies
	tldr    bool   // with the command reference's placeholder pattern
	rule    string // defect set: the rule that must report it
	message string // defect set: part of the message
}

func fence(lang, body string) string { return "```" + lang + "\n" + body + "\n```\n" }

var faithfulShapes = []shapeCase{
	{name: "js comment translated",
		en: "Fetch the data:\n\n" + fence("js", "async function load() {\n  // A real implementation would fetch data from a server.\n  const res = await fetchData('/api/items');\n  return res.items;\n}"),
		tr: "Veriyi getirin:\n\n" + fence("js", "async function load() {\n  // Gerçek bir uygulama veriyi bir sunucudan getirirdi.\n  const res = await fetchData('/api/items');\n  return res.items;\n}")},
	{name: "string literal Pause -> Duraklat",
		en: "The button toggles playback:\n\n" + fence("js", "function PlayButton({ isPlaying, onClick }) {\n  return (\n    <button onClick={onClick}>\n      {isPlaying ? 'Pause' : 'Play'}\n    </button>\n  );\n}"),
		tr: "Düğme oynatmayı açıp kapatır:\n\n" + fence("js", "function PlayButton({ isPlaying, onClick }) {\n  return (\n    <button onClick={onClick}>\n      {isPlaying ? 'Duraklat' : 'Oynat'}\n    </button>\n  );\n}")},
	{name: "JSX text translated",
		en: fence("jsx", "export default function Profile() {\n  return (\n    <section>\n      <h1>Amazing scientists</h1>\n      <img src=\"https://i.imgur.com/MK3eW3As.jpg\" alt=\"Katherine Johnson\" />\n    </section>\n  );\n}"),
		tr: fence("jsx", "export default function Profile() {\n  return (\n    <section>\n      <h1>Harika bilim insanları</h1>\n      <img src=\"https://i.imgur.com/MK3eW3As.jpg\" alt=\"Katherine Johnson\" />\n    </section>\n  );\n}")},
	{name: "JSX expressions reordered with the words",
		en: fence("js", "return (\n  <>\n    <button onClick={handleClick}>\n      Next\n    </button>\n    <h2>\n      <i>{sculpture.name} </i>\n      by {sculpture.artist}\n    </h2>\n    <h3>\n      ({index + 1} of {sculptureList.length})\n    </h3>\n  </>\n);"),
		tr: fence("js", "return (\n  <>\n    <button onClick={handleClick}>\n      Sonraki\n    </button>\n    <h2>\n      <i>{sculpture.name} </i>\n      {sculpture.artist} tarafından\n    </h2>\n    <h3>\n      ({sculptureList.length} eserden {index + 1}.)\n    </h3>\n  </>\n);")},
	{name: "template literal reordered",
		en: fence("js", "const label = `${count} items in ${cart.name}`;"),
		tr: fence("js", "const label = `${cart.name} sepetinde ${count} ürün`;")},
	{name: "console.log message",
		en: fence("js", "function handleClick() {\n  console.log('You clicked me!');\n}"),
		tr: fence("js", "function handleClick() {\n  console.log('Bana tıkladın!');\n}")},
	{name: "JSX comment and alert",
		en: fence("js", "<Toolbar\n  onPlayMovie={() => alert('Playing!')}\n  {/* TODO: upload */}\n/>"),
		tr: fence("js", "<Toolbar\n  onPlayMovie={() => alert('Oynatılıyor!')}\n  {/* YAPILACAK: yükleme */}\n/>")},
	{name: "JSDoc block comment",
		en: fence("ts", "/**\n * Returns the sum of two numbers.\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}"),
		tr: fence("ts", "/**\n * İki sayının toplamını döndürür.\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}")},
	{name: "comment split over two lines",
		en: fence("js", "// Keep the list sorted so that the binary search below works.\nitems.sort(compare);"),
		tr: fence("js", "// Aşağıdaki ikili arama çalışsın diye\n// listeyi sıralı tutun.\nitems.sort(compare);")},
	{name: "quote style changed with the text",
		en: fence("js", "throw new Error(\"Don't call this twice\");"),
		tr: fence("js", "throw new Error('Bunu iki kez çağırmayın');")},
	{name: "python docstring and comment",
		en: fence("python", "def greet(name):\n    \"\"\"Return a greeting for name.\"\"\"\n    # Capitalise the first letter\n    return f\"Hello, {name.title()}!\""),
		tr: fence("python", "def greet(name):\n    \"\"\"name için bir selamlama döndürür.\"\"\"\n    # İlk harfi büyüt\n    return f\"Merhaba, {name.title()}!\"")},
	{name: "shell comment and quoted message",
		en: fence("sh", "# Install the dependencies\nnpm install\ngit commit -m \"Add the glossary entry\""),
		tr: fence("sh", "# Bağımlılıkları kurun\nnpm install\ngit commit -m \"Sözlük girdisini ekle\"")},
	{name: "shell trailing comment, # inside a word kept",
		en: fence("bash", "echo ${#files[@]} # count the files\ncurl https://example.com/#top"),
		tr: fence("bash", "echo ${#files[@]} # dosyaları say\ncurl https://example.com/#top")},
	{name: "console session",
		en: fence("console", "$ npm start # starts the development server\n> Ready on http://localhost:3000"),
		tr: fence("console", "$ npm start # geliştirme sunucusunu başlatır\n> Ready on http://localhost:3000")},
	{name: "yaml front matter example",
		en: fence("yaml", "---\nlayout: post\ntitle: My first post\ndate: 2025-12-03\n# Tags help readers find the post\ntags: [jekyll, blog]\n---"),
		tr: fence("yaml", "---\nlayout: post\ntitle: İlk yazım\ndate: 2025-12-03\n# Etiketler okurların yazıyı bulmasını sağlar\ntags: [jekyll, blog]\n---")},
	{name: "kubernetes manifest with comments",
		en: fence("yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3 # three pods\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.14.2"),
		tr: fence("yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3 # üç pod\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.14.2")},
	{name: "html text and comment",
		en: fence("html", "<!-- Main navigation -->\n<nav class=\"menu\">\n  <a href=\"/\">Home</a>\n  <a href=\"/about/\">About us</a>\n</nav>\n<p>Welcome to our site.<br>Enjoy!</p>"),
		tr: fence("html", "<!-- Ana gezinme -->\n<nav class=\"menu\">\n  <a href=\"/\">Ana sayfa</a>\n  <a href=\"/about/\">Hakkımızda</a>\n</nav>\n<p>Sitemize hoş geldiniz.<br>İyi okumalar!</p>")},
	{name: "html alt attribute",
		en: fence("html", "<img src=\"cat.png\" alt=\"A cat on a sofa\" width=\"300\">"),
		tr: fence("html", "<img src=\"cat.png\" alt=\"Kanepede bir kedi\" width=\"300\">")},
	{name: "css comment and content",
		en: fence("css", "/* Highlight notes */\n.note::before {\n  content: \"Note: \";\n  color: #0a0;\n}"),
		tr: fence("css", "/* Notları vurgula */\n.note::before {\n  content: \"Not: \";\n  color: #0a0;\n}")},
	{name: "sql comment and string",
		en: fence("sql", "-- Find the users called Alice\nSELECT id, \"userName\" FROM users WHERE name = 'Alice' LIMIT 10;"),
		tr: fence("sql", "-- Adı Ayşe olan kullanıcıları bul\nSELECT id, \"userName\" FROM users WHERE name = 'Ayşe' LIMIT 10;")},
	{name: "go comment and string",
		en: fence("go", "// main prints a greeting.\nfunc main() {\n\tfmt.Println(\"Hello, world\") // say hello\n}"),
		tr: fence("go", "// main bir selamlama yazdırır.\nfunc main() {\n\tfmt.Println(\"Merhaba dünya\") // selam ver\n}")},
	{name: "json values translated",
		en: fence("json", "{\n  \"title\": \"Getting started\",\n  \"pages\": 3,\n  \"draft\": false\n}"),
		tr: fence("json", "{\n  \"title\": \"Başlarken\",\n  \"pages\": 3,\n  \"draft\": false\n}")},
	{name: "generic block with # comment",
		en: fence("", "# Create the cluster\nkind create cluster --name demo"),
		tr: fence("", "# Kümeyi oluşturun\nkind create cluster --name demo")},
	{name: "inline string literal",
		en: "The button shows `'Pause'` while the video plays.\n",
		tr: "Video oynarken düğme `'Duraklat'` gösterir.\n"},
	{name: "inline UI label translated",
		en: "Click `Add to cart` to keep the item.\n",
		tr: "Ürünü saklamak için `Sepete ekle` düğmesine tıklayın.\n"},
	{name: "inline code as plain text",
		en: "Download `kubernetes.mp4` to watch it offline.\n",
		tr: "Çevrimdışı izlemek için kubernetes.mp4 dosyasını indirin.\n"},
	{name: "tldr tar placeholders", tldr: true,
		en: "- Create an archive from files:\n\n`tar cf {{path/to/target.tar}} {{path/to/file1 path/to/file2 ...}}`\n",
		tr: "- Dosyalardan bir arşiv oluştur:\n\n`tar cf {{yol/hedef.tar}} {{yol/dosya1 yol/dosya2 ...}}`\n"},
	{name: "tldr cp placeholders", tldr: true,
		en: "- Copy a file to another location:\n\n`cp {{path/to/source_file.ext}} {{path/to/target_file.ext}}`\n",
		tr: "- Bir dosyayı başka bir konuma kopyala:\n\n`cp {{yol/kaynak_dosya.ext}} {{yol/hedef_dosya.ext}}`\n"},
	{name: "tldr quoted placeholder", tldr: true,
		en: "- Commit staged files with a message:\n\n`git commit --message \"{{message}}\"`\n",
		tr: "- Hazırlanan dosyaları bir mesajla commit et:\n\n`git commit --message \"{{mesaj}}\"`\n"},
	{name: "tldr placeholder with a number", tldr: true,
		en: "- Show the last lines of a file:\n\n`tail --lines {{10}} {{path/to/file}}`\n",
		tr: "- Bir dosyanın son satırlarını göster:\n\n`tail --lines {{10}} {{yol/dosya}}`\n"},
	{name: "six in the morning",
		en: "The library opens at six in the morning and closes at 10 pm.\n",
		tr: "Kütüphane sabah 6'da açılır, akşam 10'da kapanır.\n"},
	{name: "digits to words with suffix",
		en: "Open from 9 to 6 on weekdays.\n",
		tr: "Hafta içi dokuzdan altıya kadar açık.\n"},
	{name: "altı'ya with apostrophe",
		en: "Wait until 6 before you call.\n",
		tr: "Aramadan önce saat altı'ya kadar bekleyin.\n"},
	{name: "two minutes",
		en: "It takes two minutes to set up a cluster.\n",
		tr: "Bir küme kurmak 2 dakika sürer.\n"},
	{name: "beş saniye",
		en: "Wait 5 seconds between retries.\n",
		tr: "Denemeler arasında beş saniye bekleyin.\n"},
	{name: "on iki",
		en: "The chart deploys 12 pods.\n",
		tr: "Grafik on iki pod dağıtır.\n"},
	{name: "yirmi",
		en: "Keep at most 20 revisions.\n",
		tr: "En fazla yirmi sürüm saklayın.\n"},
	{name: "ten with suffix",
		en: "Scale the service up to ten replicas.\n",
		tr: "Hizmeti 10'a kadar kopyaya ölçekleyin.\n"},
	{name: "bir for 1",
		en: "Only 1 replica is running.\n",
		tr: "Yalnızca bir kopya çalışıyor.\n"},
	{name: "two or three",
		en: "Pick two or three labels.\n",
		tr: "2-3 etiket seçin.\n"},
	{name: "number words on both sides",
		en: "One of the three replicas failed.\n",
		tr: "Üç kopyadan biri başarısız oldu.\n"},
	{name: "number in inline code vs plain",
		en: "Set the timeout to `90` seconds.\n",
		tr: "Zaman aşımını 90 saniyeye ayarlayın.\n"},
	{name: "plain vs number in inline code",
		en: "The server listens on port 8080.\n",
		tr: "Sunucu `8080` portunu dinler.\n"},
	{name: "percent and decimals",
		en: "Usage fell by 12.5% to 1,250 requests.\n",
		tr: "Kullanım %12,5 azalarak 1.250 isteğe düştü.\n"},
	{name: "date with month name",
		en: "Published on 3 December 2025.\n",
		tr: "03.12.2025 tarihinde yayımlandı.\n"},
	{name: "markdown template block",
		en: fence("md", "## Title\n\nWrite one sentence here."),
		tr: fence("md", "## Başlık\n\nBuraya bir cümle yazın.")},
	// A shape that still raises a false alarm: unquoted words in a shell
	// command are code to a lexer that does not know echo's arguments.
	{name: "unquoted echo argument translated",
		en: fence("sh", "echo Hello world"),
		tr: fence("sh", "echo Merhaba dünya")},
}

var defectShapes = []shapeCase{
	{name: "changed number", rule: Numbers, message: "number 1,250 in the source (line 5), 1.260 in the translation",
		en: "A survey of 1,250 students.\n", tr: "1.260 öğrenciyle bir anket.\n"},
	{name: "changed number beside a number word", rule: Numbers, message: "number 7 is not in the English source",
		en: "The library opens at six in the morning.\n", tr: "Kütüphane sabah 7'de açılır.\n"},
	{name: "changed number, bir in the sentence", rule: Numbers, message: "number 3 in the source (line 5), 5 in the translation",
		en: "Run 3 replicas for a highly available service.\n", tr: "Yüksek erişilebilir bir hizmet için 5 kopya çalıştırın.\n"},
	{name: "dropped 100%", rule: Numbers, message: "number 100% in the source (line 5) is not in the translation",
		en: "100% of the traffic goes to the new version.\n", tr: "Trafiğin tamamı yeni sürüme gider.\n"},
	{name: "renamed identifier", rule: Code, message: "code block differs from the source's (line 8): `fetchData` in the source (line 10) is `fetchDta` in the translation (line 10)",
		en: "Fetch the data:\n\n" + fence("js", "async function load() {\n  // A real implementation would fetch data from a server.\n  const res = await fetchData('/api/items');\n  return res.items;\n}"),
		tr: "Veriyi getirin:\n\n" + fence("js", "async function load() {\n  // Gerçek bir uygulama veriyi bir sunucudan getirirdi.\n  const res = await fetchDta('/api/items');\n  return res.items;\n}")},
	{name: "changed operator", rule: Code, message: "`===` in the source (line 6) is `==` in the translation (line 6)",
		en: fence("js", "if (status === 'ready') {\n  start(); // go\n}"),
		tr: fence("js", "if (status == 'ready') {\n  start(); // başla\n}")},
	{name: "changed python operator", rule: Code, message: "`>=` in the source (line 7) is `>` in the translation (line 7)",
		en: fence("python", "# Adults only\nif age >= 18:\n    allow()"),
		tr: fence("python", "# Yalnızca yetişkinler\nif age > 18:\n    allow()")},
	{name: "changed number in a manifest", rule: Code, message: "`3` in the source (line 7) is `5` in the translation (line 7)",
		en: fence("yaml", "spec:\n  replicas: 3 # three pods"),
		tr: fence("yaml", "spec:\n  replicas: 5 # üç pod")},
	{name: "dropped line of code", rule: Code, message: "`res.raise_for_status()` in the source (line 7) is not in the translation",
		en: fence("python", "res = requests.get(url)\nres.raise_for_status()\nreturn res.json()"),
		tr: fence("python", "res = requests.get(url)\nreturn res.json()")},
	{name: "renamed inline identifier", rule: Code, message: "`useState` in the source (line 5), `useStat` in the translation",
		en: "Call `useState` at the top level.\n", tr: "`useStat` fonksiyonunu en üst düzeyde çağırın.\n"},
	{name: "changed number in inline code", rule: Code, message: "`90` in the source (line 5), `60` in the translation",
		en: "Set the timeout to `90` seconds.\n", tr: "Zaman aşımını `60` saniyeye ayarlayın.\n"},
	{name: "renamed JSX tag", rule: Code, message: "`button` in the source (line 6) is `buton` in the translation (line 6)",
		en: fence("jsx", "return <button onClick={onClick}>Pause</button>;"),
		tr: fence("jsx", "return <buton onClick={onClick}>Duraklat</buton>;")},
	{name: "translated JSON key", rule: Code, message: "`\"title\"` in the source (line 7) is `\"başlık\"` in the translation (line 7)",
		en: fence("json", "{\n  \"title\": \"Getting started\"\n}"),
		tr: fence("json", "{\n  \"başlık\": \"Başlarken\"\n}")},
	{name: "tldr changed flag", tldr: true, rule: Code, message: "`tar cf {{path/to/target.tar}}` in the source (line 7), `tar xf {{yol/hedef.tar}}` in the translation",
		en: "- Create an archive:\n\n`tar cf {{path/to/target.tar}}`\n", tr: "- Bir arşiv oluştur:\n\n`tar xf {{yol/hedef.tar}}`\n"},
	{name: "tldr dropped placeholder", tldr: true, rule: Code, message: "`cp {{path/to/source}} {{path/to/target}}` in the source (line 7), `cp {{yol/kaynak}}` in the translation",
		en: "- Copy a file:\n\n`cp {{path/to/source}} {{path/to/target}}`\n", tr: "- Bir dosyayı kopyala:\n\n`cp {{yol/kaynak}}`\n"},
}

// shapeFindings compares one pair with every content rule.
func shapeFindings(t *testing.T, c shapeCase) []Finding {
	t.Helper()
	cfg, err := config.Parse("ceviri.yaml", []byte(shapesConfig))
	if err != nil {
		t.Fatal(err)
	}
	src := project.Parse(project.File{ID: "a", Lang: "en", Path: "content/en/a.md"}, []byte("---\ntitle: A\n---\n\n"+c.en), cfg)
	tr := project.Parse(project.File{ID: "a", Lang: "tr", Path: "content/tr/a.md"}, []byte("---\ntitle: B\n---\n\n"+c.tr), cfg)
	if src.Err != nil || tr.Err != nil {
		t.Fatalf("%s: %v %v", c.name, src.Err, tr.Err)
	}
	var opts Options
	if c.tldr {
		opts.CodePlaceholders = tldrPlaceholders
	}
	fs := compareWith(cfg, opts, finder{id: "a", lang: "tr", file: tr.Path}, src, tr, nil)
	for i := range fs {
		fs[i].Severity = SeverityOf(cfg, fs[i].Rule)
	}
	return fs
}

// gateErrors are the findings of the code and numbers rules at error
// severity.
func gateErrors(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if (f.Rule == Code || f.Rule == Numbers) && f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}

func TestRealShapesFalseAlarms(t *testing.T) {
	alarms := 0
	for _, c := range faithfulShapes {
		if errs := gateErrors(shapeFindings(t, c)); len(errs) > 0 {
			alarms++
			for _, f := range errs {
				t.Logf("false alarm on %q: line %d: %s: %s", c.name, f.Line, f.Rule, f.Message)
			}
		}
	}
	rate := 100 * float64(alarms) / float64(len(faithfulShapes))
	t.Logf("code and numbers (error severity) on %d faithful pairs: %d with a false alarm (%.1f %%)", len(faithfulShapes), alarms, rate)
	if rate > 5 {
		t.Errorf("false-alarm rate %.1f %% (%d of %d pairs), want at most 5 %%", rate, alarms, len(faithfulShapes))
	}
}

func TestRealShapesDefects(t *testing.T) {
	found := 0
	for _, c := range defectShapes {
		ok := false
		var got []string
		for _, f := range gateErrors(shapeFindings(t, c)) {
			got = append(got, fmt.Sprintf("%d: %s: %s", f.Line, f.Rule, f.Message))
			if f.Rule == c.rule && strings.Contains(f.Message, c.message) {
				ok = true
			}
		}
		if ok {
			found++
		} else {
			t.Errorf("%s: no %s finding with %q; got %q", c.name, c.rule, c.message, got)
		}
	}
	t.Logf("code and numbers: %d of %d injected defects found (%.0f %%)", found, len(defectShapes), 100*float64(found)/float64(len(defectShapes)))
}
