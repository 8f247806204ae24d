// Package layers holds the layering of ceviri's packages
// (docs/architecture.md) and, in its test, enforces it: a package imports
// only packages of lower layers, so data flows from files to model to
// analysis to output and never back. It has no code of its own.
package layers

import (
	"fmt"
	"sort"
)

// Of is the layer of every package under internal/ and cmd/, by its path
// relative to the module. A package may import only packages of a lower
// layer.
var Of = map[string]int{
	// 0: foundations, knowing nothing of ceviri's model.
	"internal/diag": 0, "internal/fastpath": 0, "internal/workers": 0, "internal/safefile": 0,
	"internal/sequence": 0, "internal/gitlog": 0, "internal/skeleton": 0, "internal/preset": 0,
	"internal/layers": 0, "internal/clitext": 0,
	// 1: file formats of their own; word diffs (on sequence).
	"internal/wordiff": 1, "internal/config": 1, "internal/locale": 1, "internal/po": 1, "internal/xliff": 1,
	// 2: front matter (reads YAML, TOML, JSON; knows config's YAML errors).
	"internal/frontmatter": 2,
	// 3: what a version is made of, and the lock file of records.
	"internal/segment": 3, "internal/lockfile": 3,
	// 4: the project (layout, scanning, loading), segment alignment,
	// heading anchors (the ids build gives headings, and check resolves)
	// and the article a link names (build and check share it).
	"internal/project": 4, "internal/align": 4, "internal/anchor": 4, "internal/pagelink": 4,
	// 4 also: the translation memory (segment pairs, TMX) and the glossary
	// (CSV, TBX).
	"internal/tm": 4, "internal/glossary": 4,
	// 5: states and stored source copies.
	"internal/track": 5,
	// 6: analyses over states: the status cache, the release gate,
	// export/import; the benchmark corpus generator.
	"internal/cache": 6, "internal/check": 6, "internal/interchange": 6, "internal/corpusgen": 6,
	// 7: bundles (use the cache's file identity); the editors' HTML report.
	"internal/bundle": 7, "internal/report": 7,
	// 8: the command line, the only package that prints or exits.
	"internal/cli": 8,
	// 9: programs.
	"cmd/ceviri": 9, "cmd/ceviri-bench": 9, "cmd/ceviri-corpus": 9,
}

// Violations returns, for a graph of packages (by path relative to the
// module) to the module packages they import, each import that does not
// run downwards and each package without a layer, sorted.
func Violations(imports map[string][]string) []string {
	var out []string
	for pkg, imps := range imports {
		layer, ok := Of[pkg]
		if !ok {
			out = append(out, pkg+" has no layer: give it one in internal/layers and docs/architecture.md")
			continue
		}
		for _, imp := range imps {
			if l, known := Of[imp]; !known || l >= layer {
				out = append(out, fmt.Sprintf("%s (layer %d) imports %s (layer %d): imports run downwards only", pkg, layer, imp, l))
			}
		}
	}
	sort.Strings(out)
	return out
}
