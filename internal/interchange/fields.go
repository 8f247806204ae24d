package interchange

import "github.com/ceviri/ceviri/internal/frontmatter"

// setFields sets translatable fields in the front matter, in the file's own
// format and in place (frontmatter.Doc.SetFields): "title" is a top-level
// field, "tags.1" an item of a list. A field the translation does not have
// yet is copied from the source first.
func setFields(doc, srcDoc *frontmatter.Doc, fields map[string]string) ([]byte, error) {
	return doc.SetFields(srcDoc, fields)
}
