package check

import (
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/ceviri/ceviri/internal/clitext"
	"gopkg.in/yaml.v3"
)

// english returns t in English, as t.String() does, without go-i18n's
// template machinery for check's own messages: check writes the English of
// every finding it makes (Finding.Message), and a stale translation's
// message of four texts cost 60 µs through go-i18n, most of it
// text/template's reflection, against a few hundred nanoseconds here.
// A message of messages/check.en.yaml whose template is literal text,
// and {{.Name}} is written from its parts; any other
// message, or a value missing from t, goes through t.String().
// TestEnglishAsClitext checks that both give the same text for every
// message.
func english(t clitext.Text) string {
	var b strings.Builder
	if !writeEnglish(&b, t) {
		return t.String()
	}
	return b.String()
}

// writeEnglish writes t to b and reports whether it could.
func writeEnglish(b *strings.Builder, t clitext.Text) bool {
	parts, ok := englishTemplates()[t.ID]
	if !ok {
		return false
	}
	for _, p := range parts {
		if p.field == "" {
			b.WriteString(p.lit)
			continue
		}
		v, ok := pairValue(t.Pairs, p.field)
		if !ok {
			return false
		}
		switch x := v.(type) {
		case string:
			b.WriteString(x)
		case int:
			b.WriteString(strconv.Itoa(x))
		case clitext.Localized:
			b.WriteString(x.InLang("en"))
		case clitext.Text:
			// Written where it stands, or through clitext as a whole.
			var inner strings.Builder
			if !writeEnglish(&inner, x) {
				b.WriteString(x.String())
			} else {
				b.WriteString(inner.String())
			}
		case error:
			b.WriteString(clitext.English().Error(x))
		default:
			return false
		}
	}
	return true
}

// pairValue returns the value of name in pairs of names and values.
func pairValue(pairs []any, name string) (any, bool) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if k, ok := pairs[i].(string); ok && k == name {
			return pairs[i+1], true
		}
	}
	return nil, false
}

// templatePart is a piece of a message's template: literal text, or the
// value of a field.
type templatePart struct {
	lit, field string
}

// englishTemplates are the messages of check.en.yaml that english writes
// itself, by id, read once.
var englishTemplates = sync.OnceValue(func() map[string][]templatePart {
	out := map[string][]templatePart{}
	data, err := fs.ReadFile(clitext.Files, "messages/check.en.yaml")
	if err != nil {
		return out // every message through clitext
	}
	var msgs map[string]any
	if yaml.Unmarshal(data, &msgs) != nil {
		return out
	}
	for id, m := range msgs {
		var other string
		switch m := m.(type) {
		case string:
			other = m
		case map[string]any:
			s, ok := m["other"].(string)
			if !ok || len(m) > 2 {
				continue // a plural message
			}
			other = s
		}
		if parts, ok := templateParts(other); ok {
			out[id] = parts
		}
	}
	return out
})

// templateParts splits a template into its parts, when it has only
// literal text and {{.Name}}.
func templateParts(src string) ([]templatePart, bool) {
	trees, err := parse.Parse("m", src, "{{", "}}")
	if err != nil {
		return nil, false
	}
	tree := trees["m"]
	if tree == nil || tree.Root == nil || len(trees) != 1 {
		return nil, false
	}
	var parts []templatePart
	for _, n := range tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			parts = append(parts, templatePart{lit: string(n.Text)})
		case *parse.ActionNode:
			p, ok := actionPart(n)
			if !ok {
				return nil, false
			}
			parts = append(parts, p)
		default:
			return nil, false
		}
	}
	return parts, true
}

func actionPart(n *parse.ActionNode) (templatePart, bool) {
	if n.Pipe == nil || len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) != 1 {
		return templatePart{}, false
	}
	args := n.Pipe.Cmds[0].Args
	f, ok := args[0].(*parse.FieldNode)
	switch {
	case !ok:
	case len(args) == 1 && len(f.Ident) == 1:
		return templatePart{field: f.Ident[0]}, true
	}
	return templatePart{}, false
}
