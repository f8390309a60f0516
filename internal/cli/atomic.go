package cli

import (
	"errors"
	"os"
	"path/filepath"
)

// outputFile is a file an output flag names (--format NAME=FILE, --record,
// --write-baseline). It is written to a temporary file in the same folder
// and renamed over the named file only when the run succeeded, so a usage
// error, Ctrl-C, SIGTERM or a full disk leaves the previous file as it
// was. A name that is not a regular file (/dev/stdout, a FIFO) is written
// to directly: renaming over it would replace the device.
type outputFile struct {
	*os.File
	path string // the file named; "" when written directly
	done bool
}

func createOutput(path string) (*outputFile, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &outputFile{File: f}, nil
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if st, err := os.Stat(dir); err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, &os.PathError{Op: "create", Path: path, Err: errors.New("not a directory")}
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm() // keep the old file's permissions
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &outputFile{File: f, path: path}, nil
}

// commit makes the written file the named one. Any failure (a full disk
// shows at Sync or Close) leaves the named file untouched.
func (o *outputFile) commit() error {
	if o.done {
		return nil
	}
	o.done = true
	if o.path == "" {
		return o.File.Close()
	}
	err := o.File.Sync()
	if cerr := o.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.File.Name(), o.path)
	}
	if err != nil {
		os.Remove(o.File.Name())
	}
	return err
}

// abort drops what was written; the named file keeps its old content.
func (o *outputFile) abort() {
	if o.done {
		return
	}
	o.done = true
	o.File.Close()
	if o.path != "" {
		os.Remove(o.File.Name())
	}
}
