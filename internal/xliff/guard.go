package xliff

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// Decoder returns a strict XML decoder over data, a leading BOM dropped,
// that accepts the UTF-8 encoding only. It is the reader of XLIFF files,
// shared with the other XML formats ceviri imports (TMX, package tm).
func Decoder(data []byte) *xml.Decoder {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return in, nil
		}
		return nil, clitext.NewError("xliff_encoding", "Label", quote(label))
	}
	return dec
}

// Token returns the next token of dec and where it starts, refusing DTDs
// (<!DOCTYPE ...>) and entity declarations before anything is expanded:
// with Decoder's settings only the five predefined entities and character
// references are then understood. name is the path shown in errors; kind
// names the format in them ("an XLIFF file"). At the end of the input it
// returns io.EOF.
func Token(dec *xml.Decoder, name, kind string) (tok xml.Token, line, col int, err error) {
	line, col = dec.InputPos()
	tok, err = dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, line, col, err
		}
		l, c := dec.InputPos()
		return nil, line, col, XMLError(name, l, c, err)
	}
	if d, ok := tok.(xml.Directive); ok {
		return nil, line, col, Directive(name, line, col, d, kind)
	}
	return tok, line, col, nil
}
