//go:build oaiqtools

// Command measure runs a command with its output discarded and prints its
// wall time in seconds, its peak resident set in KB (from the rusage the
// kernel reports when the child is reaped) and its exit status:
//
//	measure CMD ARGS...   →   "0.812 48212 1"
//
// A small Go wrapper instead of /usr/bin/time, so the harness reads the
// same figures on every machine.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: measure CMD ARGS...")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(2)
	}
	rss := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) // KB on Linux
	}
	fmt.Printf("%.3f %d %d\n", wall.Seconds(), rss, cmd.ProcessState.ExitCode())
}
