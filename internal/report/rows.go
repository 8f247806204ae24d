package report

import (
	"html/template"
	"strconv"
	"strings"
)

// The matrix's rows and the stale cells' diffs are rendered here in Go
// rather than by page.tmpl: on a project of 10,000 articles they are some
// 300,000 template actions, each a call through reflection, which took
// most of a warm report's time. The output is byte for byte what
// html/template made of the same markup (rows_test.go keeps that markup
// and compares, FuzzRows with any text): every value goes through
// escapeHTML, html/template's escaper for text and quoted attribute
// values, so no text of an article can become markup.

// escapeHTML writes s as html/template writes a string in text or in a
// quoted attribute value: NUL becomes U+FFFD and " & ' + < > character
// references. Other bytes, invalid UTF-8 included, are written as they
// are.
func escapeHTML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// text returns the page's text for key (a missing key printed nothing).
func (v *view) text(key string) string { return v.T[key] }

// rowsHTML is the matrix's body: one <tr> and a newline per row.
func rowsHTML(v *view) template.HTML {
	var b strings.Builder
	b.Grow(len(v.Rows) * 400)
	e := func(s string) { escapeHTML(&b, s) }
	w := b.WriteString
	for i := range v.Rows {
		r := &v.Rows[i]
		w(`<tr data-sec="`)
		w(strconv.Itoa(r.SecIdx))
		w(`" data-rank="`)
		w(strconv.Itoa(r.Rank))
		w(`" data-age="`)
		w(strconv.FormatInt(r.Age, 10))
		w(`"><th scope="row"><span class="t">`)
		e(r.Title)
		w(`</span><br><code class="id">`)
		e(r.ID)
		w(`</code></th>`)
		for k := range r.Cells {
			c := &r.Cells[k]
			w(`<td class="`)
			e(c.Class)
			w(`" data-s="`)
			e(string(c.State))
			w(`" data-o="`)
			w(strconv.Itoa(c.Owed))
			w(`">`)
			if c.None {
				w(`–`)
			} else {
				w(`<span class="b s-`)
				e(string(c.State))
				w(`">`)
				e(c.Icon)
				w(` `)
				e(c.Label)
				w(`</span>`)
				if c.Detail != "" {
					w(`<br><small>`)
					e(c.Detail)
					w(`</small>`)
				}
				if c.DiffID != "" {
					w(`<br><button type="button" data-diff="`)
					e(c.DiffID)
					w(`" aria-haspopup="dialog" aria-label="`)
					e(c.DiffTitle)
					w(`">`)
					e(v.text("open_diff"))
					w(`</button>`)
				}
				if c.Command != "" {
					w(`<details><summary>`)
					e(v.text("start"))
					w(`</summary>`)
					e(v.text("start_with"))
					w(`<br><code>`)
					e(c.Command)
					w(`</code></details>`)
				}
			}
			w(`</td>`)
		}
		w(`<td>`)
		e(r.AgeText)
		w(`</td>`)
		if v.Checked {
			w(`<td class="findings">`)
			if len(r.Findings) > 0 {
				w(`<details><summary class="sev-`)
				e(r.Worst)
				w(`">`)
				e(r.FindingsLabel)
				w(`</summary><ul>`)
				for _, f := range r.Findings {
					w(`<li><span class="sev-`)
					e(f.Severity)
					w(`">`)
					e(f.Severity)
					w(`</span> <code>`)
					e(f.Where)
					w(`</code> `)
					e(f.Rule)
					w(`: `)
					e(f.Message)
					w(`</li>`)
				}
				w(`</ul></details>`)
			} else {
				e(r.FindingsLabel)
			}
			w(`</td>`)
		}
		w("</tr>\n")
	}
	return template.HTML(b.String())
}

// diffsHTML is the stale cells' diffs: one <template> and a newline per
// cell that has one, in row order.
func diffsHTML(v *view) template.HTML {
	var b strings.Builder
	e := func(s string) { escapeHTML(&b, s) }
	w := b.WriteString
	for i := range v.Rows {
		for k := range v.Rows[i].Cells {
			c := &v.Rows[i].Cells[k]
			if c.DiffID == "" {
				continue
			}
			w(`<template id="`)
			e(c.DiffID)
			w(`" data-title="`)
			e(c.DiffTitle)
			w(`">`)
			if c.Note != "" {
				w(`<p>`)
				e(c.Note)
				w(`</p>`)
			}
			for _, en := range c.Entries {
				w(`<div class="entry"><h3>`)
				e(en.Header)
				w(`</h3><p class="text">`)
				for _, s := range en.Spans {
					switch s.Op {
					case "del":
						w(`<del>`)
						e(s.Text)
						w(`</del>`)
					case "ins":
						w(`<ins>`)
						e(s.Text)
						w(`</ins>`)
					default:
						e(s.Text)
					}
				}
				w(`</p><p class="tr">`)
				e(en.TrPrefix)
				e(en.Translation)
				w(`</p></div>`)
			}
			w("</template>\n")
		}
	}
	return template.HTML(b.String())
}
