package frontmatter

import (
	"regexp"
	"strconv"

	"github.com/ceviri/ceviri/internal/clitext"
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
var ErrNoFrontMatter = clitext.NewError("fm_no_front_matter")

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
		return nil, diag.Text(d.Name, v.Line, v.Column, "fm_record_mapping")
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
				return nil, diag.Text(d.Name, val.Line, val.Column, "fm_record_draft", "Value", strconv.Quote(val.Value))
			}
			r.Draft = b
		default:
			return nil, diag.Text(d.Name, k.Line, k.Column, "fm_record_unknown_key", "Key", strconv.Quote(k.Value))
		}
	}
	switch {
	case r.From == "":
		return nil, diag.Text(d.Name, v.Line, v.Column, "fm_record_no_from")
	case hashNode == nil:
		return nil, diag.Text(d.Name, v.Line, v.Column, "fm_record_no_hash")
	case !ValidHash(r.SourceHash):
		return nil, diag.Text(d.Name, hashNode.Line, hashNode.Column, "fm_record_bad_hash", "Hash", strconv.Quote(r.SourceHash))
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
