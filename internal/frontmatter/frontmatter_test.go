package frontmatter

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/clitext"
)

func TestParseSplit(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		hasFM    bool
		body     string
		bodyLine int
		title    string
	}{
		{"plain", "---\ntitle: A\n---\nbody\n", true, "body\n", 4, "A"},
		{"crlf", "---\r\ntitle: A\r\n---\r\nbody\r\n", true, "body\r\n", 4, "A"},
		{"bom", "\ufeff---\ntitle: A\n---\nbody\n", true, "body\n", 4, "A"},
		{"dots close", "---\ntitle: A\n...\nbody\n", true, "body\n", 4, "A"},
		{"trailing spaces on fences", "--- \ntitle: A\n---  \nbody", true, "body", 4, "A"},
		{"empty front matter", "---\n---\nbody\n", true, "body\n", 3, ""},
		{"no front matter", "# Title\n\nbody\n", false, "# Title\n\nbody\n", 1, ""},
		{"no front matter bom", "\ufeffbody\n", false, "body\n", 1, ""},
		{"thematic break later", "body\n\n---\n\nmore\n", false, "body\n\n---\n\nmore\n", 1, ""},
		{"no newline at end", "---\ntitle: A\n---", true, "", 4, "A"},
		{"capital key", "---\nTitle: A\n---\n", true, "", 4, "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.HasFrontMatter != tt.hasFM || string(d.Body) != tt.body || d.BodyLine != tt.bodyLine {
				t.Errorf("got fm=%v body=%q line=%d, want fm=%v body=%q line=%d", d.HasFrontMatter, d.Body, d.BodyLine, tt.hasFM, tt.body, tt.bodyLine)
			}
			f, ok := d.Get("title")
			if got := ""; ok {
				got = f.Value.Value
				if got != tt.title {
					t.Errorf("title = %q, want %q", got, tt.title)
				}
			} else if tt.title != "" {
				t.Errorf("no title, want %q", tt.title)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unterminated", "---\ntitle: A\nbody\n", "a.md:1:1: unterminated front matter"},
		{"malformed yaml", "---\ntitle: A\n  bad: [\n---\n", "a.md:3:1: invalid YAML"},
		{"not a mapping", "---\n- a\n- b\n---\n", "a.md:2:1: front matter must be a mapping"},
		{"invalid utf-8", "---\ntitle: A\n---\nok\nbad \xff here\n", "a.md:5:5: invalid UTF-8 (byte 0xff)"},
		{"duplicate key", "---\ntitle: A\nTitle: B\n---\n", "a.md:3:1: duplicate front-matter key \"Title\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("a.md", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

const hash1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111"
const hash2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222"

func TestRecord(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "---\ntitle: A\n---\n", ""},
		{"ok", "---\ntranslation:\n  from: en\n  source_hash: " + hash1 + "\n  draft: true\n---\n", "en " + hash1 + " true"},
		{"no hash", "---\ntranslation:\n  from: en\n---\n", "error: a.md:3:3: translation record has no `source_hash`"},
		{"bad hash", "---\ntranslation:\n  from: en\n  source_hash: md5:abc\n---\n", "error: a.md:4:16: source_hash \"md5:abc\" is not sha256"},
		{"bad draft", "---\ntranslation:\n  from: en\n  source_hash: " + hash1 + "\n  draft: maybe\n---\n", "error: a.md:5:10: translation.draft must be true or false"},
		{"unknown key", "---\ntranslation:\n  from: en\n  sourcehash: x\n---\n", "error: a.md:4:3: unknown key \"sourcehash\""},
		{"scalar", "---\ntranslation: yes\n---\n", "error: a.md:2:14: translation record must be a mapping"},
		{"aliases", "---\nl: &l en\nd: &d true\nr: &r {from: *l, source_hash: " + hash1 + ", draft: *d}\ntranslation: *r\n---\n", "en " + hash1 + " true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			r, err := d.Record()
			var got string
			switch {
			case err != nil:
				got = "error: " + err.Error()
			case r != nil:
				got = strings.Join([]string{r.From, r.SourceHash, map[bool]string{true: "true", false: "false"}[r.Draft]}, " ")
			}
			if !strings.HasPrefix(got, tt.want) || (tt.want == "" && got != "") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSetRecordKeepsEveryOtherByte(t *testing.T) {
	rec := Record{From: "en", SourceHash: hash2}
	block := "translation:\n  from: en\n  source_hash: " + hash2 + "\n"
	tests := []struct{ name, in, want string }{
		{
			"adds at the end, keeping comments, quoting and order",
			"---\n# Çeviri\ntitle: 'İstanbul''da Işık'   # tek tırnak\nsummary: \"Özet\"\nz_last: 1\n---\n\nGövde  \n",
			"---\n# Çeviri\ntitle: 'İstanbul''da Işık'   # tek tırnak\nsummary: \"Özet\"\nz_last: 1\n" + block + "---\n\nGövde  \n",
		},
		{
			"replaces a record in the middle, keeping the comment after it",
			"---\ntitle: A\ntranslation:\n  from: en\n  source_hash: " + hash1 + "\n  draft: true\n# shared\ndate: 2025-12-03\n---\nbody\n",
			"---\ntitle: A\n" + block + "# shared\ndate: 2025-12-03\n---\nbody\n",
		},
		{
			"replaces a record with four-space indentation",
			"---\ntitle: A\ntranslation:\n    from: en\n    source_hash: " + hash1 + "\n---\n",
			"---\ntitle: A\ntranslation:\n    from: en\n    source_hash: " + hash2 + "\n---\n",
		},
		{
			"replaces a flow-style record",
			"---\ntranslation: {from: en, source_hash: " + hash1 + "}\ntitle: A\n---\n",
			"---\n" + block + "title: A\n---\n",
		},
		{
			"keeps blank lines after the record",
			"---\ntranslation:\n  from: en\n  source_hash: " + hash1 + "\n\ntitle: A\n---\n",
			"---\n" + block + "\ntitle: A\n---\n",
		},
		{
			"keeps CRLF line endings",
			"---\r\ntitle: A\r\n---\r\nbody\r\n",
			"---\r\ntitle: A\r\n" + strings.ReplaceAll(block, "\n", "\r\n") + "---\r\nbody\r\n",
		},
		{
			"empty front matter",
			"---\n---\nbody\n",
			"---\n" + block + "---\nbody\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			out, err := d.SetRecord(rec)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out, tt.want)
			}
			d2, err := Parse("a.md", out)
			if err != nil {
				t.Fatalf("result does not parse: %v", err)
			}
			r, err := d2.Record()
			if err != nil || r == nil || r.SourceHash != hash2 || r.Draft {
				t.Errorf("record after SetRecord = %+v, %v", r, err)
			}
		})
	}
}

// hostile are the probe's front matter cases (issue 11) and their kin, the
// seeds of the fuzz targets.
func hostile() []string {
	return []string{
		bomb(),
		nested(10000),
		nested(100),
		"---\ntitle: A\nextra:\n  x: 1\n  x: 2\n---\n",
		"---\na: &x [*x]\n---\n",
		"---\na: &x {b: 1, <<: *x}\n---\n",
		"---\n? [a, b]\n: c\n---\n",
		"---\na: &k key\nm:\n  *k : c\n---\n",
		"---\nm:\n  <<: [a, b]\n---\n",
		"---\nbase: &b {x: 1}\nm: {<<: *b, y: 2}\n---\n",
		"---\nn: !!int twelve\nb: !!binary '*'\nf: .nan\ng: -.Inf\n---\n",
		aliasList(120, 10),
		aliasList(30, 30),
		"---\ntitle: A\ntranslation: &r {from: en, source_hash: " + hash1 + "}\nother: *r\n---\n",
		"---\ntitle: A\n? translation\n: {from: en, source_hash: " + hash1 + "}\n---\n",
		"---\nlang: &l en\ntranslation:\n  from: *l\n  source_hash: " + hash1 + "\n---\n",
		"---\n{title: A, translation: {from: en, source_hash: " + hash1 + "}}\n---\n",
		"---\ntranslation: {from: en,\n  source_hash: " + hash1 + "\n}\ntitle: A\n---\n",
		"---\ntranslation:\n  from: en\n# a note\n  source_hash: " + hash1 + "\ntitle: A\n---\n",
		"---\ndate: *d\n---\n",
		"---\nd: &d 2025-12-03\ndate: *d\nauthors: [{name: *d}]\ntags: *d\nreferences: [{title: [x]}]\n---\n",
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: A\n---\nbody\n"))
	f.Add([]byte("\ufeff---\r\ntitle: \"A\"\r\ntranslation:\r\n  from: en\r\n  source_hash: " + hash1 + "\r\n---\r\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: [\n"))
	f.Add([]byte("no front matter\n---\n"))
	f.Add([]byte("---\n- a\n---\n"))
	f.Add([]byte("---\na: &x [*x]\n---\n"))
	for _, s := range hostile() {
		f.Add([]byte(s))
	}
	for _, s := range otherFormats() {
		f.Add([]byte(s))
	}
	// The parsers' common messages, which ceviri writes in Turkish.
	f.Add([]byte("---\ntitle: a: b\n  x: [\n---\n"))
	f.Add([]byte("---\ntitle: \"a\\qb\"\nx: @y\n---\n"))
	f.Add([]byte("+++\ntitle = Hello\n+++\n"))
	f.Add([]byte("+++\ntitle = \"a\" b\n[x\n+++\n"))
	f.Add([]byte("{\"title\": \"x\",}\n"))
	f.Add([]byte("{\"title\" \"x\"}\n"))
	tr := clitext.New("tr")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("f.md", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.md:") {
				t.Fatalf("error without position: %v", err)
			}
			// In Turkish too, with every value of its template.
			if s := tr.Error(err); !strings.HasPrefix(s, "f.md:") || strings.Contains(s, "<no value>") && !bytes.Contains(data, []byte("<no value>")) {
				t.Fatalf("Turkish error %q (English %q)", s, err)
			}
			return
		}
		// What Parse accepts, yaml.v3 decodes into Go values (build does).
		decodeFields(t, d)
		for _, err := range d.CheckFields(true) {
			if !strings.HasPrefix(err.Error(), "f.md:") {
				t.Fatalf("error without position: %v", err)
			}
		}
		if _, err := d.Record(); err != nil && !strings.HasPrefix(err.Error(), "f.md:") {
			t.Fatalf("error without position: %v", err)
		}
	})
}

// FuzzSetRecord checks that SetRecord either refuses, with a position, or
// returns a file that parses, reads back the record it set and keeps the
// body, for any file that Parse accepts.
func FuzzSetRecord(f *testing.F) {
	f.Add([]byte("---\ntitle: A\n---\nbody\n"), false)
	f.Add([]byte("body\n"), true)
	f.Add([]byte("---\ntranslation:\n    from: en\n    source_hash: "+hash1+"\n    draft: true\n\ntitle: A\n---\n"), false)
	for _, s := range hostile() {
		f.Add([]byte(s), false)
	}
	for _, s := range otherFormats() {
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, draft bool) {
		d, err := Parse("f.md", data)
		if err != nil {
			return
		}
		rec := Record{From: "en", SourceHash: hash2, Draft: draft}
		out, err := d.SetRecord(rec)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.md:") || out != nil {
				t.Fatalf("refusal without position, or with output: %v %q", err, out)
			}
			return
		}
		d2, err := Parse("f.md", out)
		if err != nil {
			t.Fatalf("SetRecord produced a file that does not parse: %v\n%q", err, out)
		}
		if r, err := d2.Record(); err != nil || r == nil || r.From != rec.From || r.SourceHash != rec.SourceHash || r.Draft != rec.Draft {
			t.Fatalf("record lost: %+v %v\n%q", r, err, out)
		}
		if string(d2.Body) != string(d.Body) {
			t.Fatalf("body changed:\n%q\n%q", d.Body, d2.Body)
		}
		if n := len(d.Fields()) - len(d2.Fields()); n != 0 && n != -1 {
			t.Fatalf("fields went from %d to %d:\n%q", len(d.Fields()), len(d2.Fields()), out)
		}
	})
}

// TestParseYAMLErrorPositions checks the errors yaml.v3 gives without a
// position, placed by config.YAMLError.
func TestParseYAMLErrorPositions(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown alias", "---\ntitle: A\nx: [a, *nope]\n---\n", "a.md:3:8: invalid YAML: alias *nope names no anchor (&nope) before it"},
		{"control character", "---\ntitle: \"Işık\x01\"\n---\n", "a.md:2:13: invalid YAML: control character U+0001 is not allowed"},
		{"C1 control character", "---\ntitle: A\nsummary: \u0085ok\u009b\n---\n", "a.md:3:13: invalid YAML: control character U+009B is not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("a.md", []byte(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant   %s", err, tt.want)
			}
		})
	}
}

// otherFormats are seeds in TOML and JSON, valid and not: tables, arrays
// of tables, inline tables, dotted keys, literal strings, dates, escapes,
// CRLF, duplicate keys, deep nesting, truncation.
func otherFormats() []string {
	return []string{
		"+++\n# comment\ntitle = 'İstanbul'  # x\ndate = 2025-12-03\ntags = [\"a\", 'b']\nweight = 1_000\n[params]\nauthor = \"Ali\"\n[[references]]\ntitle = \"R\"\nurl = \"u\"\n+++\n\nBody.\n",
		"+++\ntitle = \"A\"\n\n[translation]\nfrom = \"en\" # src\nsource_hash = \"" + hash1 + "\"\ndraft = true\n\n[other]\nx = 1\n+++\nbody\n",
		"+++\ntitle = \"A\"\ntranslation = { from = \"en\", source_hash = \"" + hash1 + "\" }\n+++\nbody\n",
		"+++\ntranslation.from = 'en'\ntranslation.source_hash = '" + hash1 + "'\n+++\n",
		"+++\r\ntitle = \"\"\"\r\nmulti\r\nline\"\"\"\r\nd = 1979-05-27T07:32:00-08:00\r\nt = 07:32:00\r\nf = inf\r\n+++\r\n",
		"+++\na = 1\na = 2\n+++\n",
		"+++\n[a]\n[a]\n+++\n",
		"+++\nx = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n+++\n",
		"+++\ntitle = \n+++\n",
		"+++\n",
		"{\n  \"title\": \"A\",\n  \"tags\": [\"x\", \"y\"],\n  \"n\": 1.5e3\n}\nbody\n",
		"{\"title\": \"A\\u00e7\\n\", \"translation\": {\"from\": \"en\", \"source_hash\": \"" + hash1 + "\", \"draft\": true}}\n\nbody\n",
		"{}\nbody\n",
		"{ }",
		"{\n  \"title\": \"A\",\n  \"title\": 2\n}\n",
		"{\n  \"title\": \"A\"\n  \"x\": 2\n}\n",
		"{\n  \"title\": \"A\",\n",
		"{\"a\": null, \"b\": [true, false, {}], \"c\": -0.0}\n",
		"{{< shortcode >}}\n",
	}
}

// FuzzSetFields checks that SetFields, putting text into a field of any
// file Parse accepts, either refuses with a position or returns a file
// that parses, holds the text and keeps the body.
func FuzzSetFields(f *testing.F) {
	f.Add([]byte("---\ntitle: A # c\n---\nbody\n"), "title", "Başlık: \"x\" 'y'")
	f.Add([]byte("---\ntags: [a, b]\n---\n"), "tags.1", "iki\nsatır")
	f.Add([]byte("body\n"), "title", "x")
	for _, s := range otherFormats() {
		f.Add([]byte(s), "title", "Ali'nin \"yazısı\"\t\\")
	}
	src, err := Parse("src.md", []byte("---\ntitle: T\nsummary: S\ntags: [a, b, c]\n---\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, key, text string) {
		if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
			return
		}
		d, err := Parse("f.md", data)
		if err != nil {
			return
		}
		out, err := d.SetFields(src, map[string]string{key: text})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.md:") || out != nil {
				t.Fatalf("refusal without position, or with output: %v %q", err, out)
			}
			return
		}
		d2, err := Parse("f.md", out)
		if err != nil {
			t.Fatalf("SetFields produced a file that does not parse: %v\n%q", err, out)
		}
		if string(d2.Body) != string(d.Body) {
			t.Fatalf("body changed:\n%q\n%q", d.Body, d2.Body)
		}
		if f, ok := d2.Get(key); ok && f.Value.Kind == Scalar && f.Value.Value != text {
			t.Fatalf("%s reads back %q, want %q\n%q", key, f.Value.Value, text, out)
		}
	})
}
