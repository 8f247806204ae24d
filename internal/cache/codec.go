package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"

	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
)

// magic starts every cache file; the digit is the format version.
const magic = "ceviri status cache 1\n"

// Key identifies what the entries of a cache depend on: the ceviri build
// and the bytes of ceviri.yaml.
func Key(build string, config []byte) string {
	sum := sha256.Sum256(config)
	return build + "\x00" + hex.EncodeToString(sum[:])
}

// summary keeps what status needs of a parsed version.
func summary(v *project.Version) *project.Version {
	s := &project.Version{File: v.File, Fingerprint: v.Fingerprint, Words: v.Words,
		Fields: strip(v.Fields), Body: strip(v.Body)}
	if v.Record != nil {
		r := *v.Record
		s.Record = &r
	}
	return s
}

func strip(segs []segment.Segment) []segment.Segment {
	out := make([]segment.Segment, len(segs))
	for i, s := range segs {
		s.Text, s.Plain = "", ""
		out[i] = s
	}
	return out
}

// encode writes the entries, sorted by path so the same cache gives the
// same bytes, followed by the SHA-256 of everything before it.
func encode(key string, entries map[string]entry) []byte {
	paths := make([]string, 0, len(entries))
	for p := range entries {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	w := &writer{}
	w.b = append(w.b, magic...)
	w.str(key)
	w.uint(uint64(len(paths)))
	for _, p := range paths {
		e := entries[p]
		w.str(p)
		w.uint(uint64(e.stat.Size))
		w.uint(uint64(e.stat.Mtime))
		w.uint(uint64(e.stat.Ctime))
		w.uint(e.stat.Ino)
		w.uint(e.stat.Dev)
		v := e.v
		w.str(v.Fingerprint)
		w.uint(uint64(v.Words))
		if r := v.Record; r == nil {
			w.uint(0)
		} else {
			flag := uint64(1)
			if r.Draft {
				flag = 2
			}
			w.uint(flag)
			w.str(r.From)
			w.str(r.SourceHash)
			w.uint(uint64(r.Line))
		}
		w.segs(v.Fields)
		w.segs(v.Body)
	}
	sum := sha256.Sum256(w.b)
	return append(w.b, sum[:]...)
}

type writer struct{ b []byte }

func (w *writer) uint(n uint64) { w.b = binary.AppendUvarint(w.b, n) }
func (w *writer) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *writer) segs(segs []segment.Segment) {
	w.uint(uint64(len(segs)))
	for _, s := range segs {
		w.str(s.Kind)
		w.str(s.Key)
		w.str(s.Hash)
		w.uint(uint64(s.Line))
		w.uint(uint64(s.Words))
		w.uint(uint64(s.Start))
		w.uint(uint64(s.End))
	}
}

// errBad is any reason not to trust a cache file.
var errBad = errors.New("cache file is not usable")

// decode reads a cache file written by encode for key. Any inconsistency
// is an error; it never panics on hostile input.
func decode(data []byte, key string) (map[string]entry, error) {
	if len(data) < len(magic)+sha256.Size || !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errBad
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, fmt.Errorf("%w: checksum mismatch", errBad)
	}
	r := &reader{b: body[len(magic):], intern: map[string]string{}}
	if r.str() != key {
		return nil, fmt.Errorf("%w: written by another ceviri or for another ceviri.yaml", errBad)
	}
	n := r.uint()
	if n > uint64(len(r.b)) {
		return nil, errBad
	}
	out := make(map[string]entry, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		p := r.str()
		e := entry{stat: Stat{Size: int64(r.uint()), Mtime: int64(r.uint()), Ctime: int64(r.uint()), Ino: r.uint(), Dev: r.uint()}}
		v := &project.Version{File: project.File{Path: p}}
		v.Fingerprint = r.str()
		v.Words = r.int()
		switch flag := r.uint(); flag {
		case 0:
		case 1, 2:
			v.Record = &frontmatter.Record{From: r.name(), SourceHash: r.str(), Line: r.int(), Draft: flag == 2}
		default:
			r.err = errBad
		}
		v.Fields = r.segs()
		v.Body = r.segs()
		e.v = v
		out[p] = e
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errBad
	}
	return out, nil
}

type reader struct {
	b      []byte
	err    error
	intern map[string]string // kinds, keys and languages repeat
}

func (r *reader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errBad
		return 0
	}
	r.b = r.b[k:]
	return n
}

// int reads a non-negative int.
func (r *reader) int() int {
	n := r.uint()
	if n > 1<<31 {
		r.err = errBad
		return 0
	}
	return int(n)
}

func (r *reader) bytes() []byte {
	n := r.uint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errBad
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *reader) str() string { return string(r.bytes()) }

// name reads a short string that repeats across entries, sharing one copy.
func (r *reader) name() string {
	b := r.bytes()
	if s, ok := r.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	r.intern[s] = s
	return s
}

func (r *reader) segs() []segment.Segment {
	n := r.uint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errBad
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]segment.Segment, n)
	for i := range out {
		out[i] = segment.Segment{Kind: r.name(), Key: r.name(), Hash: r.str(),
			Line: r.int(), Words: r.int(), Start: r.int(), End: r.int()}
	}
	return out
}

func sumOf(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}
