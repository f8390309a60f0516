// Package bytesize writes byte counts the way people read them, for every
// message that names a size (limits, skipped inputs).
package bytesize

import "fmt"

// Format writes n as 15 MB, 1.5 MB, 977 KB or 812 bytes (units of 1024).
func Format(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
