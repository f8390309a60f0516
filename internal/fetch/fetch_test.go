package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGetFollowsRedirectsWithinLimitsAndCapsSize(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "oaiq-lint/") {
			t.Errorf("user agent %q", r.UserAgent())
		}
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		w.Write([]byte("<html></html>"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 2048)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := New("oaiq-lint/test")
	resp, err := c.Get(context.Background(), srv.URL+"/a")
	if err != nil || resp.URL.Path != "/b" || len(resp.Redirects) != 1 || resp.Header.Get("Content-Security-Policy") == "" {
		t.Fatalf("resp %+v err %v", resp, err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/loop"); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("loop: err %v", err)
	}
	c.MaxBytes = 1024
	if _, err := c.Get(context.Background(), srv.URL+"/big"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big: err %v", err)
	}
	if _, err := c.Get(context.Background(), "file:///etc/passwd"); err == nil {
		t.Error("file: URL fetched")
	}
}

// A redirect to http://admin:hunter2@same-host/ is refused: the credentials
// are neither sent nor in the error (issue 18, item 3).
func TestRedirectToUserinfoIsRefused(t *testing.T) {
	var sawAuth bool
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://admin:hunter2@"+strings.TrimPrefix(srv.URL, "http://")+"/b", http.StatusFound)
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { sawAuth = true })
	_, err := New("oaiq-lint/test").Get(context.Background(), srv.URL+"/a")
	if !errors.Is(err, ErrUserinfo) || sawAuth {
		t.Fatalf("err %v, followed %v", err, sawAuth)
	}
	if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "admin") {
		t.Errorf("credentials in the error: %v", err)
	}
	if _, err := New("x").Get(context.Background(), "http://admin:hunter2@"+strings.TrimPrefix(srv.URL, "http://")+"/b"); !errors.Is(err, ErrUserinfo) || sawAuth {
		t.Errorf("a URL with credentials was fetched: %v", err)
	}
}
