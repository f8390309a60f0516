package csp

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"hash"
	"strings"
)

// ScriptText returns the text a browser hashes for an inline <script>: its
// text content after HTML input preprocessing, which turns CR LF and lone
// CR into LF and NUL into U+FFFD.
func ScriptText(raw string) string {
	if !strings.ContainsAny(raw, "\r\x00") {
		return raw
	}
	s := strings.ReplaceAll(raw, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// HashSource returns the hash source ('sha256-…') that allows an inline
// script with the given text; algorithm is "sha256", "sha384" or "sha512"
// (anything else means sha256).
func HashSource(algorithm, text string) string {
	algorithm, h := hasher(algorithm)
	h.Write([]byte(ScriptText(text)))
	return "'" + algorithm + "-" + base64.StdEncoding.EncodeToString(h.Sum(nil)) + "'"
}

// HashMatches reports whether the hash source s covers an inline script
// with the given text. base64url digits are read as base64, as browsers do, and padding is
// not required.
func HashMatches(s Source, text string) bool {
	if s.Kind != Hash {
		return false
	}
	_, h := hasher(s.Algorithm)
	h.Write([]byte(ScriptText(text)))
	want := strings.NewReplacer("-", "+", "_", "/").Replace(strings.TrimRight(s.Value, "="))
	return base64.RawStdEncoding.EncodeToString(h.Sum(nil)) == want
}

func hasher(algorithm string) (string, hash.Hash) {
	switch algorithm {
	case "sha384":
		return algorithm, sha512.New384()
	case "sha512":
		return algorithm, sha512.New()
	}
	return "sha256", sha256.New()
}
