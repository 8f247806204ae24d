package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// buildVCS is what the build information says of the source a binary was
// built from: the VCS revision, its commit time, and whether the tree had
// changes not committed. All are "" (false) for a build outside a
// repository or with -buildvcs=false.
type buildVCS struct {
	Revision string `json:"revision,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
}

func readVCS() buildVCS {
	var v buildVCS
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

func newVersionCmd(env *Env) *cobra.Command {
	tx := env.text()
	return &cobra.Command{
		Use:     "version",
		Short:   tx.T("cmd_version_short"),
		Long:    tx.T("cmd_version_long"),
		Example: tx.T("cmd_version_example"),
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			vcs := readVCS()
			if env.JSON {
				return writeJSON(env.Stdout, struct {
					Version string `json:"version"`
					buildVCS
					Go       string `json:"go"`
					Platform string `json:"platform"`
				}{Version(), vcs, runtime.Version(), runtime.GOOS + "/" + runtime.GOARCH})
			}
			rev := ""
			if vcs.Revision != "" {
				r := vcs.Revision
				if len(r) > 12 {
					r = r[:12]
				}
				if vcs.Modified {
					r += "+dirty"
				}
				rev = " " + r
				if vcs.Time != "" {
					rev += " " + vcs.Time
				}
			}
			fmt.Fprintf(env.Stdout, "ceviri %s%s (%s %s/%s)\n", Version(), rev, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
