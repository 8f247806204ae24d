//go:build !linux

package project

import "io/fs"

func openDir(string) int { return -1 }

func closeDir(int) {}

// readBeneath is the fast path of ReadFile, which only Linux has.
func (p *Project) readBeneath(string) ([]byte, error) { return nil, errDeclined }

// readDirBeneath is the fast path of listing a directory, which only Linux
// has.
func (p *Project) readDirBeneath(string) ([]fs.DirEntry, bool) { return nil, false }
