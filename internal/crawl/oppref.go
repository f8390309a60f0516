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
// oppref from the landing URL, so such a redirect loses attribution. A URL
// that carries oppref already is its own probe (carriedOppref).
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
	return opprefLost(chain, OpprefProbe)
}

// carriedOppref judges a URL that carries oppref already (a start URL or a
// link from an ad's landing page) by its own fetch: chain is the
// requested URL, each redirect's target and the final URL.
func carriedOppref(u *url.URL, chain []string) (model.OpprefDrop, bool) {
	if !u.Query().Has("oppref") {
		return model.OpprefDrop{}, false
	}
	return opprefLost(chain, u.Query().Get("oppref"))
}

// opprefLost returns the first hop of chain whose target no longer
// carries oppref=value.
func opprefLost(chain []string, value string) (model.OpprefDrop, bool) {
	for i := 1; i < len(chain); i++ {
		if u, err := url.Parse(chain[i]); err == nil && u.Query().Get("oppref") == value {
			continue
		}
		return model.OpprefDrop{Via: model.OpprefRedirect, From: chain[i-1], To: chain[i], Hop: i, Hops: len(chain) - 1, Final: chain[len(chain)-1]}, true
	}
	return model.OpprefDrop{}, false
}
