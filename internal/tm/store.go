package tm

import (
	"encoding/binary"
	"errors"
	"time"
)

// Record is what the project's memory keeps of one current translation:
// its aligned segment pairs, and a stamp that says which versions of the
// source and translation files they were aligned from (the command line
// makes it from the files' identities and fingerprints), so that only
// translations whose files changed are aligned again.
type Record struct {
	Article string
	Pair    Pair
	Stamp   string
	Date    time.Time
	Pairs   [][2]string // source, target
}

// AddRecord adds the record's pairs to m.
func (m *Memory) AddRecord(r *Record) {
	for _, st := range r.Pairs {
		m.Add(r.Pair, Entry{Source: st[0], Target: st[1], Article: r.Article, Date: r.Date})
	}
}

// AddTMX adds the units of an external memory to m, for every ordered pair
// of their languages that lang maps to a project language (lang returns
// false for a language the project does not have). origin names the
// memory in matches.
func (m *Memory) AddTMX(t *TMX, origin string, lang func(string) (string, bool)) {
	for _, u := range t.Units {
		var vs []Variant
		for _, v := range u.Variants {
			if l, ok := lang(v.Lang); ok {
				vs = append(vs, Variant{Lang: l, Text: v.Text})
			}
		}
		for _, a := range vs {
			for _, b := range vs {
				if a.Lang != b.Lang {
					m.Add(Pair{a.Lang, b.Lang}, Entry{Source: a.Text, Target: b.Text, Article: u.Article, Date: u.Date, Origin: origin})
				}
			}
		}
	}
}

const storeMagic = "ceviri memory 1\n"

var errBadStore = errors.New("tm: bad memory records")

// EncodeRecords encodes records for the status cache.
func EncodeRecords(rs []Record) []byte {
	b := []byte(storeMagic)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(rs)))
	for _, r := range rs {
		str(r.Article)
		str(r.Pair.Source)
		str(r.Pair.Target)
		str(r.Stamp)
		var sec int64
		if !r.Date.IsZero() {
			sec = r.Date.Unix()
		}
		b = binary.AppendVarint(b, sec)
		b = binary.AppendUvarint(b, uint64(len(r.Pairs)))
		for _, p := range r.Pairs {
			str(p[0])
			str(p[1])
		}
	}
	return b
}

// DecodeRecords reads what EncodeRecords wrote.
func DecodeRecords(b []byte) ([]Record, error) {
	if len(b) < len(storeMagic) || string(b[:len(storeMagic)]) != storeMagic {
		return nil, errBadStore
	}
	b = b[len(storeMagic):]
	bad := false
	uint := func() uint64 {
		n, k := binary.Uvarint(b)
		if k <= 0 {
			bad = true
			return 0
		}
		b = b[k:]
		return n
	}
	str := func() string {
		n := uint()
		if bad || n > uint64(len(b)) {
			bad = true
			return ""
		}
		s := string(b[:n])
		b = b[n:]
		return s
	}
	n := uint()
	if n > uint64(len(b)) {
		return nil, errBadStore
	}
	rs := make([]Record, 0, n)
	for i := uint64(0); i < n && !bad; i++ {
		r := Record{Article: str(), Pair: Pair{str(), str()}, Stamp: str()}
		sec, k := binary.Varint(b)
		if k <= 0 {
			return nil, errBadStore
		}
		b = b[k:]
		if sec != 0 {
			r.Date = time.Unix(sec, 0).UTC()
		}
		np := uint()
		if np > uint64(len(b)) {
			return nil, errBadStore
		}
		r.Pairs = make([][2]string, 0, np)
		for j := uint64(0); j < np && !bad; j++ {
			r.Pairs = append(r.Pairs, [2]string{str(), str()})
		}
		rs = append(rs, r)
	}
	if bad || len(b) != 0 {
		return nil, errBadStore
	}
	return rs, nil
}
