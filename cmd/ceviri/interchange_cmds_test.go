package main

import (
	"bytes"
	"os"
	"strings"

	"github.com/ceviri/ceviri/internal/po"
	"github.com/ceviri/ceviri/internal/xliff"
	"github.com/rogpeppe/go-internal/testscript"
)

// The translator's side of export/import scenarios (issue 6).
func init() {
	// fill FILE PREFIX: play the translator: give every unit of an XLIFF or
	// PO file that has no translation (or a fuzzy one) the target PREFIX +
	// its source, keeping XLIFF placeholders, and mark it translated.
	scriptCmds["fill"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: fill FILE PREFIX")
		}
		name := ts.MkAbs(args[0])
		data, err := os.ReadFile(name)
		ts.Check(err)
		var out bytes.Buffer
		if strings.HasSuffix(name, ".po") {
			f, err := po.Read(args[0], bytes.NewReader(data))
			ts.Check(err)
			for i := range f.Entries {
				e := &f.Entries[i]
				if e.Str() == "" || e.Fuzzy() {
					e.Msgstr = []string{args[1] + e.Msgid}
					e.Flags = nil
					e.PrevMsgid = ""
				}
			}
			ts.Check(po.Write(&out, f))
		} else {
			d, err := xliff.Read(args[0], bytes.NewReader(data))
			ts.Check(err)
			for fi := range d.Files {
				for ui := range d.Files[fi].Units {
					u := &d.Files[fi].Units[ui]
					if strings.TrimSpace(xliff.Text(u.Target)) == "" {
						u.Target = append([]xliff.Span{{Text: args[1]}}, u.Source...)
						u.State, u.HasTarget = xliff.Translated, true
					}
				}
			}
			ts.Check(xliff.Write(&out, d))
		}
		ts.Check(os.WriteFile(name, out.Bytes(), 0o644))
	}
}
