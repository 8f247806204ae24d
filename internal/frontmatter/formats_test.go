package frontmatter

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// describe writes a Doc's format, fields (key@line:col=value, lists and
// maps inline) and body, for comparing in tests.
func describe(d *Doc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v body@%d=%q", d.Format, d.BodyLine, d.Body)
	for _, f := range d.Fields() {
		fmt.Fprintf(&b, "\n%s@%d:%d=%s@%d:%d", f.Key.Value, f.Key.Line, f.Key.Column, f.Value.Inline(), f.Value.Line, f.Value.Column)
	}
	return b.String()
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"TOML with comments, a table and an array of tables",
			"+++\n# comment\ntitle = 'İstanbul'  # x\ndate = 2025-12-03\ntags = [\"a\", 'b']\n[params]\nauthor = \"Ali\"\n[[references]]\ntitle = \"R\"\n+++\n\nBody.\n",
			"TOML body@11=\"\\nBody.\\n\"\ntitle@3:1=İstanbul@3:9\ndate@4:1=2025-12-03@4:8\ntags@5:1=[\"a\", \"b\"]@5:8\nparams@6:2={author: \"Ali\"}@6:2\nreferences@8:3=[{title: \"R\"}]@8:3"},
		{"TOML, CRLF line endings",
			"+++\r\ntitle = \"A\"\r\n+++\r\nbody\r\n",
			"TOML body@4=\"body\\r\\n\"\ntitle@2:1=A@2:9"},
		{"TOML, empty",
			"+++\n+++\nbody\n",
			"TOML body@3=\"body\\n\""},
		{"JSON, one member a line",
			"{\n  \"title\": \"A\",\n  \"tags\": [\"x\", \"y\"],\n  \"n\": 1.5\n}\nbody\n",
			"JSON body@6=\"body\\n\"\ntitle@2:3=A@2:12\ntags@3:3=[\"x\", \"y\"]@3:11\nn@4:3=1.5@4:8"},
		{"JSON, on one line with a byte order mark",
			"\xef\xbb\xbf{\"title\": \"Ş\"}\n\nbody\n",
			"JSON body@2=\"\\nbody\\n\"\ntitle@1:2=Ş@1:11"},
		{"JSON, empty object",
			"{}\nbody\n",
			"JSON body@2=\"body\\n\""},
		{"none: a body that starts with a brace is not JSON unless it is an object",
			"{{< note >}}\ntext\n",
			"none body@1=\"{{< note >}}\\ntext\\n\""},
		{"none: plain Markdown",
			"# Title\n\ntext\n",
			"none body@1=\"# Title\\n\\ntext\\n\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(d); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if d.HasFrontMatter != (d.Format != None) {
				t.Errorf("HasFrontMatter %v with format %v", d.HasFrontMatter, d.Format)
			}
			if FormatOf([]byte(tt.in)) != d.Format {
				t.Errorf("FormatOf = %v, Parse read %v", FormatOf([]byte(tt.in)), d.Format)
			}
		})
	}
}

func TestParseFormatErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"TOML value missing", "+++\ntitle = \"x\"\ndate = \n+++\nbody\n", "a.md:3:8: invalid TOML"},
		{"TOML key twice", "+++\na = 1\na = 2\n+++\n", "a.md:3:1: "},
		{"TOML not closed", "+++\ntitle = \"x\"\n", "a.md:1:1: "},
		{"JSON member without a comma", "{\n  \"title\": \"x\"\n  \"summary\": 2\n}\nbody\n", "a.md:3:3: invalid JSON"},
		{"JSON key twice", "{\n  \"title\": \"A\",\n  \"title\": 2\n}\n", "a.md:3:3: "},
		{"JSON not closed", "{\n  \"title\": \"A\",\n", "a.md:"},
		{"JSON too deep", strings.Repeat("[", 0) + "{\"a\": " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "}\n", "a.md:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("a.md", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %q, want it to start with %q", err, tt.want)
			}
		})
	}
}

// TestSetRecordFormats writes a record into TOML and JSON front matter and
// checks the whole file: only the record's bytes change.
func TestSetRecordFormats(t *testing.T) {
	r := Record{From: "en", SourceHash: hash2}
	tests := []struct {
		name, in, want string
	}{
		{"TOML: a table added at the end, after a blank line",
			"+++\n# c\ntitle = 'A'  # kept\n+++\nbody\n",
			"+++\n# c\ntitle = 'A'  # kept\n\n[translation]\nfrom = \"en\"\nsource_hash = \"" + hash2 + "\"\n+++\nbody\n"},
		{"TOML: the table replaced, the tables after it kept",
			"+++\ntitle = \"A\"\n\n[translation]\nfrom = \"en\" # src\nsource_hash = \"" + hash1 + "\"\ndraft = true\n\n[other]\nx = 1\n+++\nbody\n",
			"+++\ntitle = \"A\"\n\n[translation]\nfrom = \"en\"\nsource_hash = \"" + hash2 + "\"\n\n[other]\nx = 1\n+++\nbody\n"},
		{"TOML: an inline table replaced in place",
			"+++\ntitle = \"A\"\ntranslation = { from = \"en\", source_hash = \"" + hash1 + "\", draft = true }\nweight = 2\n+++\nbody\n",
			"+++\ntitle = \"A\"\ntranslation = { from = \"en\", source_hash = \"" + hash2 + "\" }\nweight = 2\n+++\nbody\n"},
		{"TOML: CRLF kept",
			"+++\r\ntitle = \"A\"\r\n+++\r\nbody\r\n",
			"+++\r\ntitle = \"A\"\r\n\r\n[translation]\r\nfrom = \"en\"\r\nsource_hash = \"" + hash2 + "\"\r\n+++\r\nbody\r\n"},
		{"JSON: a member added, one member a line",
			"{\n    \"title\": \"A\"\n}\nbody\n",
			"{\n    \"title\": \"A\",\n    \"translation\": {\n        \"from\": \"en\",\n        \"source_hash\": \"" + hash2 + "\"\n    }\n}\nbody\n"},
		{"JSON: a member added on one line",
			"{\"title\": \"A\"}\nbody\n",
			"{\"title\": \"A\", \"translation\": {\"from\": \"en\", \"source_hash\": \"" + hash2 + "\"}}\nbody\n"},
		{"JSON: the member replaced, key order kept",
			"{\"translation\": {\"from\": \"en\", \"source_hash\": \"" + hash1 + "\", \"draft\": true}, \"title\": \"A\"}\nbody\n",
			"{\"translation\": {\"from\": \"en\", \"source_hash\": \"" + hash2 + "\"}, \"title\": \"A\"}\nbody\n"},
		{"JSON: into an empty object, one member a line",
			"{}\nbody\n",
			"{\n  \"translation\": {\n    \"from\": \"en\",\n    \"source_hash\": \"" + hash2 + "\"\n  }\n}\nbody\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			out, err := d.SetRecord(r)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
			back, err := Parse("a.md", out)
			if err != nil {
				t.Fatal(err)
			}
			got, err := back.Record()
			if err != nil || got == nil || got.From != r.From || got.SourceHash != r.SourceHash || got.Draft {
				t.Errorf("reads back %+v, %v", got, err)
			}
		})
	}
}

// TestSetFieldsFormats puts translated text into TOML and JSON front
// matter: only the values' bytes change, quoting follows the format, a
// field the translation lacks is copied from the source.
func TestSetFieldsFormats(t *testing.T) {
	tests := []struct {
		name, src, tr string
		values        map[string]string
		want          string
	}{
		{"TOML: a value replaced, its quoting and comments kept",
			"+++\ntitle = \"Hello\"\n+++\n", "+++\ntitle = 'Hello' # t\ndate = 2025-12-03\n+++\nbody\n",
			map[string]string{"title": "Merhaba \"dünya\""},
			"+++\ntitle = 'Merhaba \"dünya\"' # t\ndate = 2025-12-03\n+++\nbody\n"},
		{"TOML: a literal string that cannot hold the text becomes a basic one",
			"+++\ntitle = \"Hello\"\n+++\n", "+++\ntitle = 'Hello'\n+++\n",
			map[string]string{"title": "Ali'nin yazısı"},
			"+++\ntitle = \"Ali'nin yazısı\"\n+++\n"},
		{"TOML: a list item replaced",
			"+++\ntags = [\"a\", \"b\"]\n+++\n", "+++\ntags = [\"a\", \"b\"]\n+++\n",
			map[string]string{"tags.1": "iki"},
			"+++\ntags = [\"a\", \"iki\"]\n+++\n"},
		{"TOML: a missing field added before the first table",
			"+++\ntitle = \"Hello\"\nsummary = \"S\"\n+++\n", "+++\ntitle = \"Merhaba\"\n[params]\nx = 1\n+++\n",
			map[string]string{"summary": "Özet"},
			"+++\ntitle = \"Merhaba\"\nsummary = \"Özet\"\n[params]\nx = 1\n+++\n"},
		{"JSON: a value replaced, escapes as JSON writes them",
			"{\"title\": \"Hello\"}\n", "{\n  \"title\": \"Hello\",\n  \"n\": 1\n}\nbody\n",
			map[string]string{"title": "Satır\t\"iki\""},
			"{\n  \"title\": \"Satır\\t\\\"iki\\\"\",\n  \"n\": 1\n}\nbody\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Parse("en.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse("tr.md", []byte(tt.tr))
			if err != nil {
				t.Fatal(err)
			}
			out, err := d.SetFields(src, tt.values)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
}

func TestWritingNoFrontMatterRefused(t *testing.T) {
	d, err := Parse("a.md", []byte("just a body\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetRecord(Record{From: "en", SourceHash: hash1}); !errors.Is(err, ErrNoFrontMatter) {
		t.Errorf("SetRecord: %v, want ErrNoFrontMatter", err)
	}
	if _, err := d.SetFields(d, map[string]string{"title": "x"}); !errors.Is(err, ErrNoFrontMatter) {
		t.Errorf("SetFields: %v, want ErrNoFrontMatter", err)
	}
	if _, err := Build(None, nil, nil); !errors.Is(err, ErrNoFrontMatter) {
		t.Errorf("Build(None): %v, want ErrNoFrontMatter", err)
	}
}

// TestBuildReadsBack builds front matter in each format and reads it back:
// the same fields, types and record.
func TestBuildReadsBack(t *testing.T) {
	fields := []Field{
		{Key: KeyNode("title"), Value: StringNode("Kampüs \"haberi\": ilk gün")},
		{Key: KeyNode("summary"), Value: StringNode("")},
		{Key: KeyNode("date"), Value: DateNode("2025-12-03")},
	}
	r := &Record{From: "en", SourceHash: hash1, Draft: true}
	for _, f := range []Format{YAML, TOML, JSON} {
		t.Run(f.String(), func(t *testing.T) {
			fm, err := Build(f, fields, r)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse("a.md", append(fm, "\nbody\n"...))
			if err != nil {
				t.Fatalf("%v\n%s", err, fm)
			}
			if d.Format != f {
				t.Errorf("format %v", d.Format)
			}
			if string(d.Body) != "\nbody\n" {
				t.Errorf("body %q", d.Body)
			}
			for _, want := range fields {
				got, ok := d.Get(want.Key.Value)
				if !ok || got.Value.Value != want.Value.Value {
					t.Errorf("%s: got %+v, want %q\n%s", want.Key.Value, got.Value, want.Value.Value, fm)
				}
			}
			if raw, when, err := d.Date(); err != nil || raw != "2025-12-03" || !when.Equal(time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("date %q %v %v", raw, when, err)
			}
			got, err := d.Record()
			if err != nil || got == nil || *got != (Record{From: "en", SourceHash: hash1, Draft: true, Line: got.Line}) {
				t.Errorf("record %+v %v", got, err)
			}
		})
	}
}

func TestParseDateForms(t *testing.T) {
	plus3 := time.FixedZone("", 3*3600)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-12-03", time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)},
		{" 2025-12-03 ", time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)},
		{"2025-12-03T10:00:00Z", time.Date(2025, 12, 3, 10, 0, 0, 0, time.UTC)},
		{"2025-12-03T10:00:00+03:00", time.Date(2025, 12, 3, 10, 0, 0, 0, plus3)},
		{"2025-12-03T10:00:00", time.Date(2025, 12, 3, 10, 0, 0, 0, time.UTC)},
		{"2025-12-03 10:00:00 +0300", time.Date(2025, 12, 3, 10, 0, 0, 0, plus3)},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "03.12.2025", "2025-13-01", "yesterday", "2025-12-03T25:00:00Z"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q): no error", bad)
		}
	}
}
