package track

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/ceviri/ceviri/internal/project"
)

// StoreDir holds a copy of every source version a translation records,
// named by its fingerprint, so ceviri can show what changed without git.
// It is committed with the articles.
const StoreDir = ".ceviri/sources"

// SnapshotPath returns where the copy of the source version with the given
// fingerprint ("sha256:<hex>") is kept.
func SnapshotPath(hash string) string {
	hex := strings.TrimPrefix(hash, "sha256:")
	if len(hex) < 3 {
		return path.Join(StoreDir, hex+".md")
	}
	return path.Join(StoreDir, hex[:2], hex[2:]+".md")
}

// ErrNoSnapshot means no stored copy exists for a recorded fingerprint.
var ErrNoSnapshot = errors.New("no stored copy of the recorded source version")

// LoadSnapshot reads the stored copy of a recorded source version and parses
// it as the given file of the project. The copy must still have the recorded
// fingerprint; when it does not (translatable fields were reconfigured) it is
// reported as unusable.
func LoadSnapshot(p *project.Project, f project.File, hash string) (*project.Version, error) {
	sp := SnapshotPath(hash)
	sf := project.File{ID: f.ID, Lang: f.Lang, Path: sp}
	var err error
	v := p.Cached(sf, func() *project.Version {
		var data []byte
		if data, err = p.ReadFile(sp); err != nil {
			return &project.Version{File: sf, Err: err}
		}
		return p.ParseVersion(sf, data)
	})
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ErrNoSnapshot
		}
		return nil, err
	}
	if v.Err != nil {
		return nil, v.Err
	}
	if v.Fingerprint != hash {
		return nil, fmt.Errorf("%s: stored copy no longer has fingerprint %s (were the translatable fields reconfigured?)", sp, hash)
	}
	return v, nil
}
