package frontmatter

import (
	"strings"
	"testing"
)

// TestSetRecordRefuses checks that a record that cannot be rewritten in
// place is refused with the reason and its position, and nothing returned
// (issue 11: done wrote files that ceviri could not read back).
func TestSetRecordRefuses(t *testing.T) {
	rec := Record{From: "en", SourceHash: hash2}
	tests := []struct{ name, in, want string }{
		{"anchored record referred to elsewhere",
			"---\ntitle: A\ntranslation: &r {from: en, source_hash: " + hash1 + "}\nother: *r\n---\n",
			"a.md:3:14: cannot rewrite the translation record: it carries the YAML anchor &r, which other values may refer to"},
		{"anchored block record",
			"---\ntranslation: &r\n  from: en\n  source_hash: " + hash1 + "\nother: *r\n---\n",
			"a.md:2:14: cannot rewrite the translation record: it carries the YAML anchor &r"},
		{"anchor inside the record",
			"---\ntranslation:\n  from: &l en\n  source_hash: " + hash1 + "\nlang: *l\n---\n",
			"a.md:3:9: cannot rewrite the translation record: it carries the YAML anchor &l"},
		{"alias inside the record",
			"---\nlang: &l en\ntranslation:\n  from: *l\n  source_hash: " + hash1 + "\n---\n",
			"a.md:4:9: cannot rewrite the translation record: it uses the YAML alias *l"},
		{"anchored key",
			"---\ntitle: A\n&k translation: {from: en, source_hash: " + hash1 + "}\n---\n",
			"a.md:3:1: cannot rewrite the translation record: its key carries the YAML anchor &k"},
		{"explicit key",
			"---\ntitle: A\n? translation\n: {from: en, source_hash: " + hash1 + "}\n---\n",
			"a.md:3:3: cannot rewrite the translation record: its key is written as an explicit key (? translation)"},
		{"flow front matter with a record",
			"---\n{title: A, translation: {from: en, source_hash: " + hash1 + "}}\n---\n",
			"a.md:2:1: cannot write the translation record into front matter written as a flow mapping"},
		{"flow front matter without a record",
			"---\n{title: A}\n---\n",
			"a.md:2:1: cannot write the translation record into front matter written as a flow mapping"},
		{"no front matter (issue 12: done injected YAML into a site's pages)",
			"body\n",
			"a.md:1:1: this file has no front matter, and ceviri does not add front matter to a file"},
		{"TOML record as dotted keys",
			"+++\ntitle = 'A'\ntranslation.from = 'en'\ntranslation.source_hash = '" + hash1 + "'\n+++\n",
			"a.md:3:1: cannot rewrite the translation record: the TOML front matter writes it as dotted keys"},
		{"flow record closed on a line of its own",
			"---\ntranslation: {from: en,\n  source_hash: " + hash1 + "\n}\ntitle: A\n---\n",
			"a.md:2:1: cannot rewrite the translation record safely: the result would not parse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			out, err := d.SetRecord(rec)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant   %s...", err, tt.want)
			}
			if out != nil {
				t.Errorf("SetRecord returned %q with its error", out)
			}
		})
	}
}

// TestSetRecordComments checks records that the line rule alone would cut
// short: a comment less indented than the record inside it.
func TestSetRecordComments(t *testing.T) {
	in := "---\ntranslation:\n  from: en\n# a note\n  source_hash: " + hash1 + "\ntitle: A\n---\n"
	d, err := Parse("a.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.SetRecord(Record{From: "en", SourceHash: hash2})
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntranslation:\n  from: en\n  source_hash: " + hash2 + "\ntitle: A\n---\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestReadsBack checks the verification SetRecord runs on what it wrote,
// with results that setRecord would never write.
func TestReadsBack(t *testing.T) {
	const in = "---\ntitle: A\ntags: [a, b]\ntranslation:\n  from: en\n  source_hash: " + hash1 + "\n---\nbody\n"
	rec := Record{From: "en", SourceHash: hash2}
	good := strings.Replace(in, hash1, hash2, 1)
	tests := []struct{ name, out, want string }{
		{"as written", good, ""},
		{"does not parse", strings.Replace(good, "tags: [a, b]", "tags: [a, b", 1), "the result would not parse (a.md:"},
		{"other record", in, "the record would read back as from en, source_hash " + hash1 + ", draft false"},
		{"no record", "---\ntitle: A\ntags: [a, b]\n---\nbody\n", "the record would not read back"},
		{"bad record", strings.Replace(good, "from: en", "from: en\n  lang: x", 1), "the record would not read back (a.md:6:3: unknown key \"lang\""},
		{"body", good + "more\n", "the body would change"},
		{"changed field", strings.Replace(good, "[a, b]", "[a, c]", 1), "field tags would change"},
		{"restyled field", strings.Replace(good, "[a, b]", "['a', b]", 1), "field tags would change"},
		{"lost field", strings.Replace(good, "tags: [a, b]\n", "", 1), "field tags would be lost"},
		{"new field", strings.Replace(good, "---\nbody", "x: 1\n---\nbody", 1), "field x would appear"},
	}
	d, err := Parse("a.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if err := d.readsBack([]byte(tt.out), rec); err != nil {
				got = err.Error()
			}
			if !strings.HasPrefix(got, tt.want) || (tt.want == "") != (got == "") {
				t.Errorf("readsBack = %q, want %q", got, tt.want)
			}
		})
	}
}
