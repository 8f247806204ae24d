package check

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/segment"
)

// A small, language-agnostic lexer for the code rule. It splits code into
// what must be carried over unchanged (identifiers and keywords, numbers,
// operators and punctuation, and where each string literal stands) and
// what a translator may translate (comments, the text of string literals,
// text between markup tags). It is not a parser of any language: it knows
// each family's comment markers and quotes (codeLangs) and nothing else,
// reads any input in one pass and never fails.

// tokKind is what a code token is.
type tokKind uint8

const (
	tokWord    tokKind = iota // identifier or keyword
	tokNumber                 // 42, 3.14, 0x1F
	tokPunct                  // operator or punctuation: ===, {, ;
	tokString                 // a string literal: its text may be translated
	tokKey                    // a string literal used as a key ("name": 1): code
	tokHole                   // a placeholder the site translates by design
	tokComment                // a comment: may be translated
	tokText                   // text between markup tags (HTML, JSX): may be translated
)

// codeToken is one token of a code text.
type codeToken struct {
	kind     tokKind
	off, end int    // byte offsets in the code text
	line     int    // 0-based line of off in the code text
	label    string // what the code comparison sees; "" for text tokens
}

// isText reports whether the token is text a translator may translate.
func (t codeToken) isText() bool { return t.kind >= tokComment || t.kind == tokString }

// codeLang is what the lexer knows of a family of languages.
type codeLang struct {
	lineComments []string    // markers of comments to the end of the line
	blocks       [][2]string // block comment markers
	// hash: '#' starts a comment at the start of a line or after white
	// space (shell, YAML, Python: "echo a#b" keeps its '#').
	hash bool
	// hashSpace: '#' starts a comment only where hash allows it and only
	// when followed by white space ("# note", not "#include" or "#fff").
	hashSpace bool
	// slashSpace: "//" starts a comment only at the start of a line or
	// after white space (not in "https://").
	slashSpace  bool
	quotes      string // characters that open a string literal
	rawSingle   bool   // '...' has no escapes (shell)
	multiline   string // quotes whose literals may span lines
	triple      bool   // """ and ''' literals (Python)
	templates   bool   // `...${expr}...` (JavaScript)
	markup      bool   // <tags> with text between them (JSX, HTML)
	htmlTop     bool   // the whole text is markup (HTML, XML)
	yamlValues  bool   // a plain scalar of words after "key: " is text
	dquoteIdent bool   // "..." is an identifier (SQL)
}

var (
	langC      = &codeLang{lineComments: []string{"//"}, blocks: [][2]string{{"/*", "*/"}}, quotes: "\"'`", multiline: "`"}
	langJS     = &codeLang{lineComments: []string{"//"}, blocks: [][2]string{{"/*", "*/"}}, quotes: "\"'`", multiline: "`", templates: true, markup: true}
	langCSS    = &codeLang{blocks: [][2]string{{"/*", "*/"}}, quotes: "\"'"}
	langSCSS   = &codeLang{lineComments: []string{"//"}, blocks: [][2]string{{"/*", "*/"}}, quotes: "\"'", slashSpace: true}
	langPython = &codeLang{hash: true, quotes: "\"'", triple: true}
	langShell  = &codeLang{hash: true, quotes: "\"'", rawSingle: true, multiline: "\"'"}
	langHash   = &codeLang{hash: true, quotes: "\"'"}
	langYAML   = &codeLang{hash: true, quotes: "\"'", yamlValues: true}
	langHTML   = &codeLang{blocks: [][2]string{{"<!--", "-->"}}, quotes: "\"'", markup: true, htmlTop: true, multiline: "\"'"}
	langSQL    = &codeLang{lineComments: []string{"--"}, blocks: [][2]string{{"/*", "*/"}}, quotes: "'", dquoteIdent: true}
	langJSON   = &codeLang{lineComments: []string{"//"}, blocks: [][2]string{{"/*", "*/"}}, quotes: "\""}
	// langGeneric is for inline code and blocks that name no language (or
	// one not listed): C-style block comments, HTML comments, "//" and
	// "# " after white space, the three quotes on one line, and tags.
	langGeneric = &codeLang{blocks: [][2]string{{"/*", "*/"}, {"<!--", "-->"}}, slashSpace: true, hash: true, hashSpace: true, quotes: "\"'`", markup: true}
)

// codeLangs maps a fence's language (the first word of its info string,
// lower case) to what the lexer knows of it. The list is in docs/editors.md.
var codeLangs = map[string]*codeLang{}

func init() {
	add := func(l *codeLang, names ...string) {
		for _, n := range names {
			codeLangs[n] = l
		}
	}
	add(langJS, "js", "jsx", "javascript", "ts", "tsx", "typescript", "mjs", "cjs", "mdx")
	add(langC, "go", "golang", "c", "h", "cpp", "c++", "cc", "java", "kotlin", "kt", "swift", "rust", "rs", "cs", "csharp", "scala", "dart", "groovy", "proto", "protobuf")
	add(langCSS, "css")
	add(langSCSS, "scss", "less", "sass")
	add(langPython, "python", "py", "python3", "py3", "pycon")
	add(langShell, "sh", "bash", "shell", "zsh", "fish", "console", "shell-session", "sh-session", "shellsession", "terminal", "ksh")
	add(langHash, "dockerfile", "docker", "makefile", "make", "toml", "ruby", "rb", "perl", "pl", "r", "nginx", "conf", "ini", "properties", "hcl", "terraform", "tf", "graphql", "gql", "elixir", "ex", "powershell", "ps1", "cmake", "gitignore", "env", "dotenv")
	add(langYAML, "yaml", "yml")
	add(langHTML, "html", "htm", "xhtml", "xml", "svg", "vue", "svelte")
	add(langSQL, "sql", "mysql", "postgresql", "postgres", "psql", "plsql", "sqlite")
	add(langJSON, "json", "jsonc", "json5", "jsonl")
}

// langOf returns the lexer's language for a fence's info string.
func langOf(info string) *codeLang {
	f := strings.Fields(info)
	if len(f) == 0 {
		return langGeneric
	}
	name := strings.ToLower(strings.TrimPrefix(strings.Trim(f[0], "{}"), "."))
	if i := strings.IndexAny(name, "{:"); i > 0 { // ```js{1,3} or ```js:title=x
		name = name[:i]
	}
	if l, ok := codeLangs[name]; ok {
		return l
	}
	return langGeneric
}

// maxCodeNesting bounds the nesting of template expressions and JSX that
// the lexer follows; deeper input is read flat (a hostile "${${${..."
// costs no stack).
const maxCodeNesting = 32

type lexer struct {
	src   string
	lang  *codeLang
	holes [][]int // placeholder spans, in order
	hole  int     // the first span that may still start ahead
	toks  []codeToken
	depth int
}

// lexCode splits code in a language into tokens. holes are the patterns of
// placeholders that a site translates by design (see Options); a match
// that starts where a token would start is one tokHole.
func lexCode(src string, lang *codeLang, holes []*regexp.Regexp) []codeToken {
	l := &lexer{src: src, lang: lang}
	for _, re := range holes {
		for _, m := range re.FindAllStringIndex(src, -1) {
			if m[1] > m[0] {
				l.holes = append(l.holes, m)
			}
		}
	}
	if len(holes) > 1 {
		sort.Slice(l.holes, func(i, j int) bool { return l.holes[i][0] < l.holes[j][0] })
	}
	if lang.htmlTop {
		l.children(0, len(src), true)
	} else {
		l.code(0, len(src), false)
	}
	// Lines, in one pass: tokens are in order of their offsets.
	line, at := 0, 0
	for i := range l.toks {
		line += strings.Count(src[at:l.toks[i].off], "\n")
		at = l.toks[i].off
		l.toks[i].line = line
	}
	return l.toks
}

func (l *lexer) emit(k tokKind, off, end int, label string) {
	l.toks = append(l.toks, codeToken{kind: k, off: off, end: end, label: label})
}

// punctLabels are the labels of one-byte punctuation, made once.
var punctLabels [utf8.RuneSelf]string

func init() {
	for c := range punctLabels {
		punctLabels[c] = "p:" + string(rune(c))
	}
}

// punct emits src[i:j] as punctuation.
func (l *lexer) punct(i, j int) {
	label := ""
	if j == i+1 && l.src[i] < utf8.RuneSelf {
		label = punctLabels[l.src[i]]
	} else {
		label = "p:" + l.src[i:j]
	}
	l.emit(tokPunct, i, j, label)
}

// holeAt returns the end of a placeholder starting at i, or -1.
func (l *lexer) holeAt(i int) int {
	for l.hole < len(l.holes) && l.holes[l.hole][0] < i {
		l.hole++
	}
	if l.hole < len(l.holes) && l.holes[l.hole][0] == i {
		end := l.holes[l.hole][1]
		l.hole++
		return end
	}
	return -1
}

// afterSpace reports whether i is at the start of a line or after white
// space.
func (l *lexer) afterSpace(i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(l.src[:i])
	return unicode.IsSpace(r)
}

// prevOnLine reports whether a token precedes offset i on the same line.
func (l *lexer) prevOnLine(i int) bool {
	if len(l.toks) == 0 {
		return false
	}
	p := l.toks[len(l.toks)-1]
	return p.end <= i && !strings.Contains(l.src[p.end:i], "\n")
}

var operators = []string{
	"===", "!==", "**=", "...", ">>>", "<<=", ">>=", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
	"%=", "&=", "|=", "^=", "->", "::", ":=", "<<", ">>", "**", "<-",
}

// code lexes src[i:end] as code. With inBraces it stops at the '}' that
// closes the '{' before i (a template or JSX expression) and returns its
// offset.
func (l *lexer) code(i, end int, inBraces bool) int {
	src, lang := l.src, l.lang
	depth := 0
	for i < end {
		if h := l.holeAt(i); h > i {
			if h > end {
				h = end
			}
			l.emit(tokHole, i, h, "h")
			i = h
			continue
		}
		c := src[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			i++
			continue
		}
		if j := l.comment(i, end); j > i {
			l.emit(tokComment, i, j, "")
			i = j
			continue
		}
		switch {
		case strings.IndexByte(lang.quotes, c) >= 0:
			i = l.str(i, end)
			continue
		case c == '"' && lang.dquoteIdent:
			j := strings.IndexByte(src[i+1:end], '"')
			if j < 0 {
				j = end
			} else {
				j += i + 2
			}
			l.emit(tokWord, i, j, "w:"+src[i:j])
			i = j
			continue
		case c == '<' && lang.markup && l.tagStart(i, end):
			i = l.element(i, end)
			continue
		case c == '{':
			depth++
		case c == '}' && inBraces:
			if depth == 0 {
				return i
			}
			depth--
		case c == ':' && lang.yamlValues:
			if j := l.yamlValue(i, end); j > i {
				i = j
				continue
			}
		case c >= '0' && c <= '9':
			j := i + 1
			for j < end && (isWordByte(src[j]) || src[j] == '.' && j+1 < end && isDigit(src[j+1])) {
				j++
			}
			l.emit(tokNumber, i, j, "n:"+src[i:j])
			i = j
			continue
		}
		if r, n := utf8.DecodeRuneInString(src[i:end]); isWordStart(r) {
			j := i + n
			for j < end {
				r, n := utf8.DecodeRuneInString(src[j:end])
				if !isWordStart(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
					break
				}
				j += n
			}
			l.emit(tokWord, i, j, "w:"+src[i:j])
			i = j
			continue
		} else if r >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += n
			continue
		} else if r >= utf8.RuneSelf {
			l.emit(tokPunct, i, i+n, "p:"+src[i:i+n])
			i += n
			continue
		}
		n := 1
		for _, op := range operators {
			if op[0] == c && strings.HasPrefix(src[i:end], op) {
				n = len(op)
				break
			}
		}
		l.punct(i, i+n)
		i += n
	}
	return end
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isWordStart(r rune) bool { return r == '_' || r == '$' || unicode.IsLetter(r) }

// comment returns the end of a comment starting at i, or i when none does.
// An unterminated block comment runs to the end.
func (l *lexer) comment(i, end int) int {
	src, lang := l.src[:end], l.lang
	rest := src[i:]
	for _, m := range lang.lineComments {
		if strings.HasPrefix(rest, m) && (m != "//" || !lang.slashSpace || l.afterSpace(i)) {
			return lineEnd(src, i)
		}
	}
	if lang.slashSpace && len(lang.lineComments) == 0 && strings.HasPrefix(rest, "//") && l.afterSpace(i) {
		return lineEnd(src, i)
	}
	if rest[0] == '#' && lang.hash && l.afterSpace(i) &&
		(!lang.hashSpace || len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t' || rest[1] == '\n') {
		return lineEnd(src, i)
	}
	for _, b := range lang.blocks {
		if strings.HasPrefix(rest, b[0]) {
			if j := strings.Index(rest[len(b[0]):], b[1]); j >= 0 {
				return i + len(b[0]) + j + len(b[1])
			}
			return end
		}
	}
	return i
}

func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// str lexes a string literal at i and returns its end. A literal not
// closed on its line (or, for quotes that may span lines, at all) ends
// there. A string followed by ':' that starts a line or follows '{' or ','
// is a key, compared as code. In a template literal, the ${expressions}
// are code: the literal's label holds their labels, in sorted order (a
// translation may reorder them with its words).
func (l *lexer) str(i, end int) int {
	src, lang := l.src, l.lang
	q := src[i]
	open := 1
	if lang.triple && (q == '"' || q == '\'') && strings.HasPrefix(src[i:end], strings.Repeat(string(q), 3)) {
		open = 3
	}
	multi := open == 3 || strings.IndexByte(lang.multiline, q) >= 0
	escapes := !(lang.rawSingle && q == '\'')
	var exprs []string
	j := i + open
	for j < end {
		c := src[j]
		switch {
		case c == '\\' && escapes:
			j += 2
			continue
		case c == '\n' && !multi:
		case c == q && (open == 1 || strings.HasPrefix(src[j:end], strings.Repeat(string(q), 3))):
			j += open
		case c == '$' && q == '`' && lang.templates && j+1 < end && src[j+1] == '{' && l.depth < maxCodeNesting:
			mark := len(l.toks)
			l.depth++
			k := l.code(j+2, end, true)
			l.depth--
			var b strings.Builder
			for _, t := range l.toks[mark:] {
				if t.label != "" {
					b.WriteString(t.label)
					b.WriteByte(' ')
				}
			}
			exprs = append(exprs, b.String())
			l.toks = l.toks[:mark]
			j = k + 1
			continue
		default:
			j++
			continue
		}
		break
	}
	if j > end {
		j = end
	}
	label := "s"
	if len(exprs) > 0 {
		sort.Strings(exprs)
		label = "s{" + strings.Join(exprs, "|") + "}"
	}
	kind := tokString
	if q != '`' && l.isKey(i, j, end) {
		kind, label = tokKey, "k:"+src[i+open:max(i+open, j-open)]
	}
	l.emit(kind, i, j, label)
	return j
}

// isKey reports whether the string src[i:j] is a key: followed by ':' (not
// "::"), and first on its line or after '{' or ','.
func (l *lexer) isKey(i, j, end int) bool {
	k := j
	for k < end && (l.src[k] == ' ' || l.src[k] == '\t') {
		k++
	}
	if k >= end || l.src[k] != ':' || k+1 < end && l.src[k+1] == ':' {
		return false
	}
	if !l.prevOnLine(i) {
		return true
	}
	p := l.toks[len(l.toks)-1]
	return p.label == "p:{" || p.label == "p:,"
}

// yamlValue reads the plain scalar after "key:" at i: when it holds white
// space or a letter beyond ASCII ("title: My first post", "başlık: Merhaba")
// it is text, and yamlValue emits the colon and the text and returns the
// end of the line (before a comment); otherwise it returns i and the value
// is lexed as code ("image: nginx:1.14.2").
func (l *lexer) yamlValue(i, end int) int {
	src := l.src
	if i+1 >= end || src[i+1] != ' ' || !l.prevOnLine(i) || l.toks[len(l.toks)-1].kind != tokWord && l.toks[len(l.toks)-1].kind != tokKey {
		return i
	}
	s := i + 1
	for s < end && src[s] == ' ' {
		s++
	}
	// A flow collection, a quoted or block scalar, an anchor, a tag or an
	// empty value is code; looked at before the line is (a line of
	// "a: [a: [..." must not be read once per colon).
	if s >= end || strings.IndexByte("\"'[{|>&*!%@`-#\n\r", src[s]) >= 0 {
		return i
	}
	e := lineEnd(src[:end], s)
	if k := strings.Index(src[s:e], " #"); k >= 0 {
		e = s + k
	}
	v := strings.TrimRight(src[s:e], " \t\r")
	if v == "" {
		return i
	}
	prose := strings.ContainsAny(v, " \t")
	for _, r := range v {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			prose = true
		}
	}
	if !prose {
		return i
	}
	l.emit(tokPunct, i, i+1, "p::")
	l.emit(tokText, s, s+len(v), "")
	return s + len(v)
}

// tagStart reports whether the '<' at i opens a markup tag: a letter, '/'
// or '>' follows, and it stands where an expression may start (not after a
// name, a number or a closing bracket: "a<b", "Array<T>", "x) < y").
func (l *lexer) tagStart(i, end int) bool {
	if i+1 >= end || l.depth >= maxCodeNesting {
		return false
	}
	c := l.src[i+1]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '>') {
		return false
	}
	if len(l.toks) == 0 {
		return true
	}
	p := l.toks[len(l.toks)-1]
	switch p.kind {
	case tokWord:
		switch p.label {
		case "w:return", "w:yield", "w:default", "w:case", "w:in", "w:of", "w:await":
			return true
		}
		return false
	case tokNumber, tokString, tokKey, tokHole:
		return false
	case tokPunct:
		return p.label != "p:)" && p.label != "p:]"
	}
	return true
}

// tag lexes the tag at i (its name, attributes, {expressions}) and returns
// its end, its name, and whether it closes an element or closes itself.
func (l *lexer) tag(i, end int) (j int, name string, closing, self bool) {
	src := l.src
	l.emit(tokPunct, i, i+1, "p:<")
	j = i + 1
	if j < end && src[j] == '/' {
		closing = true
		l.emit(tokPunct, j, j+1, "p:/")
		j++
	}
	n := j
	for n < end && (isWordByte(src[n]) || src[n] == '-' || src[n] == '.' || src[n] == ':') {
		n++
	}
	name = strings.ToLower(src[j:n])
	if n > j {
		l.emit(tokWord, j, n, "w:"+src[j:n])
	}
	j = n
	for j < end {
		c := src[j]
		switch {
		case c == '>':
			l.emit(tokPunct, j, j+1, "p:>")
			return j + 1, name, closing, self
		case c == '/' && j+1 < end && src[j+1] == '>':
			l.emit(tokPunct, j, j+2, "p:/>")
			return j + 2, name, closing, true
		case c == '"' || c == '\'':
			j = l.str(j, end)
		case c == '{' && !l.lang.htmlTop:
			l.emit(tokPunct, j, j+1, "p:{")
			l.depth++
			j = l.code(j+1, end, true)
			l.depth--
			if j < end {
				l.emit(tokPunct, j, j+1, "p:}")
				j++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			j++
		case isWordByte(c) || c == '-' || c == ':' || c == '@' || c == '.':
			k := j + 1
			for k < end && (isWordByte(src[k]) || src[k] == '-' || src[k] == ':' || src[k] == '.' || src[k] == '@') {
				k++
			}
			l.emit(tokWord, j, k, "w:"+src[j:k])
			j = k
		default:
			_, n := utf8.DecodeRuneInString(src[j:end])
			l.emit(tokPunct, j, j+n, "p:"+src[j:j+n])
			j += n
		}
	}
	return end, name, closing, self
}

// voidElements are the HTML elements without a closing tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true, "!doctype": true}

// element lexes a markup element that starts with the tag at i, its
// children and its closing tag, and returns its end.
func (l *lexer) element(i, end int) int {
	j, name, closing, self := l.tag(i, end)
	if closing || self || l.lang.htmlTop && voidElements[name] {
		return j
	}
	l.depth++
	defer func() { l.depth-- }()
	if j = l.rawElement(j, end, name); j < 0 {
		return end
	}
	return l.children(j, end, false)
}

// rawElement lexes the content of a <script> or <style> element of HTML
// as JavaScript or CSS and returns where its closing tag starts; for other
// elements it returns j.
func (l *lexer) rawElement(j, end int, name string) int {
	if !l.lang.htmlTop || name != "script" && name != "style" {
		return j
	}
	k := closingTag(l.src[j:end], name)
	saved := l.lang
	l.lang = langJS
	if name == "style" {
		l.lang = langCSS
	}
	l.code(j, j+k, false)
	l.lang = saved
	return j + k
}

// closingTag returns the offset in s of the tag "</name" in any case, or
// len(s).
func closingTag(s, name string) int {
	for at := 0; ; {
		k := strings.Index(s[at:], "</")
		if k < 0 {
			return len(s)
		}
		at += k
		if len(s)-at-2 >= len(name) && strings.EqualFold(s[at+2:at+2+len(name)], name) {
			return at
		}
		at += 2
	}
}

// children lexes the content of an element from i: text (tokText),
// {expressions} (JSX), comments and nested elements, up to and including
// the tag that closes it (top: never; the whole text is content).
//
// The {expressions} of one run of text (between two tags) are one code
// token, the first's, whose label holds theirs in sorted order: a
// translation may reorder them with its words ("{index} of {total}" and
// "{total} içinden {index}").
func (l *lexer) children(i, end int, top bool) int {
	src := l.src
	depth := 1
	run := -1 // index of the token of the current run's expressions
	var exprs []string
	flush := func() {
		if run >= 0 {
			sort.Strings(exprs)
			l.toks[run].label = "x{" + strings.Join(exprs, "|") + "}"
			run, exprs = -1, exprs[:0]
		}
	}
	defer flush()
	for i < end {
		j := i
		for j < end {
			c := src[j]
			if c == '{' && !l.lang.htmlTop || c == '<' && (strings.HasPrefix(src[j:end], "<!--") || l.tagAt(j, end)) {
				break
			}
			if h := l.holeAt(j); h > j {
				l.text(i, j)
				if h > end {
					h = end
				}
				l.emit(tokHole, j, h, "h")
				i = h
				j = h
				continue
			}
			j++
		}
		l.text(i, j)
		i = j
		if i >= end {
			break
		}
		switch {
		case src[i] == '{':
			if run < 0 {
				l.emit(tokPunct, i, i+1, "x{}")
				run = len(l.toks) - 1
			}
			mark := len(l.toks)
			i = l.code(i+1, end, true)
			// The expression's code goes into the run's label; its
			// comments and strings stay text.
			var b strings.Builder
			kept := l.toks[:mark]
			for _, t := range l.toks[mark:] {
				if t.label != "" {
					b.WriteString(t.label)
					b.WriteByte(' ')
				}
				if t.isText() {
					t.label = ""
					kept = append(kept, t)
				}
			}
			l.toks = kept
			exprs = append(exprs, b.String())
			if i < end {
				i++
			}
		case strings.HasPrefix(src[i:end], "<!--"):
			k := strings.Index(src[i+4:end], "-->")
			if k < 0 {
				k = end
			} else {
				k += i + 7
			}
			l.emit(tokComment, i, k, "")
			i = k
		default:
			flush()
			k, name, closing, self := l.tag(i, end)
			switch {
			case closing:
				depth--
				if depth == 0 && !top {
					return k
				}
			case !self && !(l.lang.htmlTop && (voidElements[name] || name == "")):
				if l.depth >= maxCodeNesting {
					break
				}
				if r := l.rawElement(k, end, name); r != k {
					k = r
					break
				}
				depth++
			}
			i = k
		}
	}
	return end
}

// tagAt reports whether a tag (not a lone '<' of text) starts at j.
func (l *lexer) tagAt(j, end int) bool {
	if j+1 >= end {
		return false
	}
	c := l.src[j+1]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '>' || c == '!'
}

// text emits the text src[i:j] of markup, without its surrounding white
// space, when it has any.
func (l *lexer) text(i, j int) {
	s := l.src[i:j]
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	i += len(s) - len(t)
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if t != "" {
		l.emit(tokText, i, i+len(t), "")
	}
}

// lexed is a code text split into what is compared as code (shape) and
// what may be translated (text).
type lexed struct {
	src   string
	toks  []codeToken
	code  []int  // indexes of code tokens
	text  []int  // indexes of text tokens
	shape string // labels of the code tokens
	words string // the text tokens, white space collapsed
}

func lex(src, info string, holes []*regexp.Regexp) *lexed {
	x := &lexed{src: src, toks: lexCode(src, langOf(info), holes)}
	var shape, words strings.Builder
	for i, t := range x.toks {
		if t.isText() {
			x.text = append(x.text, i)
			words.WriteString(segment.Collapse(src[t.off:t.end]))
			words.WriteByte(0)
		}
		if t.label != "" {
			x.code = append(x.code, i)
			shape.WriteString(t.label)
			shape.WriteByte(0)
		}
	}
	x.shape, x.words = shape.String(), words.String()
	return x
}
