package project

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"sync"
)

// walkDir is fs.WalkDir with directories listed by several goroutines at
// once: listing an archive's directories (one per article) through os.Root,
// which opens each path component and lstats every entry, was half the time
// of a status with a warm cache. fn is called from several goroutines and
// in no particular order (parents before their children); it may return
// fs.SkipDir for a directory, and any other error stops the walk, which
// returns the first such error.
func walkDir(fsys fs.FS, root string, fn fs.WalkDirFunc) error {
	info, err := fs.Stat(fsys, root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = fn(root, fs.FileInfoToDirEntry(info), nil)
	}
	if err == fs.SkipDir || err == fs.SkipAll {
		return nil
	}
	if err != nil || info == nil || !info.IsDir() {
		return err
	}
	w := &walker{fsys: fsys, fn: fn, queue: []dirJob{{root, fs.FileInfoToDirEntry(info)}}, pending: 1}
	w.cond = sync.NewCond(&w.mu)
	var wg sync.WaitGroup
	for i := runtime.GOMAXPROCS(0); i > 0; i-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.work()
		}()
	}
	wg.Wait()
	if w.err == fs.SkipAll {
		return nil
	}
	return w.err
}

type dirJob struct {
	name string
	d    fs.DirEntry
}

// walker is the shared state of walkDir's goroutines: a stack of
// directories to list and the count of those not finished.
type walker struct {
	fsys fs.FS
	fn   fs.WalkDirFunc

	mu      sync.Mutex
	cond    *sync.Cond
	queue   []dirJob
	pending int // directories queued or being listed
	err     error
}

func (w *walker) work() {
	for {
		w.mu.Lock()
		for len(w.queue) == 0 && w.pending > 0 {
			w.cond.Wait()
		}
		if w.pending == 0 {
			w.mu.Unlock()
			return
		}
		job := w.queue[len(w.queue)-1]
		w.queue = w.queue[:len(w.queue)-1]
		stop := w.err != nil
		w.mu.Unlock()

		var subdirs []dirJob
		var err error
		if !stop {
			subdirs, err = w.list(job)
		}
		w.mu.Lock()
		if err != nil && w.err == nil {
			w.err = err
		}
		if w.err == nil {
			w.queue = append(w.queue, subdirs...)
			w.pending += len(subdirs)
		}
		w.pending--
		w.mu.Unlock()
		w.cond.Broadcast()
	}
}

// list visits the entries of one directory as fs.WalkDir does, returning
// the subdirectories to walk.
func (w *walker) list(job dirJob) ([]dirJob, error) {
	ents, err := fs.ReadDir(w.fsys, job.name)
	if err != nil {
		// As fs.WalkDir: a second call for the directory, with the error.
		if err := w.fn(job.name, job.d, err); err != nil {
			if err == fs.SkipDir {
				return nil, nil
			}
			return nil, err
		}
	}
	var subdirs []dirJob
	for _, e := range ents {
		name := path.Join(job.name, e.Name())
		switch err := w.fn(name, e, nil); {
		case err == nil:
			if e.IsDir() {
				subdirs = append(subdirs, dirJob{name, e})
			}
		case errors.Is(err, fs.SkipDir) && e.IsDir():
		case errors.Is(err, fs.SkipDir):
			return subdirs, nil // as fs.WalkDir: skip the rest of this directory
		default:
			return nil, err
		}
	}
	return subdirs, nil
}
