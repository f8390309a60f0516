package bytesize

import "testing"

func TestFormat(t *testing.T) {
	for n, want := range map[int64]string{812: "812 bytes", 1 << 10: "1 KB", 977 << 10: "977 KB", 3 << 19: "1.5 MB", 50 << 20: "50 MB"} {
		if got := Format(n); got != want {
			t.Errorf("Format(%d) = %q, want %q", n, got, want)
		}
	}
}
