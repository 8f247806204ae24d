package segment

// belowCombining reports whether s is valid UTF-8 made only of characters
// below U+0300, where the combining diacritical marks begin. Every such
// character is in NFC on its own and combines with nothing before it
// (TestBelowCombiningIsNFC checks this against the Unicode tables), so such
// text is already in NFC and the per-character NFC check, a fifth of the
// time to segment Turkish prose, can be skipped.
func belowCombining[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
		case c >= 0xc2 && c <= 0xcb && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			i++ // a two-byte sequence for U+0080..U+02FF
		default:
			return false
		}
	}
	return true
}
