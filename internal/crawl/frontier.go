package crawl

import (
	"net/url"
	"sync"
)

// job is one URL to visit.
type job struct {
	url   *url.URL
	key   string // url.String(), the dedupe key
	depth int
	start bool // named on the command line: failures end in exit 3
}

// frontier is the crawl's queue: first in, first out (breadth first),
// each URL admitted once, at most max URLs besides the start URLs. Workers
// pop until the queue is empty and no worker can add to it any more.
type frontier struct {
	mu       sync.Mutex
	cond     *sync.Cond
	queue    []job
	seen     map[string]bool // admitted, or reached as the end of a redirect
	claimed  map[string]bool // final URLs whose page is reported
	active   int
	admitted int
	max      int
	closed   bool
	// refused are links the bounds kept out: why, by URL (a link refused
	// once may be admitted later by a shorter path, so counted at the end).
	refused map[string]limit
}

// limit is the bound that kept a link out of the crawl.
type limit uint8

const (
	byDepth limit = iota + 1
	byMaxPages
)

func newFrontier(max int) *frontier {
	f := &frontier{seen: map[string]bool{}, claimed: map[string]bool{}, max: max, refused: map[string]limit{}}
	f.cond = sync.NewCond(&f.mu)
	return f
}

// push admits j unless it was seen or the page budget is spent.
func (f *frontier) push(j job) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen[j.key] || f.closed {
		return false
	}
	if !j.start && f.max > 0 && f.admitted >= f.max {
		f.refused[j.key] = byMaxPages
		return false
	}
	f.seen[j.key] = true
	if !j.start {
		f.admitted++
	}
	f.queue = append(f.queue, j)
	f.cond.Signal()
	return true
}

// full reports whether the page budget is spent: no URL besides start
// URLs would be admitted.
func (f *frontier) full() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closed || f.max > 0 && f.admitted >= f.max
}

// pop returns the next job, waiting while other workers may still add
// some; false means the crawl is over.
func (f *frontier) pop() (job, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.queue) == 0 && f.active > 0 && !f.closed {
		f.cond.Wait()
	}
	if len(f.queue) == 0 || f.closed {
		f.cond.Broadcast()
		return job{}, false
	}
	j := f.queue[0]
	f.queue[0] = job{}
	f.queue = f.queue[1:]
	f.active++
	return j, true
}

// done ends the job popped last by a worker.
func (f *frontier) done() {
	f.mu.Lock()
	f.active--
	if f.active == 0 && len(f.queue) == 0 {
		f.cond.Broadcast()
	}
	f.mu.Unlock()
}

// close stops the crawl: workers finish their job and pop nothing more.
func (f *frontier) close() {
	f.mu.Lock()
	f.closed = true
	f.cond.Broadcast()
	f.mu.Unlock()
}

// claim marks key as a reported page; false when another job got there
// first (two URLs redirecting to one page).
func (f *frontier) claim(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.claimed[key] {
		return false
	}
	f.claimed[key] = true
	f.seen[key] = true
	return true
}

// isClaimed reports whether key's page was already reported.
func (f *frontier) isClaimed(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.claimed[key]
}

// queued is the number of URLs waiting.
func (f *frontier) queued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.queue)
}

// refuse notes a link kept out by --depth.
func (f *frontier) refuse(key string, why limit) {
	f.mu.Lock()
	if !f.seen[key] && f.refused[key] == 0 {
		f.refused[key] = why
	}
	f.mu.Unlock()
}

// unvisited counts the links the bounds kept out that no other path
// brought into the crawl.
func (f *frontier) unvisited() (depth, maxPages int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for key, why := range f.refused {
		if f.seen[key] {
			continue
		}
		if why == byDepth {
			depth++
		} else {
			maxPages++
		}
	}
	return depth, maxPages
}
