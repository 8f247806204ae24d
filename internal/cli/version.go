package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

func init() { register(newVersionCmd) }

func newVersionCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print ceviri's version",
		Example: `  ceviri version`,
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if env.JSON {
				return writeJSON(env.Stdout, struct {
					Version string `json:"version"`
					Go      string `json:"go"`
				}{Version(), runtime.Version()})
			}
			fmt.Fprintf(env.Stdout, "ceviri %s (%s %s/%s)\n", Version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
