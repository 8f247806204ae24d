// Command ceviri-corpus writes a synthetic Turkish/English newsroom project
// for benchmarks (see internal/corpusgen and docs/performance.md).
//
//	ceviri-corpus -n 10000 -seed 1 -o /tmp/corpus [-hugo /tmp/corpus-hugo]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ceviri/ceviri/internal/corpusgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed; the same seed and size give the same files")
	out := flag.String("o", "", "project directory to create (must not exist or be empty)")
	hugo := flag.String("hugo", "", "also write the equivalent Hugo site into this directory")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: ceviri-corpus -n N [-seed S] -o DIR [-hugo DIR]")
		os.Exit(2)
	}
	st, err := corpusgen.Generate(corpusgen.Options{Dir: *out, Articles: *n, Seed: *seed, HugoDir: *hugo})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ceviri-corpus: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d articles, %d files, %.1f MB; translations: %v\n", st.Articles, st.Files, float64(st.Bytes)/1e6, st.States)
}
