package frontmatter

import (
	"bytes"

	"github.com/ceviri/ceviri/internal/diag"
)

// setRecordTOML writes r into TOML front matter: it replaces the lines of
// a [translation] table (from its header to its last key/value) or the
// bytes of an inline table, or adds a [translation] table at the end.
func (d *Doc) setRecordTOML(r Record) ([]byte, error) {
	nl := newline(d.Raw)
	rec := d.toml
	switch {
	case rec == nil:
		block := tomlRecordTable(r, nl)
		if fm := d.Raw[d.fmStart:d.fmEnd]; len(bytes.TrimSpace(fm)) > 0 && !bytes.HasSuffix(fm, []byte("\n\n")) && !bytes.HasSuffix(fm, []byte("\n\r\n")) {
			// A blank line before the table, as TOML is usually written.
			block = nl + block
		}
		return d.insertAtEnd([]byte(block), nl), nil
	case rec.shape == tomlTable:
		return d.replaceLines(rec.start, rec.end, []byte(tomlRecordTable(r, nl))), nil
	case rec.shape == tomlInline:
		return concat(d.Raw[:rec.start], []byte(tomlInlineRecord(r)), d.Raw[rec.end:]), nil
	}
	line, col := d.fmLine, 1
	if f, ok := d.Get(RecordKey); ok {
		line, col = f.Key.Line, f.Key.Column
	}
	return nil, diag.Text(d.Name, line, col, "fm_record_toml_dotted")
}

// setRecordJSON writes r into JSON front matter: it replaces the record's
// member, or adds one after the last member, in the object's style (one
// line, or one member a line with the object's indentation).
func (d *Doc) setRecordJSON(r Record) ([]byte, error) {
	nl := newline(d.Raw)
	multi, pad := true, "  "
	if len(d.fields) > 0 {
		k := d.fields[0].Key
		multi = k.Line > d.fmLine
		if p, ok := leadingSpace(d.Raw, k.start); ok && p != "" {
			pad = p
		}
	}
	rec := []byte(jsonRecord(r, multi, pad, nl))
	if f, ok := d.Get(RecordKey); ok {
		return concat(d.Raw[:f.Key.start], rec, d.Raw[f.Value.end:]), nil
	}
	if len(d.fields) == 0 {
		// {} or { }: the record goes between the braces.
		open, close := d.fmStart+1, d.fmEnd-1
		if multi {
			return concat(d.Raw[:open], []byte(nl+pad), rec, []byte(nl), d.Raw[close:]), nil
		}
		return concat(d.Raw[:open], rec, d.Raw[close:]), nil
	}
	last := d.fields[len(d.fields)-1].Value.end
	sep := ", "
	if multi {
		sep = "," + nl + pad
	}
	return concat(d.Raw[:last], []byte(sep), rec, d.Raw[last:]), nil
}
