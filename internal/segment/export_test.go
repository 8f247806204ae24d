package segment

// FastPathAccepts reports whether Summary segments body without goldmark.
func FastPathAccepts(body []byte) bool {
	_, ok := fastBody(body, 1)
	return ok
}
