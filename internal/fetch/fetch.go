// Package fetch gets one web resource with the limits a linter needs: a
// timeout, a redirect limit, a size cap, only http and https, and a user
// agent that names the tool.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Defaults.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 10
	DefaultMaxBytes     = 50 << 20
)

// Client fetches pages and scripts.
type Client struct {
	HTTP         *http.Client
	UserAgent    string
	MaxBytes     int64
	MaxRedirects int
	// LargeBodies, when set, is held (one send) while a body larger than
	// largeBody is read: its capacity is how many such bodies are read at
	// once, so concurrent requests hold large bodies one (or a few) at a
	// time instead of concurrency × MaxBytes.
	LargeBodies chan struct{}
}

// largeBody is the size past which a body needs a LargeBodies slot.
const largeBody = 4 << 20

// New returns a client with the default limits.
func New(userAgent string) *Client {
	return &Client{
		HTTP:         &http.Client{Timeout: DefaultTimeout},
		UserAgent:    userAgent,
		MaxBytes:     DefaultMaxBytes,
		MaxRedirects: DefaultMaxRedirects,
	}
}

// Response is a fetched resource.
type Response struct {
	// URL is the final URL after redirects.
	URL    *url.URL
	Status int
	Header http.Header
	Body   []byte
	// Redirects lists the URLs passed through, first to last, final excluded.
	Redirects []string
	// Truncated is true when Body is only the first part of the body
	// (WithPrefix).
	Truncated bool
}

// ErrTooLarge is returned when a body exceeds MaxBytes.
var ErrTooLarge = errors.New("response larger than the size limit")

// ErrUserinfo refuses a URL that carries a user name or password
// (http://user:password@host/): credentials are never sent or printed.
var ErrUserinfo = errors.New("the URL carries a user name or password (user:password@), which are never sent")

// Get fetches rawURL. Non-2xx statuses are returned as responses, not
// errors; the caller decides what they mean.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("only http and https URLs can be fetched, not %q", u.Scheme)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%w: remove them from the URL", ErrUserinfo)
	}
	var redirects []string
	hc := *c.HTTP
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to a %s: URL", req.URL.Scheme)
		}
		if req.URL.User != nil {
			// Following would send the user name and password the
			// redirect chose, and print them wherever the URL is shown.
			return fmt.Errorf("redirect to %s://***@%s refused: %w; point the redirect at a URL without them", req.URL.Scheme, req.URL.Host, ErrUserinfo)
		}
		if len(via) > c.MaxRedirects {
			return fmt.Errorf("more than %d redirects", c.MaxRedirects)
		}
		redirects = append(redirects, via[len(via)-1].URL.String())
		// Credentials never follow a redirect to another host.
		if req.URL.Host != via[0].URL.Host {
			req.Header.Del("Authorization")
			req.Header.Del("Cookie")
		}
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/javascript,*/*;q=0.8")
	resp, err := hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			ue.URL = withoutUserinfo(ue.URL) // the URL a redirect chose
		}
		return nil, err
	}
	defer resp.Body.Close()
	limit := c.MaxBytes
	prefix, truncate := ctx.Value(prefixKey{}).(int64)
	if truncate {
		limit = min(limit, prefix)
	}
	if !truncate && resp.ContentLength > limit {
		// Refused before a byte of it is read, rather than buffered to the cap.
		return nil, fmt.Errorf("%w (%d MB)", ErrTooLarge, c.MaxBytes>>20)
	}
	body, err := c.readCapped(ctx, resp.Body, limit)
	if err != nil {
		return nil, err
	}
	out := &Response{URL: resp.Request.URL, Status: resp.StatusCode, Header: resp.Header, Body: body, Redirects: redirects}
	if int64(len(body)) > limit {
		if !truncate {
			return nil, fmt.Errorf("%w (%d MB)", ErrTooLarge, c.MaxBytes>>20)
		}
		out.Body, out.Truncated = body[:limit], true
	}
	return out, nil
}

type prefixKey struct{}

// WithPrefix marks the requests of ctx as wanting only the first n bytes
// of a body: a longer body is cut there (Response.Truncated) instead of
// refused. robots.txt is read so (RFC 9309 parses its first 500 KiB).
func WithPrefix(ctx context.Context, n int64) context.Context {
	return context.WithValue(ctx, prefixKey{}, n)
}

// withoutUserinfo is raw without its user name and password.
func withoutUserinfo(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = nil
	return u.String()
}

// readCapped reads r to its end, but at most limit+1 bytes. It reads into
// chunks of at most 1 MiB and joins them once at the end, so a body that
// turns out too large has cost about limit bytes, not the ≈ 2 × limit of
// a slice grown by doubling, and is dropped chunk by chunk.
func (c *Client) readCapped(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	var chunks [][]byte
	var total int64
	size := int64(32 << 10)
	holding := false
	defer func() {
		if holding {
			<-c.LargeBodies
		}
	}()
	for total <= limit {
		if total > largeBody && !holding && c.LargeBodies != nil {
			select {
			case c.LargeBodies <- struct{}{}:
				holding = true
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		buf := make([]byte, min(size, limit+1-total))
		n, err := io.ReadFull(r, buf)
		chunks = append(chunks, buf[:n])
		total += int64(n)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(size*2, 1<<20)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}
