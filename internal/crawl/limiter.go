package crawl

import (
	"context"
	"sync"
	"time"
)

// hostLimiter spaces the requests to each host: one request may start
// every interval per host. Reservations are handed out in order, so
// workers waiting on one host never starve each other.
type hostLimiter struct {
	mu       sync.Mutex
	interval time.Duration
	hosts    map[string]*hostSlot
}

type hostSlot struct {
	next     time.Time
	interval time.Duration // this host's own, when robots.txt asks for more
}

func newHostLimiter(perSecond float64) *hostLimiter {
	l := &hostLimiter{hosts: map[string]*hostSlot{}}
	if perSecond > 0 {
		l.interval = time.Duration(float64(time.Second) / perSecond)
	}
	return l
}

// slow raises one host's interval (robots.txt Crawl-delay), never lowers it.
func (l *hostLimiter) slow(host string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.slot(host)
	s.interval = max(s.interval, d)
}

func (l *hostLimiter) slot(host string) *hostSlot {
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{}
		l.hosts[host] = s
	}
	return s
}

// wait blocks until a request to host may start.
func (l *hostLimiter) wait(ctx context.Context, host string) error {
	l.mu.Lock()
	s := l.slot(host)
	interval := max(l.interval, s.interval)
	if interval == 0 {
		l.mu.Unlock()
		return ctx.Err()
	}
	now := time.Now()
	at := s.next
	if at.Before(now) {
		at = now
	}
	s.next = at.Add(interval)
	l.mu.Unlock()
	return sleep(ctx, at.Sub(now))
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
