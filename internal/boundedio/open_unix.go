//go:build unix

package boundedio

import "syscall"

// openFlags opens a FIFO without waiting for a writer; for a regular file
// O_NONBLOCK changes nothing.
const openFlags = syscall.O_NONBLOCK
