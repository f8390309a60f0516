package fetch

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// Getter fetches one URL. *Client is one; a crawler wraps it with
// politeness (rate limits, retries, a cache) and is another.
type Getter interface {
	Get(ctx context.Context, rawURL string) (*Response, error)
}

// ThirdPartyReason is why a script on another origin is left unread.
const ThirdPartyReason = "third-party script, not fetched"

// SameOriginResolver reads the scripts of a fetched page that live on the
// page's own origin; third-party scripts are left unresolved. It satisfies
// extract.Resolver.
type SameOriginResolver struct {
	Ctx    context.Context
	Client Getter
	// Base is the page's final URL.
	Base *url.URL
}

// Resolve fetches src when it is on the page's origin.
func (r *SameOriginResolver) Resolve(src string) ([]byte, string, bool, string) {
	u, err := r.Base.Parse(strings.TrimSpace(src))
	if err != nil {
		return nil, "", false, "invalid URL"
	}
	if u.Scheme != r.Base.Scheme || u.Host != r.Base.Host {
		return nil, "", false, ThirdPartyReason
	}
	u.Fragment = ""
	resp, err := r.Client.Get(r.Ctx, u.String())
	if err != nil {
		return nil, "", false, err.Error()
	}
	if resp.Status < 200 || resp.Status > 299 {
		return nil, "", false, fmt.Sprintf("HTTP %d", resp.Status)
	}
	return resp.Body, u.String(), true, ""
}
