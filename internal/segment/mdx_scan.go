package segment

import "bytes"

// The scanners of MDX's JavaScript and JSX: just enough of the languages to
// find where an {expression} or a <tag ...> ends (quotes, template
// literals, comments, braces), never to check that it is valid JavaScript.
// MDX itself (micromark-extension-mdxjs) hands expressions to acorn; a file
// ceviri reads as MDX may be one MDX would refuse, and then reads as the
// text it is.
//
// Each returns the offset just past the construct starting at src[i], or
// one of these:
const (
	needMore = -1 // src ends inside the construct: more lines may close it
	notMDX   = -2 // src[i:] does not start the construct
)

// scanExpression scans an {expression}; src[i] is '{'. depth counts the
// template literals it is inside, up to MaxDepth.
func scanExpression(src []byte, i, depth int) int {
	if depth > MaxDepth {
		return notMDX
	}
	braces := 0
	for i < len(src) {
		switch src[i] {
		case '{':
			braces++
			i++
		case '}':
			braces--
			i++
			if braces == 0 {
				return i
			}
		case '"', '\'':
			j := scanString(src, i)
			if j < 0 {
				return j
			}
			i = j
		case '`':
			j := scanTemplate(src, i, depth+1)
			if j < 0 {
				return j
			}
			i = j
		case '/':
			switch {
			case i+1 >= len(src):
				return needMore
			case src[i+1] == '*':
				k := bytes.Index(src[i+2:], []byte("*/"))
				if k < 0 {
					return needMore
				}
				i += 2 + k + 2
			case src[i+1] == '/':
				k := bytes.IndexByte(src[i:], '\n')
				if k < 0 {
					return needMore
				}
				i += k
			default:
				i++
			}
		default:
			i++
		}
	}
	return needMore
}

// scanString scans a JavaScript string literal; src[i] is its quote. A
// string does not go past the end of its line.
func scanString(src []byte, i int) int {
	q := src[i]
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '\n':
			return notMDX
		case q:
			return i + 1
		}
	}
	return needMore
}

// scanTemplate scans a template literal, with its ${expressions}; src[i]
// is its backtick.
func scanTemplate(src []byte, i, depth int) int {
	for i++; i < len(src); {
		switch src[i] {
		case '\\':
			i += 2
		case '`':
			return i + 1
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				j := scanExpression(src, i+1, depth)
				if j < 0 {
					return j
				}
				i = j
			} else {
				i++
			}
		default:
			i++
		}
	}
	return needMore
}

// scanTag scans one JSX tag: an opening tag with its attributes
// (<Diagram name="x" height={200}>), a closing tag (</Diagram>), a
// self-closing one (<YouWillLearn />) or a fragment's (<>, </>); src[i] is
// '<'. What is not one (a < b, <https://...>, <a@b.c>, <!-- -->) is notMDX,
// so that goldmark's own readers of "<" have it.
func scanTag(src []byte, i int) int {
	i++
	if i < len(src) && src[i] == '/' {
		i++
	}
	if i >= len(src) {
		return needMore
	}
	if src[i] == '>' {
		return i + 1 // a fragment
	}
	j := scanName(src, i)
	if j == i {
		return notMDX
	}
	i = j
	for {
		space := i
		for i < len(src) && jsxSpace(src[i]) {
			i++
		}
		if i >= len(src) {
			return needMore
		}
		switch c := src[i]; {
		case c == '>':
			return i + 1
		case c == '/':
			if i+1 >= len(src) {
				return needMore
			}
			if src[i+1] == '>' {
				return i + 2
			}
			return notMDX
		case i == space:
			return notMDX // a name must be followed by space, "=", "/" or ">"
		case c == '{': // {...props}
			j := scanExpression(src, i, 0)
			if j < 0 {
				return j
			}
			i = j
		default:
			j := scanName(src, i)
			if j == i {
				return notMDX
			}
			k := j
			for k < len(src) && jsxSpace(src[k]) {
				k++
			}
			if k >= len(src) {
				return needMore
			}
			if src[k] != '=' {
				i = j // a boolean attribute
				continue
			}
			for k++; k < len(src) && jsxSpace(src[k]); k++ {
			}
			if k >= len(src) {
				return needMore
			}
			switch src[k] {
			case '"', '\'':
				// A JSX attribute string may span lines.
				e := bytes.IndexByte(src[k+1:], src[k])
				if e < 0 {
					return needMore
				}
				i = k + 1 + e + 1
			case '{':
				e := scanExpression(src, k, 0)
				if e < 0 {
					return e
				}
				i = e
			default:
				return notMDX
			}
			if i < len(src) && !jsxSpace(src[i]) && src[i] != '>' && src[i] != '/' {
				return notMDX
			}
		}
	}
}

// scanName scans a JSX element or attribute name (Sandpack, motion.div,
// data-id, xlink:href); it returns i when there is none.
func scanName(src []byte, i int) int {
	if i >= len(src) || !nameStart(src[i]) {
		return i
	}
	for i++; i < len(src); i++ {
		c := src[i]
		if !nameStart(c) && !('0' <= c && c <= '9') && c != '-' && c != '.' && c != ':' {
			break
		}
	}
	return i
}

// nameStart reports whether c may begin a name: an ASCII letter, "_", "$",
// or a byte of a character beyond ASCII (taken as a letter).
func nameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
}

func jsxSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// scanFlow scans MDX at the level of blocks from src[i]: one or more JSX
// tags and {expressions}, separated by white space, with nothing else on
// the line where the last one ends. It returns the offset of the end of
// that line (its "\n", or len(src)), or needMore or notMDX.
func scanFlow(src []byte, i int) int {
	any := false
	for {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		if i >= len(src) || src[i] == '\n' {
			if !any {
				return notMDX
			}
			return i
		}
		var j int
		switch src[i] {
		case '<':
			j = scanTag(src, i)
		case '{':
			j = scanExpression(src, i, 0)
		default:
			return notMDX
		}
		if j < 0 {
			return j
		}
		i, any = j, true
	}
}
