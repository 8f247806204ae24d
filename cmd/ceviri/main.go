// Command ceviri keeps the language versions of articles in step: it tracks
// which source version each translation was made from, shows translators
// what changed, checks parity before a release and builds per-language
// bundles. See README.md.
package main

import (
	"os"

	"github.com/ceviri/ceviri/internal/cli"
)

func main() {
	stop := startProfile()
	code := cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
