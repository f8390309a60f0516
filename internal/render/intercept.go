package render

import (
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// verdict is what interception does with one request.
type verdict uint8

const (
	pass     verdict = iota // let it through
	answer                  // answer with the recorder script
	blockPix                // the pixel's event host: never reached
	block3P                 // a third-party request under --block-third-party
)

// route decides what happens to a request from a page on pageURL. Any
// script from the SDK host is answered with the recorder, so a non-standard
// SDK path is still recorded (and reported by the page rules).
func route(reqURL, pageURL string, blockThirdParty bool) verdict {
	u, err := url.Parse(reqURL)
	if err != nil {
		return pass
	}
	host := strings.ToLower(u.Hostname())
	switch {
	case host == pixel.SDKHost:
		return answer
	case host == pixel.EventsHost:
		return blockPix
	case blockThirdParty && (u.Scheme == "http" || u.Scheme == "https") && !sameSite(host, pageURL):
		return block3P
	}
	return pass
}

// sameSite reports whether host belongs to the same registrable domain as
// the page (shop.example.com and cdn.example.com do).
func sameSite(host, pageURL string) bool {
	p, err := url.Parse(pageURL)
	if err != nil {
		return false
	}
	ph := strings.ToLower(p.Hostname())
	if host == ph {
		return true
	}
	if net.ParseIP(host) != nil || net.ParseIP(ph) != nil {
		return false // addresses have no registrable domain
	}
	a, errA := publicsuffix.EffectiveTLDPlusOne(host)
	b, errB := publicsuffix.EffectiveTLDPlusOne(ph)
	return errA == nil && errB == nil && a == b
}
