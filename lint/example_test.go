package lint_test

import (
	"context"
	"fmt"
	"slices"

	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Another Go program lints a page it holds in memory and prints each
// finding with its position.
func Example() {
	page := []byte(`<!doctype html>
<html><head><title>Thanks</title></head>
<body><script>
  oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "USD" });
</script></body></html>`)

	l := lint.New(lint.Options{FailOn: model.Error})
	inputs := slices.Values([]lint.Input{lint.Bytes("thanks.html", page, lint.SourceOptions{})})
	out, err := l.Run(context.Background(), inputs, func(r *lint.Result) error {
		for _, f := range r.Report.Findings {
			fmt.Printf("%s:%d:%d %s %s\n", f.Span.File, f.Span.Start.Line, f.Span.Start.Col, f.Severity, f.Rule)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("failed:", out.Failed)
	// Output:
	// thanks.html:4:3 error init-missing
	// thanks.html:4:3 error snippet-missing
	// thanks.html:4:64 error amount-not-integer
	// failed: true
}

// A queue consumer checks each message on its own: lint.Record is one
// event-log record, judged by nothing but itself (a measure with no init
// in sight is not "init-missing").
func ExampleRecord() {
	msgs := []string{
		`["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}]`,
		`["measure", "order_created", {"type": "contents", "amount": 25.99, "currency": "USD"}]`,
	}
	var inputs []lint.Input
	for i, m := range msgs {
		in := lint.Record("pixel.events", lint.StreamRecord{Line: 1, Text: []byte(m)})
		in.Origin = i + 1 // handed back on the result: which message it was
		inputs = append(inputs, in)
	}
	_, err := lint.New(lint.Options{FailOn: model.Error}).Run(context.Background(), slices.Values(inputs), func(r *lint.Result) error {
		fmt.Printf("message %d: %d findings\n", r.Origin, len(r.Report.Findings))
		for _, f := range r.Report.Findings {
			fmt.Printf("  %s %s\n", f.Severity, f.Rule)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// message 1: 0 findings
	// message 2: 1 findings
	//   error amount-not-integer
}
