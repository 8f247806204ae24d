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
	// 0: ceviri's own words in English and Turkish, which every layer
	// above speaks (its errors and findings carry message ids).
	"internal/clitext": 0,
	// 1: foundations, knowing nothing of ceviri's model.
	"internal/diag": 1, "internal/fastpath": 1, "internal/workers": 1, "internal/safefile": 1,
	"internal/sequence": 1, "internal/gitlog": 1, "internal/skeleton": 1, "internal/preset": 1,
	"internal/layers": 1,
	// 2: file formats of their own; word diffs (on sequence).
	"internal/wordiff": 2, "internal/config": 2, "internal/locale": 2, "internal/po": 2, "internal/xliff": 2,
	// 3: front matter (reads YAML, TOML, JSON; knows config's YAML errors).
	"internal/frontmatter": 3,
	// 4: what a version is made of, and the lock file of records.
	"internal/segment": 4, "internal/lockfile": 4,
	// 5: the project (layout, scanning, loading), segment alignment,
	// heading anchors (the ids build gives headings, and check resolves)
	// and the article a link names (build and check share it).
	"internal/project": 5, "internal/align": 5, "internal/anchor": 5, "internal/pagelink": 5,
	// 5 also: the translation memory (segment pairs, TMX) and the glossary
	// (CSV, TBX).
	"internal/tm": 5, "internal/glossary": 5,
	// 6: states and stored source copies.
	"internal/track": 6,
	// 7: analyses over states: the status cache, the release gate,
	// export/import; the benchmark corpus generator.
	"internal/cache": 7, "internal/check": 7, "internal/interchange": 7, "internal/corpusgen": 7,
	// 8: bundles (use the cache's file identity); the editors' HTML report.
	"internal/bundle": 8, "internal/report": 8,
	// 9: the command line, the only package that prints or exits.
	"internal/cli": 9,
	// 10: programs.
	"cmd/ceviri": 10, "cmd/ceviri-bench": 10, "cmd/ceviri-corpus": 10,
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
