package segment

// FastPathAccepts reports whether Body segments body without goldmark.
func FastPathAccepts(body []byte) bool {
	_, ok := fastBody(body, 1, false)
	return ok
}

// SlowBody is Body with goldmark, whatever the Markdown.
func SlowBody(body []byte, firstLine int) []Segment {
	segs, _ := slowBody(body, firstLine, CommonMark)
	return segs
}
