package hashing

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func TestSentinelCoversDocumentationExamples(t *testing.T) {
	// The two hashes printed in the pixel's documentation.
	for _, h := range []string{
		"b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514",
		"73d83a078369bb4f0971b317aa7797a91cf5c0df1b62161c2e47d75c33ab5b6e",
	} {
		if _, ok := Sentinel(h); !ok {
			t.Errorf("Sentinel(%s) = false, want the documentation example", h)
		}
	}
}

func TestSentinelAbsentValues(t *testing.T) {
	for _, s := range []string{"", "undefined", "null", "[object Object]", "NaN", "true", "false"} {
		what, ok := Sentinel(Sum(s))
		if !ok || what == "" {
			t.Errorf("Sentinel(Sum(%q)) = %q, %v", s, what, ok)
		}
	}
	if _, ok := Sentinel(Sum(NormalizeEmail(" Jane.Doe@Example.org "))); ok {
		t.Error("a real address is not a sentinel")
	}
}

func TestSumAndNormalize(t *testing.T) {
	if got := Sum(NormalizeEmail("  User@Example.COM ")); got != "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514" {
		t.Errorf("Sum = %s", got)
	}
	if !IsHex64(Sum("x")) || IsHex64("B4C9A289323B21A01C3E940F150EB9B8C542587F1ABFD8F0E1CC1FFC5E475514") {
		t.Error("IsHex64 accepts only 64 lowercase hex characters")
	}
}

func TestSentinelCoversConversionsAPIExamples(t *testing.T) {
	for _, v := range []string{"customer_123", "14155552671", "ada", "lovelace"} {
		sum := sha256.Sum256([]byte(v))
		h := hex.EncodeToString(sum[:])
		if _, ok := Sentinel(h); !ok || !IsDocumentationExample(h) {
			t.Errorf("the SHA-256 of %q is not a documentation-example sentinel", v)
		}
	}
	if IsDocumentationExample(Sum("undefined")) {
		t.Error("the hash of a missing value is not a documentation example")
	}
}
