package interchange

import (
	"github.com/ceviri/ceviri/internal/align"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
)

// link is what a translation has for one segment of the current source.
type link struct {
	op      string           // "" (unchanged), track.Added, track.Changed or track.Moved
	old     *segment.Segment // the recorded source segment (changed or moved)
	tr      *segment.Segment // the translation's segment for it, nil when unknown
	trBody  int              // index of tr in the translation's body, -1 for a field or none
	pending bool             // the segment still needs a translator
}

// alignment is how a translation relates to the current source.
type alignment struct {
	links []link // one per segment of the current source
	// sameShape: the translation's body has the shape of the source version
	// it follows, segment by segment.
	sameShape bool
	// removed holds the translation's body segments whose source segment was
	// removed from the source since.
	removed map[int]bool
	moved   bool // a segment moved in the source
}

// alignTo links every segment of the current source (src.Segments(), fields
// first) to the translation's segment for it. The translation's segments
// are known through the source version it records: its fields by name, its
// body segments by position when its body has the same shape as the
// recorded source's, else by the best alignment of the two bodies (package
// align). pending follows the rules of track, so the words of the pending
// units add up to the version's pending words.
func alignTo(src *project.Version, v *track.VersionStatus) alignment {
	segs := src.Segments()
	out := make([]link, len(segs))
	for i := range out {
		out[i].trBody = -1
	}
	tr := v.Parsed
	all := func() {
		for i := range out {
			out[i].pending = true
		}
	}
	// base is the version the translation's structure follows; toBase maps
	// a current source index to an index in base.Segments().
	var base *project.Version
	res := alignment{removed: map[int]bool{}}
	removedBase := map[int]bool{}
	toBase := make([]int, len(segs))
	for i := range toBase {
		toBase[i] = -1
	}
	switch {
	case tr == nil:
		all()
		return alignment{links: out}
	case v.Recorded != nil:
		base = v.Recorded
		for _, c := range v.Changes {
			if c.Op == track.Moved {
				res.moved = true
			}
			if c.Op == track.Removed && c.OldIndex >= len(base.Fields) {
				removedBase[c.OldIndex-len(base.Fields)] = true
			}
		}
		changedNew := map[int]bool{}
		usedOld := map[int]bool{}
		for _, c := range v.Changes {
			if c.NewIndex >= 0 {
				changedNew[c.NewIndex] = true
				out[c.NewIndex].op = c.Op
				if c.Op == track.Changed || c.Op == track.Moved {
					out[c.NewIndex].old = c.Old
					toBase[c.NewIndex] = c.OldIndex
				}
				if c.Op == track.Added || c.Op == track.Changed {
					out[c.NewIndex].pending = true
				}
			}
			if c.OldIndex >= 0 {
				usedOld[c.OldIndex] = true
			}
		}
		// Unchanged segments pair up in order (they are the common
		// subsequence of the comparison).
		oi := 0
		for j := range segs {
			if changedNew[j] {
				continue
			}
			for oi < len(base.Segments()) && usedOld[oi] {
				oi++
			}
			toBase[j] = oi
			oi++
		}
	case tr.Record == nil || tr.Record.SourceHash == src.Fingerprint:
		base = src
		for j := range toBase {
			toBase[j] = j
		}
	default:
		// Stale, and the recorded source is not stored: every segment may
		// have changed; the translation is taken to follow the current
		// source where its shape allows.
		base = src
		for j := range toBase {
			toBase[j] = j
		}
		all()
	}
	baseSegs := base.Segments()
	res.sameShape = sameShape(base.Body, tr.Body)
	pairs := make([]int, len(base.Body)) // base body index -> translation body index
	if res.sameShape {
		for i := range pairs {
			pairs[i] = i
		}
	} else {
		pairs = align.Segments(base.Body, tr.Body)
	}
	for bi, ti := range pairs {
		if ti >= 0 && removedBase[bi] {
			res.removed[ti] = true
		}
	}
	for j := range segs {
		b := toBase[j]
		if b < 0 || b >= len(baseSegs) {
			continue
		}
		if b < len(base.Fields) {
			key := base.Fields[b].Key
			for k := range tr.Fields {
				if tr.Fields[k].Key == key {
					out[j].tr = &tr.Fields[k]
					break
				}
			}
			continue
		}
		if ti := pairs[b-len(base.Fields)]; ti >= 0 {
			out[j].tr, out[j].trBody = &tr.Body[ti], ti
		}
	}
	switch v.State {
	case track.Missing, track.Untracked:
		all()
	case track.Draft:
		// A draft still owes the segments it has not translated yet.
		same := map[string]bool{}
		for _, s := range tr.Segments() {
			same[s.Hash] = true
		}
		for j, s := range segs {
			if s.Translatable() && same[s.Hash] {
				out[j].pending = true
			}
		}
	}
	res.links = out
	return res
}

// sameShape reports whether two bodies have the same segments kind by kind.
func sameShape(a, b []segment.Segment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Kind != b[i].Kind {
			return false
		}
	}
	return true
}
