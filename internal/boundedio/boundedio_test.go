package boundedio

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestDevicesAndFIFOsAreRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero-link")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	// A FIFO with no writer would block an ordinary open forever; the test
	// binary's timeout catches a regression.
	for _, p := range []string{"/dev/zero", "/dev/urandom", fifo, link} {
		if _, err := ReadFile(p, 1<<20); !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: err = %v, want ErrNotRegular", p, err)
		}
	}
	if _, err := ReadFile(dir, 1<<20); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: err = %v", err)
	}
}

func TestReadsStopAtTheLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte("0123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(p, 10); err != nil || string(data) != "0123456789" {
		t.Fatalf("at the limit: %q, %v", data, err)
	}
	if data, err := ReadFile(p, 1<<20); err != nil || string(data) != "0123456789" {
		t.Fatalf("under the limit: %q, %v", data, err)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(empty, 10); err != nil || len(data) != 0 {
		t.Fatalf("empty: %q, %v", data, err)
	}
	var tl *TooLargeError
	if _, err := ReadFile(p, 9); !errors.As(err, &tl) || tl.Limit != 9 {
		t.Fatalf("over the limit: %v", err)
	}
	// An endless stream is cut at the limit, never read to its end.
	r := Limit("<stdin>", endless{}, 1<<20, "raise --max-log-size")
	n, err := io.Copy(io.Discard, r)
	if !errors.As(err, &tl) || n != 1<<20 || !strings.Contains(err.Error(), "raise --max-log-size") {
		t.Fatalf("endless: read %d, err %v", n, err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

// blocked is a stream that never delivers (a terminal nobody types in); it
// tells when a read has started.
type blocked struct{ started chan struct{} }

func (b blocked) Read([]byte) (int, error) {
	close(b.started)
	select {}
}

func TestBlockedReadEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	b := blocked{started: make(chan struct{})}
	go func() {
		<-b.started
		cancel()
	}()
	_, err := io.ReadAll(Cancelable(ctx, b))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// Data that arrives is passed on unchanged.
	data, err := io.ReadAll(Cancelable(context.Background(), strings.NewReader("abc")))
	if err != nil || string(data) != "abc" {
		t.Fatalf("%q, %v", data, err)
	}
}
