package natsq

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// BenchmarkMember measures one member on loopback: b.N records (a quarter
// of each kind newFixture publishes) pulled, linted, republished and
// acknowledged, reported as records/s. The records are published before
// the clock starts.
//
//	go test ./internal/natsq -run '^$' -bench Member -benchtime 20000x
func BenchmarkMember(b *testing.B) {
	for _, inFlight := range []int{8, 64, 256} {
		b.Run("in-flight="+strconv.Itoa(inFlight), func(b *testing.B) {
			f := newFixture(b, b.N)
			o := f.options()
			o.UntilEmpty = false
			o.MaxInFlight = inFlight
			m, err := Join(context.Background(), connect(b, f.url), o)
			if err != nil {
				b.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			var elapsed time.Duration
			b.ResetTimer()
			start := time.Now()
			_, err = m.Run(ctx, lint.Options{FailOn: model.Error}, func(Record) error {
				if n++; n == b.N {
					elapsed = time.Since(start)
					b.StopTimer()
					cancel()
				}
				return nil
			})
			if n != b.N {
				b.Fatalf("%d records acknowledged, want %d: %v", n, b.N, err)
			}
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "records/s")
		})
	}
}
