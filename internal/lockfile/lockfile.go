// Package lockfile reads and writes ceviri.lock, the file at a project's
// root that holds translation records outside the translations: every
// record when ceviri.yaml says `records: lockfile`, and the records of
// files without front matter always (docs/front-matter.md).
//
// The file is YAML that ceviri writes in one fixed form and reads back
// strictly, line by line: a comment header, then one block per article,
// sorted by id, blocks separated by a blank line:
//
//	"2025/ukraine-talks":
//	  tr: {from: en, source_hash: "sha256:…"}
//
//	"campus-news":
//	  de: {from: en, source_hash: "sha256:…", draft: true}
//	  tr: {from: en, source_hash: "sha256:…"}
//
// One line per translation and a blank line between articles let git merge
// two branches that recorded different articles without a conflict.
package lockfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
)

// MaxSize is the largest lock file read: 64 MiB, about 400,000 records.
const MaxSize = 64 << 20

// header starts every lock file ceviri writes.
const header = `# ceviri.lock: translation records, written by ceviri (done, import, translate).
# One line per translation, one block per article, sorted; the blank lines
# between articles let git merge branches that recorded different articles.
`

// File is a parsed lock file: records by article id and language.
type File struct {
	name    string
	records map[key]frontmatter.Record
}

type key struct{ id, lang string }

// New returns an empty lock file named name (for messages).
func New(name string) *File { return &File{name: name, records: map[key]frontmatter.Record{}} }

var (
	// an article line: "id":
	idLine = regexp.MustCompile(`^("(?:[^"\\]|\\.)*"):\s*$`)
	// a translation line: two spaces, lang: {from: L, source_hash: "H"[, draft: true]}
	recLine = regexp.MustCompile(`^  ([A-Za-z0-9-]+): \{from: ([A-Za-z0-9-]+), source_hash: "([^"]*)"(, draft: (?:true|false))?\}\s*$`)
)

// Parse reads a lock file. Anything but the form ceviri writes (comments
// and blank lines aside) is refused with its position, and so is a record
// given twice or a leftover git conflict marker.
func Parse(name string, data []byte) (*File, error) {
	f := New(name)
	if len(data) > MaxSize {
		return nil, diag.Text(name, 1, 1, "lock_too_large", "MiB", MaxSize>>20)
	}
	if !utf8.Valid(data) {
		return nil, diag.Text(name, 1, 1, "lock_not_utf8")
	}
	id, idSeen := "", false
	lines := bytes.Split(data, []byte("\n"))
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSuffix(string(raw), "\r")
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "<<<<<<<") || strings.HasPrefix(line, "=======") || strings.HasPrefix(line, ">>>>>>>") || strings.HasPrefix(line, "|||||||"):
			return nil, diag.Text(name, n, 1, "lock_conflict")
		}
		if m := idLine.FindStringSubmatch(line); m != nil {
			if err := json.Unmarshal([]byte(m[1]), &id); err != nil || id == "" {
				return nil, diag.Text(name, n, 1, "lock_bad_id", "ID", m[1])
			}
			idSeen = true
			continue
		}
		m := recLine.FindStringSubmatch(line)
		if m == nil {
			if strings.HasPrefix(line, "  ") && idSeen {
				return nil, diag.Text(name, n, 3, "lock_bad_record")
			}
			return nil, diag.Text(name, n, 1, "lock_bad_line")
		}
		if !idSeen {
			return nil, diag.Text(name, n, 1, "lock_no_article")
		}
		lang, hash := m[1], m[3]
		if !frontmatter.ValidHash(hash) {
			col := strings.Index(line, `source_hash: "`) + len(`source_hash: "`) + 1
			return nil, diag.Text(name, n, col, "lock_bad_hash", "Hash", strconv.Quote(hash))
		}
		if m[2] == lang {
			return nil, diag.Text(name, n, 3, "lock_own_language", "Lang", strconv.Quote(lang), "ID", strconv.Quote(id))
		}
		k := key{id, lang}
		if _, dup := f.records[k]; dup {
			return nil, diag.Text(name, n, 3, "lock_twice", "QuotedID", strconv.Quote(id), "Lang", lang, "ID", id)
		}
		f.records[k] = frontmatter.Record{From: m[2], SourceHash: hash, Draft: m[4] == ", draft: true", Line: n, File: name}
	}
	return f, nil
}

// Name returns the lock file's name as given to Parse or New.
func (f *File) Name() string { return f.name }

// Get returns the record of the translation of article id in lang.
func (f *File) Get(id, lang string) (frontmatter.Record, bool) {
	if f == nil {
		return frontmatter.Record{}, false
	}
	r, ok := f.records[key{id, lang}]
	if ok {
		r.File = f.name
	}
	return r, ok
}

// Set records r for the translation of article id in lang.
func (f *File) Set(id, lang string, r frontmatter.Record) {
	r.Line, r.File = 0, ""
	f.records[key{id, lang}] = r
}

// Delete removes the record of the translation of article id in lang and
// reports whether there was one.
func (f *File) Delete(id, lang string) bool {
	k := key{id, lang}
	_, ok := f.records[k]
	delete(f.records, k)
	return ok
}

// Clone returns a copy of f to change.
func (f *File) Clone() *File {
	c := New(f.name)
	for k, r := range f.records {
		c.records[k] = r
	}
	return c
}

// Len returns the number of records.
func (f *File) Len() int { return len(f.records) }

// Bytes returns the lock file as ceviri writes it: the same records give
// the same bytes.
func (f *File) Bytes() []byte {
	keys := make([]key, 0, len(f.records))
	for k := range f.records {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].id != keys[j].id {
			return keys[i].id < keys[j].id
		}
		return keys[i].lang < keys[j].lang
	})
	var b bytes.Buffer
	b.WriteString(header)
	for i, k := range keys {
		if i == 0 || keys[i-1].id != k.id {
			fmt.Fprintf(&b, "\n%s:\n", quote(k.id))
		}
		r := f.records[k]
		draft := ""
		if r.Draft {
			draft = ", draft: true"
		}
		fmt.Fprintf(&b, "  %s: {from: %s, source_hash: %q%s}\n", k.lang, r.From, r.SourceHash, draft)
	}
	return b.Bytes()
}

// quote writes an id as a JSON string, which YAML reads as a double-quoted
// scalar; <, > and & stay as they are.
func quote(id string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(id) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
