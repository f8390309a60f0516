// Package loggen writes deterministic event logs for memory and speed
// measurements of the log reader: a mix of bare call arrays, recorded
// browser calls and server events of realistic size (about 80 bytes a
// record), with repeated or distinct amounts.
package loggen

import (
	"fmt"
	"io"
	"math/rand/v2"
)

// events all take the contents data shape; one record in fifty uses
// another pixel's name, so a run also reports findings.
var events = []string{"order_created", "checkout_started", "page_viewed", "items_added", "contents_viewed"}

// Write writes JSON Lines records generated from seed. With
// distinct, every amount differs (no string or number repeats); otherwise
// amounts come from a small price list, as in a shop's real traffic.
func Write(w io.Writer, records int, seed uint64, distinct bool) error {
	r := rand.New(rand.NewPCG(seed, 7))
	prices := []int{999, 1299, 2599, 4900, 12000}
	if _, err := fmt.Fprintln(w, `["init", {"pixelId": "px_1"}]`); err != nil {
		return err
	}
	for i := 1; i < records; i++ {
		amount := prices[r.IntN(len(prices))]
		if distinct {
			amount = 100 + i
		}
		ev := events[r.IntN(len(events))]
		if r.IntN(50) == 0 {
			ev = "add_to_cart"
		}
		var err error
		switch k := r.IntN(10); {
		case k < 5:
			_, err = fmt.Fprintf(w, `["measure", %q, {"type": "contents", "amount": %d, "currency": "USD"}]`+"\n", ev, amount)
		case k < 8:
			_, err = fmt.Fprintf(w, `{"args": ["measure", %q, {"type": "contents", "amount": %d, "currency": "USD"}], "ts": "2026-11-26T10:%02d:00Z"}`+"\n", ev, amount, i%60)
		default:
			_, err = fmt.Fprintf(w, `{"source": "server", "pixel_id": "px_1", "event_name": %q, "event_id": "o%d"}`+"\n", ev, i)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
