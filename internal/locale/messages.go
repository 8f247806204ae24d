package locale

import (
	"crypto/sha1"
	"fmt"
	"sort"
	"strings"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// FormNames lists the CLDR plural forms in CLDR order.
var FormNames = []string{"zero", "one", "two", "few", "many", "other"}

// Forms returns a message's plural forms that have text, by CLDR name.
func Forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for name, s := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two,
		"few": m.Few, "many": m.Many, "other": m.Other} {
		if s != "" {
			out[name] = s
		}
	}
	return out
}

// Hash returns the go-i18n hash of a source message, the value `goi18n merge`
// writes into the `hash` field of each translated message: SHA-1 over the
// description and the `other` form, as "sha1-<hex>".
func Hash(m *i18n.Message) string {
	h := sha1.New()
	h.Write([]byte(m.Description))
	h.Write([]byte(m.Other))
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// PluralForms returns the CLDR cardinal plural forms a language uses, in
// CLDR order, read from golang.org/x/text's CLDR plural data: the form of
// every integer from 0 to 1100, of powers of ten up to a million, and of
// decimals with one and two fraction digits. x/text exposes the rules only
// as a function from a number to its form, so the forms are the values that
// function takes; the sample covers every operand the CLDR rules test (n, i,
// v, f, t modulo 10, 100 and 1000).
func PluralForms(tag language.Tag) []string {
	seen := map[plural.Form]bool{}
	for i := 0; i <= 1100; i++ {
		seen[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)] = true
	}
	for i := 10000; i <= 1000000; i *= 10 {
		seen[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)] = true
	}
	for i := 0; i <= 20; i++ {
		for f := 0; f < 10; f++ {
			w, t := 1, f
			if f == 0 {
				w = 0
			}
			seen[plural.Cardinal.MatchPlural(tag, i, 1, w, f, t)] = true
		}
		for f := 0; f < 100; f++ {
			w, t := 2, f
			if f%10 == 0 {
				w, t = 1, f/10
			}
			if f == 0 {
				w = 0
			}
			seen[plural.Cardinal.MatchPlural(tag, i, 2, w, f, t)] = true
		}
	}
	byForm := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two",
		plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	var out []string
	for _, name := range FormNames {
		for f, n := range byForm {
			if n == name && seen[f] {
				out = append(out, name)
			}
		}
	}
	return out
}

// Variables returns the template variables a message text uses ("{{.Name}}"
// gives ".Name"), sorted. left and right are the message's delimiters
// (empty: "{{" and "}}"). Text that is not a valid template is an error.
func Variables(src, left, right string) ([]string, error) {
	t := parse.New("message")
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(src, left, right, trees); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, tr := range trees {
		if tr.Root != nil {
			walkVars(tr.Root, set)
		}
	}
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out, nil
}

func walkVars(n parse.Node, set map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkVars(c, set)
		}
	case *parse.ActionNode:
		walkVars(n.Pipe, set)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkVars(c, set)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkVars(a, set)
		}
	case *parse.FieldNode:
		set["."+strings.Join(n.Ident, ".")] = true
	case *parse.ChainNode:
		walkVars(n.Node, set)
	case *parse.VariableNode:
		if len(n.Ident) > 1 {
			set[strings.Join(n.Ident, ".")] = true
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, set)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, set)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, set)
	case *parse.TemplateNode:
		walkVars(n.Pipe, set)
	}
}

func walkBranch(b *parse.BranchNode, set map[string]bool) {
	walkVars(b.Pipe, set)
	walkVars(b.List, set)
	if b.ElseList != nil {
		walkVars(b.ElseList, set)
	}
}

// KeyLines returns the line of each message in a go-i18n YAML file, by
// message id: "a" for a top-level key, "a.b" for a nested one (as go-i18n
// names nested messages). Bytes that are not YAML give an empty map.
func KeyLines(data []byte) map[string]int {
	out := map[string]int{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			id := k.Value
			if prefix != "" {
				id = prefix + "." + k.Value
			}
			if _, ok := out[id]; !ok {
				out[id] = k.Line
			}
			walk(id, n.Content[i+1])
		}
	}
	walk("", doc.Content[0])
	return out
}
