package frontmatter

import (
	"errors"
	"regexp"

	"github.com/ceviri/ceviri/internal/diag"
)

// RecordKey is the front-matter key of the translation record: a YAML
// mapping, a TOML table ([translation]) or a JSON object, each with from,
// source_hash and draft.
const RecordKey = "translation"

// Record says which source version a translation was made from. It is the
// same whichever format, or file, holds it.
type Record struct {
	From       string // source language
	SourceHash string // "sha256:<hex>", the fingerprint of that source version
	Draft      bool   // work in progress
	Line       int    // line of the translation key, 0 when written by ceviri
	// File is the file that holds the record when it is not the
	// translation's own front matter (the project's lock file); "" else.
	File string
}

// ErrNoFrontMatter is what writing a record into a file without front
// matter fails with (errors.Is): ceviri never adds front matter to a file
// that has none, since the site's pages may have none on purpose.
var ErrNoFrontMatter = errors.New("this file has no front matter, and ceviri does not add front matter to a file " +
	"(it may break the site's page format); records for files without front matter need `records: lockfile` " +
	"in ceviri.yaml, which is coming in a later version")

var hashRE = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)

// ValidHash reports whether s is a fingerprint in the form sha256:<64 hex>.
func ValidHash(s string) bool { return hashRE.MatchString(s) }

// Record returns the translation record, or nil when the front matter has
// none. A record of the wrong shape is a positioned error. Aliases read as
// the values they stand for (SetRecord refuses to rewrite them).
func (d *Doc) Record() (*Record, error) {
	f, ok := d.Get(RecordKey)
	if !ok {
		return nil, nil
	}
	v := f.Value
	if v.Kind != Map {
		return nil, diag.Errorf(d.Name, v.Line, v.Column, "translation record must be a mapping with from and source_hash")
	}
	r := &Record{Line: f.Key.Line}
	var hashNode *Node
	for _, e := range v.Entries {
		k, val := e.Key, e.Value
		switch k.Value {
		case "from":
			r.From = val.Value
		case "source_hash":
			r.SourceHash, hashNode = val.Value, val
		case "draft":
			b, ok := val.boolean()
			if !ok {
				return nil, diag.Errorf(d.Name, val.Line, val.Column, "translation.draft must be true or false, not %q", val.Value)
			}
			r.Draft = b
		default:
			return nil, diag.Errorf(d.Name, k.Line, k.Column, "unknown key %q in translation record (known: from, source_hash, draft)", k.Value)
		}
	}
	switch {
	case r.From == "":
		return nil, diag.Errorf(d.Name, v.Line, v.Column, "translation record has no `from` language")
	case hashNode == nil:
		return nil, diag.Errorf(d.Name, v.Line, v.Column, "translation record has no `source_hash`")
	case !ValidHash(r.SourceHash):
		return nil, diag.Errorf(d.Name, hashNode.Line, hashNode.Column, "source_hash %q is not sha256: followed by 64 hex digits", r.SourceHash)
	}
	return r, nil
}

// boolean reads a true or false: a boolean scalar, or in YAML what yaml.v3
// decodes into a bool (also null, as false).
func (n *Node) boolean() (bool, bool) {
	if n.y != nil {
		var b bool
		if err := n.y.Decode(&b); err != nil {
			return false, false
		}
		return b, true
	}
	if n.Kind == Scalar && n.Type == Bool {
		return n.Value == "true", true
	}
	return false, false
}
