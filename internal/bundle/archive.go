package bundle

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"io"
	"os"
	"path"
	"sort"
	"time"
)

// archiveTime is the modification time of every archive entry: a fixed
// date, so that archives of the same bundle are the same bytes (zip cannot
// store times before 1980).
var archiveTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// writeArchive packs lang's staged bundle into w as format (tar.gz or zip):
// entries sorted by path under a top directory named after the language,
// directories before their files, fixed times, modes and owners.
func (s *stage) writeArchive(w io.Writer, lang, format string) error {
	files := make([]string, 0, len(s.files[lang]))
	for rel := range s.files[lang] {
		files = append(files, rel)
	}
	sort.Strings(files)
	dirs := map[string]bool{}
	var entries []string // directories end in "/"
	for _, f := range files {
		var parents []string
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			parents = append([]string{d}, parents...)
		}
		for _, d := range parents {
			if !dirs[d] {
				dirs[d] = true
				entries = append(entries, d+"/")
			}
		}
		entries = append(entries, f)
	}
	if format == "zip" {
		return s.writeZip(w, lang, entries)
	}
	return s.writeTarGz(w, lang, entries)
}

func (s *stage) writeTarGz(w io.Writer, lang string, entries []string) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: lang + "/", Mode: 0o755, ModTime: archiveTime, Format: tar.FormatPAX}); err != nil {
		return err
	}
	for _, e := range entries {
		if e[len(e)-1] == '/' {
			if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: lang + "/" + e, Mode: 0o755, ModTime: archiveTime, Format: tar.FormatPAX}); err != nil {
				return err
			}
			continue
		}
		data, err := s.trees[lang].ReadFile(e)
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: lang + "/" + e, Mode: 0o644, Size: int64(len(data)), ModTime: archiveTime, Format: tar.FormatPAX}); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func (s *stage) writeZip(w io.Writer, lang string, entries []string) error {
	zw := zip.NewWriter(w)
	add := func(name string, data []byte, dir bool) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: archiveTime}
		if dir {
			h.Method = zip.Store
			h.SetMode(0o755 | os.ModeDir)
		} else {
			h.SetMode(0o644)
		}
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add(lang+"/", nil, true); err != nil {
		return err
	}
	for _, e := range entries {
		if e[len(e)-1] == '/' {
			if err := add(lang+"/"+e, nil, true); err != nil {
				return err
			}
			continue
		}
		data, err := s.trees[lang].ReadFile(e)
		if err != nil {
			return err
		}
		if err := add(lang+"/"+e, data, false); err != nil {
			return err
		}
	}
	return zw.Close()
}
