// Package boundedio reads what a repository or a user hands over without
// letting it hang the run or exhaust memory: only regular files are opened
// (a device, FIFO or socket reports a size of 0 and then never ends), every
// read stops at a limit checked while reading, and a read of a stream that
// may block (standard input) gives up when the run's context ends.
package boundedio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is returned for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is returned when more than Limit bytes were offered.
type TooLargeError struct {
	Name  string
	Limit int64
	// Hint says how to raise the limit ("" when there is no way).
	Hint string
}

func (e *TooLargeError) Error() string {
	msg := fmt.Sprintf("%s is larger than %d bytes", e.Name, e.Limit)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

// Open opens path for reading only when it is a regular file (after
// following symbolic links). The file is opened without blocking, so a
// FIFO with no writer is refused instead of waiting forever.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		// Worded as the os package words its errors ("open x: …").
		if st.IsDir() {
			return nil, &os.PathError{Op: "read", Path: path, Err: errors.New("is a directory")}
		}
		return nil, &os.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w (a device, FIFO or socket is never read; name a file, or - for standard input)", ErrNotRegular)}
	}
	return f, nil
}

// ReadFile reads the regular file at path, at most limit bytes; a larger
// file is a *TooLargeError, whatever its size said when it was opened.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// A regular file says its size: read it into one buffer of that size
	// (and one byte more, to see it grew past the limit), as os.ReadFile
	// does, instead of growing a buffer by copies.
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() <= limit {
		buf := make([]byte, 0, st.Size()+1)
		for {
			n, err := f.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				return buf, nil
			}
			if err != nil {
				return nil, err
			}
			if int64(len(buf)) > limit {
				return nil, &TooLargeError{Name: path, Limit: limit}
			}
			if len(buf) == cap(buf) { // the file grew while read: go on, bounded
				rest, err := ReadAll(path, f, limit-int64(len(buf)))
				if err != nil {
					if tl, ok := err.(*TooLargeError); ok {
						tl.Limit = limit
					}
					return nil, err
				}
				return append(buf, rest...), nil
			}
		}
	}
	return ReadAll(path, f, limit)
}

// ReadAll reads r to its end, at most limit bytes; name names r in the error.
func ReadAll(name string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Name: name, Limit: limit}
	}
	return data, nil
}

// Limit returns a reader of r that fails with a *TooLargeError (carrying
// hint) once more than limit bytes were read from it.
func Limit(name string, r io.Reader, limit int64, hint string) io.Reader {
	return &limited{r: r, err: &TooLargeError{Name: name, Limit: limit, Hint: hint}, left: limit}
}

type limited struct {
	r    io.Reader
	err  *TooLargeError
	left int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, l.err
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n + int(l.left), l.err
	}
	return n, err
}

// Cancelable returns a reader of r whose reads return ctx's error as soon
// as ctx ends, even while a read of r is blocked (a terminal or a pipe that
// never writes). The blocked read is abandoned: the run is ending.
func Cancelable(ctx context.Context, r io.Reader) io.Reader {
	return &cancelable{ctx: ctx, r: r}
}

type cancelable struct {
	ctx     context.Context
	r       io.Reader
	pending chan result // a read still running when ctx ended
}

type result struct {
	n   int
	err error
}

func (c *cancelable) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if c.pending != nil {
		// Never reached: a pending read only remains after ctx ended.
		return 0, c.ctx.Err()
	}
	// The read goes to a buffer of its own, so an abandoned read never
	// writes into p after Read returned; 64 KiB at a time is enough for
	// a pipe and keeps a large p from being allocated twice.
	buf := make([]byte, min(len(p), 64<<10))
	done := make(chan result, 1)
	go func() {
		n, err := c.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case r := <-done:
		copy(p, buf[:r.n])
		return r.n, r.err
	case <-c.ctx.Done():
		c.pending = done
		return 0, c.ctx.Err()
	}
}
