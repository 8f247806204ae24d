package track

import "github.com/ceviri/ceviri/internal/segment"

// StaleCounts compares the source version a translation recorded (old)
// with the current source (new) and returns what the translation owes, as
// AnalyzeArticle counts a stale translation: the words of the source
// segments added or changed since (a moved or removed segment owes none),
// and the number of changes. Callers that found the recorded version
// elsewhere than in the store (in git history) count with it so that their
// figures agree with status.
func StaleCounts(old, new []segment.Segment) (words, changed int) {
	changes := Compare(old, new)
	return ChangedWords(changes), len(changes)
}

// ChangedWords returns the words a translation owes for changes: those of
// the segments added or changed in the new version.
func ChangedWords(changes []Change) int {
	words := 0
	for _, c := range changes {
		if c.Op == Added || c.Op == Changed {
			words += c.New.Words
		}
	}
	return words
}
