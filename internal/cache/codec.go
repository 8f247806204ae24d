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
const magic = "ceviri status cache 3\n"

// Key identifies what the entries of a cache depend on: the ceviri build
// and the bytes of ceviri.yaml.
func Key(build string, config []byte) string {
	sum := sha256.Sum256(config)
	return build + "\x00" + hex.EncodeToString(sum[:])
}

// summary keeps what status needs of a parsed version but its segments,
// which the entry keeps encoded.
func summary(v *project.Version) *project.Version {
	s := &project.Version{File: v.File, Fingerprint: v.Fingerprint, Words: v.Words,
		HasFrontMatter: v.HasFrontMatter, EmptyBody: v.EmptyBody, Marker: v.Marker, MarkerLine: v.MarkerLine}
	if v.Record != nil {
		r := *v.Record
		s.Record = &r
	}
	if v.FileRecord != nil {
		r := *v.FileRecord
		s.FileRecord = &r
	}
	return s
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
		// The file's own record: the lock file's is applied on reading
		// (project.ApplyLock), as it may have changed since.
		var bits uint64
		if v.HasFrontMatter {
			bits |= 1
		}
		if v.EmptyBody {
			bits |= 2
		}
		w.uint(bits)
		w.str(v.Marker)
		w.uint(uint64(v.MarkerLine))
		if r := v.FileRecord; r == nil {
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
		if e.segs == nil {
			w.uint(0) // segments left out (see needsSegments)
		} else {
			w.uint(1)
			w.str(string(e.segs))
		}
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

// encodeSegs encodes the fields and body segments of a version, without
// their text; hashes are kept as 32 bytes when they are hex SHA-256.
func encodeSegs(v *project.Version) []byte {
	w := &writer{}
	for _, segs := range [][]segment.Segment{v.Fields, v.Body} {
		w.uint(uint64(len(segs)))
		for _, s := range segs {
			w.str(s.Kind)
			w.str(s.Key)
			if raw, err := hex.DecodeString(s.Hash); err == nil && len(raw) == sha256.Size && hex.EncodeToString(raw) == s.Hash {
				w.uint(0)
				w.b = append(w.b, raw...)
			} else {
				w.uint(1)
				w.str(s.Hash)
			}
			w.uint(uint64(s.Line))
			w.uint(uint64(s.Words))
			w.uint(uint64(s.Start))
			w.uint(uint64(s.End))
		}
	}
	return w.b
}

// decodeSegs reads what encodeSegs wrote.
func decodeSegs(b []byte) (fields, body []segment.Segment, err error) {
	r := &reader{b: b}
	fields, body = r.segs(), r.segs()
	if r.err != nil || len(r.b) != 0 {
		return nil, nil, errBad
	}
	return fields, body, nil
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
	r := &reader{b: body[len(magic):]}
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
		bits := r.uint()
		if bits > 3 {
			r.err = errBad
		}
		v.HasFrontMatter, v.EmptyBody = bits&1 != 0, bits&2 != 0
		v.Marker, v.MarkerLine = r.str(), r.int()
		switch flag := r.uint(); flag {
		case 0:
		case 1, 2:
			v.FileRecord = &frontmatter.Record{From: r.name(), SourceHash: r.str(), Line: r.int(), Draft: flag == 2}
			v.Record = v.FileRecord
		default:
			r.err = errBad
		}
		switch r.uint() {
		case 0:
		case 1:
			e.segs = r.bytes()
		default:
			r.err = errBad
		}
		e.v = v
		out[p] = e
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errBad
	}
	return out, nil
}

type reader struct {
	b   []byte
	err error
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

// names holds the short strings that repeat in every entry (segment kinds,
// heading and field keys), so decoding them allocates nothing. It is only
// read, so decoders may share it.
var names = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"", segment.Field, segment.Heading, segment.Paragraph, segment.ListItem, segment.TableCell,
		segment.Quote, segment.Footnote, segment.Code, segment.HTML, segment.LinkRef,
		"h1", "h2", "h3", "h4", "h5", "h6", "title", "summary", "description", "tr", "en"} {
		m[s] = s
	}
	return m
}()

// name reads a short string that often repeats.
func (r *reader) name() string {
	b := r.bytes()
	if s, ok := names[string(b)]; ok {
		return s
	}
	return string(b)
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
		s := segment.Segment{Kind: r.name(), Key: r.name()}
		switch r.uint() {
		case 0:
			if len(r.b) < sha256.Size {
				r.err = errBad
				return nil
			}
			s.Hash = hex.EncodeToString(r.b[:sha256.Size])
			r.b = r.b[sha256.Size:]
		case 1:
			s.Hash = r.str()
		default:
			r.err = errBad
			return nil
		}
		s.Line, s.Words, s.Start, s.End = r.int(), r.int(), r.int(), r.int()
		out[i] = s
	}
	return out
}

func sumOf(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}
