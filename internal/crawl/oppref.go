package crawl

import (
	"context"
	"errors"
	"net/url"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// OpprefProbe is the test value the crawler appends as ?oppref=… to see
// whether redirects keep it.
const OpprefProbe = "oaiq-lint-probe"

// probeOppref fetches u with oppref added and follows its redirects. It
// returns the first hop that loses or changes the value: the pixel reads
// oppref from the landing URL, so such a redirect loses attribution.
func (c *crawler) probeOppref(ctx context.Context, u *url.URL) (model.OpprefDrop, bool) {
	if u.Query().Has("oppref") {
		return model.OpprefDrop{}, false
	}
	probe := *u
	if probe.RawQuery != "" {
		probe.RawQuery += "&"
	}
	probe.RawQuery += "oppref=" + OpprefProbe
	resp, err := c.client.Get(ctx, probe.String())
	var chain []string
	switch {
	case err == nil:
		chain = append(append(chain, resp.Redirects...), resp.URL.String())
	default:
		// A redirect off the crawl's hosts was not followed, but where it
		// pointed is known, which is enough to judge that hop.
		var off *OffHostError
		if !errors.As(err, &off) {
			return model.OpprefDrop{}, false
		}
		chain = []string{probe.String(), off.URL}
	}
	for i := 1; i < len(chain); i++ {
		if keepsProbe(chain[i]) {
			continue
		}
		return model.OpprefDrop{Via: model.OpprefRedirect, From: chain[i-1], To: chain[i], Hop: i, Hops: len(chain) - 1, Final: chain[len(chain)-1]}, true
	}
	return model.OpprefDrop{}, false
}

func keepsProbe(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Query().Get("oppref") == OpprefProbe
}
