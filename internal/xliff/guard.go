package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
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
		return nil, fmt.Errorf("encoding %q is not supported; save the file as UTF-8", label)
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
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, line, col, diag.Errorf(name, l, c, "malformed XML: %s", diag.EscapeLine(se.Msg)) // it may quote the file
		}
		return nil, line, col, diag.Errorf(name, l, c, "malformed XML: %s", diag.EscapeLine(err.Error()))
	}
	if d, ok := tok.(xml.Directive); ok {
		what := "a DTD"
		if bytes.Contains(d, []byte("ENTITY")) {
			what = "a DTD with entity declarations"
			if bytes.HasPrefix(d, []byte("ENTITY")) {
				what = "an entity declaration"
			}
		}
		return nil, line, col, diag.Errorf(name, line, col, "%s (<!%s ...>) is not allowed in %s ceviri imports; remove it", what, diag.EscapeLine(firstWord(d)), kind)
	}
	return tok, line, col, nil
}
