package check

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// texts returns the text tokens of code (what may be translated), white
// space collapsed.
func texts(x *lexed) []string {
	var out []string
	for _, i := range x.text {
		out = append(out, x.textOf(i))
	}
	return out
}

// codeOf returns the code tokens of x as written.
func codeOf(x *lexed) []string {
	var out []string
	for _, i := range x.code {
		t := x.toks[i]
		out = append(out, x.src[t.off:t.end])
	}
	return out
}

func TestLexCodeLanguages(t *testing.T) {
	tests := []struct {
		info, src string
		code      string // code tokens joined by spaces
		text      []string
	}{
		// JavaScript: // and /* */ comments, three quotes, JSX text.
		{"js", "const a = 'Pause'; // stop\n/* b */ x === y", "const a = 'Pause' ; x === y", []string{"'Pause'", "// stop", "/* b */"}},
		{"jsx", "return <p className=\"x\">Hello, {name}!</p>;", "return < p className = \"x\" > { < / p > ;", []string{`"x"`, "Hello,", "!"}},
		{"tsx", "const m = new Map<string, number>();", "const m = new Map < string , number > ( ) ;", nil},
		{"js", "if (a < b && c > d) {}", "if ( a < b && c > d ) { }", nil},
		{"js", "const s = `${a} of ${b}`;", "const s = `${a} of ${b}` ;", []string{"`${a} of ${b}`"}},
		// Python: # anywhere after white space, triple-quoted strings.
		{"python", "def f():\n    \"\"\"Doc: it's.\"\"\"\n    return 1  # one", "def f ( ) : \"\"\"Doc: it's.\"\"\" return 1", []string{`"""Doc: it's."""`, "# one"}},
		// Shell: '#' after white space is a comment, inside a word not;
		// single quotes have no escapes.
		{"sh", "echo ${#a} x#y # note\necho 'a\\' b", "echo $ { # a } x # y echo 'a\\' b", []string{"# note", `'a\'`}},
		// YAML: a value of words is text, a name:tag value is code, a
		// quoted key is a key.
		{"yaml", "title: My first post\nimage: nginx:1.14.2 # pinned\n\"on\": push", "title : image : nginx : 1.14.2 \"on\" : push", []string{"My first post", "# pinned"}},
		{"yml", "name: Ayşe\nlist: [a, b]", "name : list : [ a , b ]", []string{"Ayşe"}},
		// HTML: text between tags, attributes are strings, <!-- -->,
		// <script> read as JavaScript, void elements.
		{"html", "<!-- nav --><p class=\"a\">Hi<br>there</p><script>let x = 'y' // z\n</script>", "< p class = \"a\" > < br > < / p > < script > let x = 'y' < / script >", []string{"<!-- nav -->", `"a"`, "Hi", "there", "'y'", "// z"}},
		// CSS: '#' is a selector or a colour.
		{"css", "/* c */ #main { color: #fff; content: \"Note\"; }", "# main { color : # fff ; content : \"Note\" ; }", []string{"/* c */", `"Note"`}},
		// SQL: -- comments, '...' strings, "..." identifiers.
		{"sql", "SELECT \"Name\" FROM t WHERE a = 'x' -- why", "SELECT \"Name\" FROM t WHERE a = 'x'", []string{"'x'", "-- why"}},
		// Go: raw strings, runes.
		{"go", "s := `raw` + \"s\" // c", "s := `raw` + \"s\"", []string{"`raw`", `"s"`, "// c"}},
		// JSON: keys are code, values strings.
		{"json", `{"name": "x", "n": [1, 2]}`, `{ "name" : "x" , "n" : [ 1 , 2 ] }`, []string{`"x"`}},
		// Generic (no language, or one not listed): "//" and "# " after
		// white space, /* */, <!-- -->, URLs kept.
		{"", "curl https://x.org/#a # fetch", "curl https : / / x . org / # a", []string{"# fetch"}},
		{"", "#include <stdio.h>", "# include < stdio . h >", nil},
		{"unknown-lang", "run // note", "run", []string{"// note"}},
		{"js {1,3}", "a // b", "a", []string{"// b"}},
		// Unterminated strings end at the line's end, comments at the end.
		{"js", "a = 'open\nb /* never closed", "a = 'open b", []string{"'open", "/* never closed"}},
		{"python", "x = \"\"\"never closed", "x = \"\"\"never closed", []string{`"""never closed`}},
	}
	for _, tt := range tests {
		x := lex(tt.src, tt.info, nil)
		if got := strings.Join(codeOf(x), " "); got != tt.code {
			t.Errorf("%s %q: code\n got %s\nwant %s", tt.info, tt.src, got, tt.code)
		}
		if got := texts(x); strings.Join(got, "|") != strings.Join(tt.text, "|") {
			t.Errorf("%s %q: text\n got %q\nwant %q", tt.info, tt.src, got, tt.text)
		}
	}
}

func TestLexCodeShapes(t *testing.T) {
	holes := []*regexp.Regexp{regexp.MustCompile(`\{\{.*?\}\}`)}
	tests := []struct {
		info, a, b string
		holes      bool
		same       bool
	}{
		{"js", "f('Pause') // x", "f('Duraklat') // y", false, true},
		{"js", "f('Pause')", "f(\"Duraklat\")", false, true},
		{"js", "`${a} in ${b}`", "`${b} içinde ${a}`", false, true},
		{"js", "`${a} in ${b}`", "`${a} içinde ${c}`", false, false},
		{"js", "fetchData()", "fetchDta()", false, false},
		{"js", "a === b", "a == b", false, false},
		{"json", `{"title": "a"}`, `{"başlık": "a"}`, false, false},
		{"sh", "cp {{path/to/a}} {{path/to/b}}", "cp {{yol/a}} {{yol/b}}", false, false},
		{"sh", "cp {{path/to/a}} {{path/to/b}}", "cp {{yol/a}} {{yol/b}}", true, true},
		{"", "tar cf {{path/to/file}}", "tar xf {{yol/dosya}}", true, false},
		{"", "cp {{a}} {{b}}", "cp {{a}}", true, false},
		{"python", "x = 1  # one", "x = 1  # bir", false, true},
		{"python", "x = 1", "x = 2", false, false},
		{"html", "<b>Bold</b> text", "<b>Kalın</b> metin", false, true},
		{"html", "<b>Bold</b>", "<i>Bold</i>", false, false},
		{"jsx", "<p>({index + 1} of {list.length})</p>", "<p>({list.length} içinden {index + 1})</p>", false, true},
		{"jsx", "<p>{a} <b>{b}</b></p>", "<p>{b} <b>{a}</b></p>", false, false},
		{"jsx", "<p>{isOn ? 'On' : 'Off'} now</p>", "<p>şimdi {isOn ? 'Açık' : 'Kapalı'}</p>", false, true},
		{"jsx", "<p>{count} items</p>", "<p>{count + 1} öğe</p>", false, false},
		{"yaml", "title: A post\nn: 3", "title: Bir yazı\nn: 3", false, true},
		{"yaml", "image: nginx:1.14.2", "image: nginx:1.14.3", false, false},
	}
	for _, tt := range tests {
		var h []*regexp.Regexp
		if tt.holes {
			h = holes
		}
		a, b := lex(tt.a, tt.info, h), lex(tt.b, tt.info, h)
		if got := a.shape == b.shape; got != tt.same {
			t.Errorf("%s: %q and %q: same code %v, want %v\n%q\n%q", tt.info, tt.a, tt.b, got, tt.same, a.shape, b.shape)
		}
	}
}

func TestLexCodeLines(t *testing.T) {
	x := lex("a\n// c\n\nb 'x\ny'", "js", nil)
	var got []int
	for _, tk := range x.toks {
		got = append(got, tk.line)
	}
	want := []int{0, 1, 3, 3, 4, 4}
	if len(got) != len(want) {
		t.Fatalf("lines %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("lines %v, want %v", got, want)
		}
	}
}

// TestLexCodeHostile lexes large hostile inputs: unterminated strings,
// comments, tags and template expressions, deep nesting. Every token must
// lie inside the input, in order, without overlap.
func TestLexCodeHostile(t *testing.T) {
	const n = 1 << 14
	inputs := map[string]string{
		"templates":  strings.Repeat("`${", n),
		"jsx":        strings.Repeat("{<a>", n),
		"tags":       strings.Repeat("<a ", n),
		"comment":    "/*" + strings.Repeat("x", n),
		"html":       strings.Repeat("<!--", n),
		"quotes":     strings.Repeat("'\\", n),
		"yaml":       strings.Repeat("a: [", n),
		"yaml words": strings.Repeat("a: b ", n),
		"scripts":    strings.Repeat("<script>", n),
		"closers":    strings.Repeat("}", n),
		"unicode":    strings.Repeat("ü\u00a0€\xff", n),
	}
	for name, s := range inputs {
		for _, info := range []string{"js", "html", "yaml", "sh", "python", "sql", ""} {
			checkTokens(t, name+" "+info, s, lexCode(s, langOf(info), []*regexp.Regexp{regexp.MustCompile(`\{\{.*?\}\}`)}))
		}
	}
}

func checkTokens(t *testing.T, name, s string, toks []codeToken) {
	t.Helper()
	at, line := 0, 0
	for _, tk := range toks {
		if tk.off < at || tk.end <= tk.off || tk.end > len(s) {
			t.Fatalf("%s: token [%d,%d) after %d in %d bytes", name, tk.off, tk.end, at, len(s))
		}
		line += strings.Count(s[at:tk.off], "\n")
		if tk.line != line {
			t.Fatalf("%s: token at %d on line %d, want %d", name, tk.off, tk.line, line)
		}
		if tk.kind != tokHole && tk.label == "" && !tk.isText() {
			t.Fatalf("%s: code token at %d without a label", name, tk.off)
		}
		at = tk.end
		line += strings.Count(s[tk.off:tk.end], "\n")
	}
}

// FuzzCodeTokens lexes arbitrary code in each language: it must not
// panic, and its tokens must lie inside the input, in order.
func FuzzCodeTokens(f *testing.F) {
	for _, s := range []string{
		"const a = 'Pause'; // x\n<b>{`${c}`}</b>",
		"'unterminated", "\"unterminated\nnext", "`${", "`${`${`${", "/* never", "<!-- never", "<a href=\"x", "<script>", "<style>a{",
		"\"\"\"", "'''x", "a: b c # d", "a: [", "{{path/to/file}}", "{{", "}}}", "<>", "</>", "<a/>", "<!DOCTYPE html>",
		"\\", "'\\", "${#a[@]}", "-- c", "#", "#!", "\xff\xfe", "ü\u00a0", strings.Repeat("{<a>", 50), strings.Repeat("(", 100),
	} {
		for _, info := range []string{"js", "html", "yaml", "sh", "python", "sql", "css", "json", "go", ""} {
			f.Add(s, info)
		}
	}
	holes := []*regexp.Regexp{regexp.MustCompile(`\{\{.*?\}\}`), regexp.MustCompile(`<[a-z_]+>`)}
	f.Fuzz(func(t *testing.T, s, info string) {
		checkTokens(t, info, s, lexCode(s, langOf(info), nil))
		checkTokens(t, info+" holes", s, lexCode(s, langOf(info), holes))
		x := lex(s, info, holes)
		if len(x.code)+len(x.text) < len(x.toks) {
			t.Fatalf("a token neither code nor text")
		}
	})
}

func TestNumberWords(t *testing.T) {
	tests := []struct {
		lang language.Tag
		in   string
		want string // values joined by spaces
	}{
		{language.English, "Six in the morning, twenty pods, One", "6 20 1"},
		{language.English, "someone, ones, tenth, sixty", ""},
		{language.English, "one2 3one", ""},
		{language.Turkish, "sabah altı'ya, altıya, altıda, Altı’da", "6 6 6 6"},
		{language.Turkish, "on iki pod, onbeş, on, ondört", "12 15 10 14"},
		{language.Turkish, "dörde, dördü, üçte, beşe, yirmiye, ikisi, biri, dokuzdan", "4 4 3 5 20 2 1 9"},
		{language.Turkish, "ona, onu, onda, onay, onur, birçok, birinci, altında, beşik, ikinci", ""},
		{language.Turkish, "İKİ, ALTI", "2 6"},
		{language.Turkish, "altı'nın altı'xyz", "6"},
		{language.German, "eins zwei", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range numberWords(tt.in, tt.lang) {
			got = append(got, n.values...)
			if !n.soft {
				t.Errorf("%q: a word that is not soft", tt.in)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("numberWords(%q, %v) = %q, want %q", tt.in, tt.lang, g, tt.want)
		}
	}
}

// FuzzNumberWords reads arbitrary text for number words.
func FuzzNumberWords(f *testing.F) {
	for _, s := range []string{"on iki", "altı'ya", "on", "on on on bir", "’", "'", "six'", "ALTI\u0307", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tag := range []language.Tag{language.Turkish, language.English} {
			for _, n := range numberWords(s, tag) {
				if len(n.values) != 1 || !n.soft || !strings.Contains(s, strings.Fields(n.text)[0]) {
					t.Errorf("bad number word %+v in %q", n, s)
				}
			}
		}
	})
}
