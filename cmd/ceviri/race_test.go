//go:build race

package main

// raceEnabled: the race detector makes every child process several times
// slower; the fault loops then try every third step (the plain run tries
// each).
const raceEnabled = true
