package cli

import (
	"context"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
)

// gitHistory is what git knows about a recorded source version.
type gitHistory struct {
	commits []gitlog.Commit  // commits that touched the source, newest first
	index   int              // the newest commit holding the recorded version; -1 when none does
	version *project.Version // that version, parsed under the current configuration; nil when index is -1
}

// since returns the commits after the recorded version.
func (h *gitHistory) since() []gitlog.Commit { return h.commits[:h.index] }

// commit returns the commit holding the recorded version.
func (h *gitHistory) commit() gitlog.Commit { return h.commits[h.index] }

// recordedInGit walks the git history of a source file, newest first, for
// the version a translation record names: the one whose fingerprint is
// want, parsing each old version the way the current one is parsed. want is
// the recorded fingerprint, or the fingerprint of the stored copy of the
// recorded version under the current configuration when it is stored.
//
// A fingerprint recorded under an earlier configuration (another
// translatable: list) is no version's under the current one: when none
// matches want, each old version is parsed under each configuration
// ceviri.yaml has had in git, and the newest that gives recorded (the
// fingerprint in the record) is the recorded version, then parsed under the
// current configuration to be compared with the current source.
func recordedInGit(ctx context.Context, repo *gitlog.Repo, p *project.Project, src *project.Version, want, recorded string) (*gitHistory, error) {
	commits, err := repo.Log(ctx, src.Path)
	if err != nil {
		return nil, err
	}
	h := &gitHistory{commits: commits}
	h.index, _, err = repo.Find(ctx, commits, func(data []byte) bool {
		v := project.Parse(src.File, data, p.Config)
		if v.Err == nil && v.Fingerprint == want {
			h.version = v
			return true
		}
		return false
	})
	if err != nil {
		return nil, err
	}
	if h.index >= 0 || len(commits) == 0 {
		return h, nil
	}
	cfgs, err := pastConfigs(ctx, repo)
	if err != nil || len(cfgs) == 0 {
		return h, nil // the search under the current configuration stands
	}
	h.index, _, err = repo.Find(ctx, commits, func(data []byte) bool {
		for _, cfg := range cfgs {
			if v := project.Parse(src.File, data, cfg); v.Err == nil && v.Fingerprint == recorded {
				h.version = project.Parse(src.File, data, p.Config)
				return h.version.Err == nil
			}
		}
		return false
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// maxPastConfigs bounds the configurations recordedInGit tries: each
// multiplies the parses of the source's history.
const maxPastConfigs = 16

// pastConfigs returns the configurations ceviri.yaml had in the commits
// that changed it, newest first, each once; those that do not parse (keys of
// another ceviri) are left out.
func pastConfigs(ctx context.Context, repo *gitlog.Repo) ([]*config.Config, error) {
	commits, err := repo.Log(ctx, config.FileName)
	if err != nil {
		return nil, err
	}
	var ids []string
	seen := map[string]bool{}
	for _, c := range commits {
		if c.Blob != "" && !seen[c.Blob] && len(ids) < maxPastConfigs {
			seen[c.Blob] = true
			ids = append(ids, c.Blob)
		}
	}
	blobs, err := repo.Blobs(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []*config.Config
	for _, data := range blobs {
		if len(data) > segment.MaxFileSize {
			continue // as project.Open refuses it
		}
		if cfg, err := config.Parse(config.FileName, data); err == nil {
			out = append(out, cfg)
		}
	}
	return out, nil
}

// staleWords counts the words of a stale translation from its recorded
// source version found in git, as status counts them from a stored copy
// (track.StaleCounts). It returns them with the number of changed segments.
func staleWords(rec, src *project.Version) (words, changed int) {
	return track.StaleCounts(rec.Segments(), src.Segments())
}
