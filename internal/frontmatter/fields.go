package frontmatter

import (
	"strconv"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// The well-known shared fields (docs/reference.md) have shapes that bundles
// rely on. Build reads them with the functions below and check reports what
// CheckFields finds with the same functions, so that check passes exactly
// what build can publish.

// Reference is one source an article cites: an item of references.
type Reference struct {
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
}

// CheckFields reports, with positions, what in the front matter build cannot
// publish: a number JSON cannot hold (.nan, .inf) in any version, and in a
// source version a date, authors, tags or references of the wrong shape.
func (d *Doc) CheckFields(source bool) []error {
	var errs []error
	if d.nan != nil {
		errs = append(errs, diag.Text(d.Name, d.nan.Line, d.nan.Column, "fm_nan_json", "Value", d.nan.Value))
	}
	if !source {
		return errs
	}
	if _, _, err := d.Date(); err != nil {
		errs = append(errs, err)
	}
	if _, err := d.Authors(); err != nil {
		errs = append(errs, err)
	}
	if _, err := d.Strings("tags"); err != nil {
		errs = append(errs, err)
	}
	if _, err := d.References(); err != nil {
		errs = append(errs, err)
	}
	diag.Sort(errs)
	return errs
}

// Date reads the date field as written and as a time (see ParseDate). It
// returns "" and no error when there is no date.
func (d *Doc) Date() (string, time.Time, error) {
	f, ok := d.Get("date")
	if !ok {
		return "", time.Time{}, nil
	}
	v := f.Value
	if v.Kind != Scalar {
		return "", time.Time{}, diag.Text(d.Name, v.Line, v.Column, "fm_date_single")
	}
	t, err := ParseDate(v.Value)
	if err != nil {
		return "", time.Time{}, &diag.PosError{File: d.Name, Line: v.Line, Col: v.Column, Err: err}
	}
	return v.Value, t, nil
}

// dateLayouts are the forms of dates that sites write: a day, RFC 3339 with
// or without a zone (T or a space between date and time, as TOML and YAML
// allow), and Hugo's "2025-12-03 10:00:00 +0300". Seconds may have a
// fraction (time.Parse reads one after the seconds).
var dateLayouts = []string{
	time.DateOnly,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05",
}

// ParseDate reads a front-matter date, the one date parser of ceviri: a day
// (2025-12-03), RFC 3339 with or without a zone, with T or a space before the
// time, or 2025-12-03 10:00:00 +0300. A time without a zone is read as UTC;
// a date keeps the day it was written on.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) >= len(time.DateOnly) {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, clitext.NewError("fm_date_form", "Date", strconv.Quote(s))
}

// Authors reads the authors' names: authors as a list of {name: ...} or of
// names, or a single author: name.
func (d *Doc) Authors() ([]string, error) {
	f, ok := d.Get("authors")
	if !ok {
		if f, ok := d.Get("author"); ok {
			if v := f.Value; v.Kind == Scalar && v.Type != Null && v.Value != "" {
				return []string{v.Value}, nil
			}
		}
		return nil, nil
	}
	list := f.Value
	if list.Kind != List {
		return nil, diag.Text(d.Name, list.Line, list.Column, "fm_authors_list")
	}
	var out []string
	for _, item := range list.Items {
		switch item.Kind {
		case Scalar:
			out = append(out, item.Value)
		case Map:
			name := ""
			if v, ok := item.Get("name"); ok && v.Kind == Scalar {
				name = v.Value
			}
			if name == "" {
				return nil, diag.Text(d.Name, item.Line, item.Column, "fm_author_no_name")
			}
			out = append(out, name)
		default:
			return nil, diag.Text(d.Name, item.Line, item.Column, "fm_author_shape")
		}
	}
	return out, nil
}

// Strings reads a list of strings, or a single string, such as tags. Empty
// items are left out: Hugo sites leave empty tags behind.
func (d *Doc) Strings(key string) ([]string, error) {
	f, ok := d.Get(key)
	if !ok {
		return nil, nil
	}
	switch v := f.Value; v.Kind {
	case Scalar:
		if v.Value == "" || v.Type == Null {
			return nil, nil
		}
		return []string{v.Value}, nil
	case List:
		var out []string
		for _, item := range v.Items {
			if item.Kind != Scalar {
				return nil, diag.Text(d.Name, item.Line, item.Column, "fm_strings_item", "Field", key)
			}
			if item.Type != Null && strings.TrimSpace(item.Value) != "" {
				out = append(out, item.Value)
			}
		}
		return out, nil
	}
	v := f.Value
	return nil, diag.Text(d.Name, v.Line, v.Column, "fm_strings_list", "Field", key)
}

// References reads references: a list of {title, publisher, url}, whose
// values are text; other keys are ignored, and null is nothing.
func (d *Doc) References() ([]Reference, error) {
	f, ok := d.Get("references")
	if !ok || f.Value.Kind == Scalar && f.Value.Type == Null {
		return nil, nil
	}
	v := f.Value
	bad := func() error { return diag.Text(d.Name, v.Line, v.Column, "fm_references_shape") }
	if v.Kind != List {
		return nil, bad()
	}
	out := make([]Reference, 0, len(v.Items))
	for _, item := range v.Items {
		var r Reference
		switch {
		case item.Kind == Scalar && item.Type == Null:
		case item.Kind != Map:
			return nil, bad()
		default:
			for _, e := range item.Entries {
				var dst *string
				switch e.Key.Value {
				case "title":
					dst = &r.Title
				case "publisher":
					dst = &r.Publisher
				case "url":
					dst = &r.URL
				default:
					continue
				}
				switch {
				case e.Value.Kind != Scalar:
					return nil, bad()
				case e.Value.Type != Null:
					*dst = e.Value.Value
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}
