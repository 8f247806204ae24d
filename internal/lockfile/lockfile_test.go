package lockfile

import (
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/frontmatter"
)

const (
	h1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111"
	h2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222"
)

func TestBytesAndParseRoundTrip(t *testing.T) {
	f := New("ceviri.lock")
	f.Set("zeta", "tr", frontmatter.Record{From: "en", SourceHash: h1})
	f.Set("2025/ukraine-talks", "tr", frontmatter.Record{From: "en", SourceHash: h2, Draft: true})
	f.Set("2025/ukraine-talks", "de", frontmatter.Record{From: "en", SourceHash: h1})
	f.Set(`cmd/[ "q" <&>`, "pt-BR", frontmatter.Record{From: "en", SourceHash: h1})
	want := header + `
"2025/ukraine-talks":
  de: {from: en, source_hash: "` + h1 + `"}
  tr: {from: en, source_hash: "` + h2 + `", draft: true}

"cmd/[ \"q\" <&>":
  pt-BR: {from: en, source_hash: "` + h1 + `"}

"zeta":
  tr: {from: en, source_hash: "` + h1 + `"}
`
	got := string(f.Bytes())
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	back, err := Parse("ceviri.lock", []byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if string(back.Bytes()) != got || back.Len() != 4 {
		t.Errorf("does not read back:\n%s", back.Bytes())
	}
	r, ok := back.Get("2025/ukraine-talks", "tr")
	if !ok || r.From != "en" || r.SourceHash != h2 || !r.Draft || r.Line != 7 {
		t.Errorf("Get = %+v %v", r, ok)
	}
	if _, ok := back.Get("zeta", "de"); ok {
		t.Error("Get of an absent record")
	}
	if !back.Delete("zeta", "tr") || back.Delete("zeta", "tr") || strings.Contains(string(back.Bytes()), "zeta") {
		t.Error("Delete")
	}
}

func TestParseCRLFAndComments(t *testing.T) {
	in := "# mine\r\n\r\n\"a\":\r\n  tr: {from: en, source_hash: \"" + h1 + "\"}\r\n# between\r\n  de: {from: en, source_hash: \"" + h1 + "\", draft: false}\r\n"
	f, err := Parse("ceviri.lock", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := f.Get("a", "de"); !ok || r.Draft || r.Line != 6 {
		t.Errorf("%+v %v", r, ok)
	}
}

func TestParseErrors(t *testing.T) {
	rec := `  tr: {from: en, source_hash: "` + h1 + `"}`
	tests := []struct{ name, in, want string }{
		{"record without article", rec + "\n", "ceviri.lock:1:1: record without an article"},
		{"bad hash", "\"a\":\n  tr: {from: en, source_hash: \"sha256:xyz\"}\n", "ceviri.lock:2:32: source_hash \"sha256:xyz\" is not a fingerprint"},
		{"twice", "\"a\":\n" + rec + "\n\n\"a\":\n" + rec + "\n", "ceviri.lock:5:3: \"a\" in tr is recorded twice"},
		{"conflict", "\"a\":\n<<<<<<< HEAD\n" + rec + "\n=======\n", "ceviri.lock:2:1: unresolved merge conflict"},
		{"unknown key", "\"a\":\n  tr: {from: en, source_hash: \"" + h1 + "\", note: x}\n", "ceviri.lock:2:3: bad record"},
		{"bare id", "a:\n" + rec + "\n", "ceviri.lock:1:1: bad line"},
		{"from itself", "\"a\":\n  tr: {from: tr, source_hash: \"" + h1 + "\"}\n", "ceviri.lock:2:3: translation \"tr\" of \"a\" is recorded as made from its own language"},
		{"bad escape", "\"a\\q\":\n" + rec + "\n", "ceviri.lock:1:1: bad article id"},
		{"not UTF-8", "\"a\xff\":\n", "ceviri.lock:1:1: lock file is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("ceviri.lock", []byte(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzParse checks that Parse refuses with a position or accepts a file
// that, written again, reads back the same records.
func FuzzParse(f *testing.F) {
	f.Add([]byte(header + "\n\"a\":\n  tr: {from: en, source_hash: \"" + h1 + "\", draft: true}\n"))
	f.Add([]byte("\"a\\u00e7\\\"\":\r\n  pt-BR: {from: en, source_hash: \"" + h2 + "\"}\r\n"))
	f.Add([]byte("\"a\":\n<<<<<<< HEAD\n  tr: {from: en, source_hash: \"" + h1 + "\"}\n=======\n>>>>>>> b\n"))
	f.Add([]byte("\"\":\n"))
	f.Add([]byte("\"a\":\n  tr: {from: tr, source_hash: \"sha256:x\"}\n  tr: {from: en}\nx\n"))
	tr := clitext.New("tr")
	f.Fuzz(func(t *testing.T, data []byte) {
		lf, err := Parse("ceviri.lock", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ceviri.lock:") {
				t.Fatalf("error without position: %v", err)
			}
			// In Turkish too, with every value of its template.
			if s := tr.Error(err); !strings.HasPrefix(s, "ceviri.lock:") || strings.Contains(s, "<no value>") && !strings.Contains(string(data), "<no value>") {
				t.Fatalf("Turkish error %q (English %q)", s, err)
			}
			return
		}
		out := lf.Bytes()
		back, err := Parse("ceviri.lock", out)
		if err != nil {
			t.Fatalf("written form does not parse: %v\n%s", err, out)
		}
		if string(back.Bytes()) != string(out) || back.Len() != lf.Len() {
			t.Fatalf("not stable:\n%s\n%s", out, back.Bytes())
		}
	})
}
