package cache

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path"

	"github.com/ceviri/ceviri/internal/safefile"
)

// A blob is another rebuildable cache file in Dir, for data derived from
// the versions the status cache knows (the translation memory's aligned
// pairs, internal/tm): written with the same key (ceviri build and
// ceviri.yaml) and a SHA-256 checksum, and ignored, never trusted, when
// either does not match.

const blobMagic = "ceviri cache blob 1\n"

// ReadBlob returns the data that WriteBlob wrote for key under name in Dir
// of the project at root, and when the file was last written
// (nanoseconds since the epoch: see Clean). ok is false when there is
// none, or it is corrupt, foreign or for another key.
func ReadBlob(root, name, key string) (data []byte, written int64, ok bool) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, 0, false
	}
	defer r.Close()
	file := path.Join(Dir, name)
	raw, err := r.ReadFile(file)
	if err != nil {
		return nil, 0, false
	}
	fi, err := r.Stat(file)
	if err != nil {
		return nil, 0, false
	}
	if len(raw) < len(blobMagic)+sha256.Size || !bytes.HasPrefix(raw, []byte(blobMagic)) {
		return nil, 0, false
	}
	body, sum := raw[:len(raw)-sha256.Size], raw[len(raw)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, 0, false
	}
	rd := &reader{b: body[len(blobMagic):]}
	if rd.str() != key || rd.err != nil {
		return nil, 0, false
	}
	return rd.b, fi.ModTime().UnixNano(), true
}

// WriteBlob writes data for key under name in Dir of the project at root,
// atomically, through safefile (a .ceviri that leads out of the project is
// refused). Errors (a read-only checkout) may be ignored.
func WriteBlob(root, name, key string, data []byte) error {
	w := &writer{b: make([]byte, 0, len(blobMagic)+len(key)+len(data)+sha256.Size+10)}
	w.b = append(w.b, blobMagic...)
	w.str(key)
	w.b = append(w.b, data...)
	sum := sha256.Sum256(w.b)
	w.b = append(w.b, sum[:]...)
	d, err := safefile.OpenDir(root)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.WriteFile(path.Join(Dir, name), w.b, 0o644)
}
