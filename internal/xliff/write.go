package xliff

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"
)

// Write writes d as XLIFF 1.2, indented, UTF-8. Text inside <source> and
// <target> is written as it is (xml:space="preserve"); placeholders become
// <ph id="N">native code</ph>.
func Write(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	p := func(parts ...string) {
		for _, s := range parts {
			bw.WriteString(s)
		}
	}
	p(xml.Header, `<xliff version="1.2" xmlns="`, Namespace, `">`, "\n")
	for _, f := range d.Files {
		datatype := f.Datatype
		if datatype == "" {
			datatype = "plaintext"
		}
		p(`  <file original="`, attr(f.Original), `" source-language="`, attr(f.SourceLang),
			`" target-language="`, attr(f.TargetLang), `" datatype="`, attr(datatype), `">`, "\n")
		p(`    <header>`, "\n", `      <tool tool-id="ceviri" tool-name="ceviri"/>`, "\n", `    </header>`, "\n")
		p(`    <body>`, "\n")
		for _, u := range f.Units {
			p(`      <trans-unit id="`, attr(u.ID), `"`)
			if u.Resname != "" {
				p(` resname="`, attr(u.Resname), `"`)
			}
			if u.Approved {
				p(` approved="yes"`)
			}
			p(` xml:space="preserve">`, "\n")
			p(`        <source>`, spans(u.Source), `</source>`, "\n")
			if u.HasTarget || u.State != "" || len(u.Target) > 0 {
				p(`        <target`)
				if u.State != "" {
					p(` state="`, attr(u.State), `"`)
				}
				p(`>`, spans(u.Target), `</target>`, "\n")
			}
			for _, a := range u.AltTrans {
				p(`        <alt-trans`)
				if a.MatchQuality != "" {
					p(` match-quality="`, attr(a.MatchQuality), `"`)
				}
				if a.Origin != "" {
					p(` origin="`, attr(a.Origin), `"`)
				}
				p(`>`, "\n")
				p(`          <source`, langAttr(a.SourceLang), `>`, text(a.Source), `</source>`, "\n")
				p(`          <target`, langAttr(a.TargetLang), `>`, text(a.Target), `</target>`, "\n")
				if a.Note != "" {
					p(`          <note from="ceviri">`, text(a.Note), `</note>`, "\n")
				}
				p(`        </alt-trans>`, "\n")
			}
			for _, n := range u.Notes {
				p(`        <note`)
				if n.From != "" {
					p(` from="`, attr(n.From), `"`)
				}
				if n.Annotate != "" {
					p(` annotates="`, attr(n.Annotate), `"`)
				}
				p(`>`, text(n.Text), `</note>`, "\n")
			}
			if len(u.Contexts) > 0 {
				p(`        <context-group name="ceviri" purpose="location">`, "\n")
				for _, c := range u.Contexts {
					p(`          <context context-type="`, attr(c.Type), `">`, text(c.Value), `</context>`, "\n")
				}
				p(`        </context-group>`, "\n")
			}
			p(`      </trans-unit>`, "\n")
		}
		p(`    </body>`, "\n", `  </file>`, "\n")
	}
	p(`</xliff>`, "\n")
	return bw.Flush()
}

// langAttr is an xml:lang attribute, or nothing for an empty tag.
func langAttr(lang string) string {
	if lang == "" {
		return ""
	}
	return ` xml:lang="` + attr(lang) + `"`
}

func spans(ss []Span) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Ph {
			b.WriteString(`<ph id="`)
			b.WriteString(attr(s.ID))
			b.WriteString(`">`)
			b.WriteString(text(s.Text))
			b.WriteString(`</ph>`)
			continue
		}
		b.WriteString(text(s.Text))
	}
	return b.String()
}

// text escapes character data; unlike xml.EscapeText it keeps newlines and
// tabs as they are, and drops characters XML 1.0 cannot carry.
func text(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case !legal(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func attr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("&quot;")
		case r == '\n':
			b.WriteString("&#xA;")
		case r == '\t':
			b.WriteString("&#x9;")
		case r == '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteString(text(string(r)))
		}
	}
	return b.String()
}

// Clean returns s with the characters XML 1.0 cannot carry (most C0
// controls: ESC, BEL ...) replaced by U+FFFD, as Write writes them: the
// text an exported unit's source reads as when it comes back.
func Clean(s string) string {
	for _, r := range s {
		if !legal(r) {
			return strings.Map(func(r rune) rune {
				if !legal(r) {
					return '\uFFFD'
				}
				return r
			}, s)
		}
	}
	return s
}

// legal reports whether r may appear in an XML 1.0 document.
func legal(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
