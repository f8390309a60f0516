package render

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Record is one message of the recorder (recorder.js).
type Record struct {
	// Kind is "call" (an oaiq call), "stub" (window.oaiq first defined),
	// "sdk" (the SDK script ran) or "csp" (a securitypolicyviolation).
	Kind string `json:"kind"`
	// Href is the page address when the message was sent.
	Href string `json:"href"`
	// call
	Args  []jsValue `json:"args"`
	Stack string    `json:"stack"`
	// stub and sdk: the <script> running at the time
	Ready     string `json:"ready"` // document.readyState
	Element   bool   `json:"el"`    // document.currentScript was known
	InHead    bool   `json:"inHead"`
	Preceding int    `json:"preceding"`
	Src       string `json:"src"`
	Async     bool   `json:"async"`
	Queue     bool   `json:"queue"` // stub: the function had a queue (q array)
	// csp
	BlockedURI  string `json:"blocked"`
	Directive   string `json:"directive"`
	Policy      string `json:"policy"`
	Disposition string `json:"disposition"`
}

// jsValue is a value as recorder.js copies it (a tagged tree).
type jsValue struct {
	T string     `json:"t"`
	B bool       `json:"b"`
	N *float64   `json:"n"`
	R string     `json:"r"`
	S string     `json:"s"`
	I []jsValue  `json:"i"`
	F []jsMember `json:"f"`
}

type jsMember struct {
	K string  `json:"k"`
	V jsValue `json:"v"`
}

func (t *tab) decode() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, p := range t.raw {
		var r Record
		if err := json.Unmarshal([]byte(p), &r); err != nil {
			return fmt.Errorf("reading a recorded call: %w", err)
		}
		t.c.Records = append(t.c.Records, r)
	}
	return nil
}

// value turns a recorded value into the model, every node at span.
func (v jsValue) value(span model.Span) *model.Value {
	out := &model.Value{Span: span}
	switch v.T {
	case "undefined":
		out.Kind = model.Undefined
	case "null":
		out.Kind = model.Null
	case "bool":
		out.Kind, out.Bool = model.Bool, v.B
	case "num":
		out.Kind, out.Raw = model.Number, v.R
		if v.N != nil {
			out.Num = *v.N
		} else {
			out.Num, _ = strconv.ParseFloat(v.R, 64) // NaN, ±Infinity
			if v.R == "Infinity" || v.R == "-Infinity" {
				out.Num, _ = strconv.ParseFloat(strings.Replace(v.R, "Infinity", "Inf", 1), 64)
			}
		}
	case "str":
		out.Kind, out.Str = model.String, v.S
	case "arr":
		out.Kind = model.Array
		for _, it := range v.I {
			out.Items = append(out.Items, it.value(span))
		}
	case "obj":
		out.Kind = model.Object
		for _, m := range v.F {
			out.Fields = append(out.Fields, &model.Field{Key: m.K, KeySpan: span, Value: m.V.value(span)})
		}
	default:
		// Functions, DOM nodes, dates, cycles: what was passed is named,
		// not judged.
		out.Kind, out.Raw = model.Dynamic, v.R
	}
	return out
}

// Frame is a call site read from a stack trace.
type Frame struct {
	URL  string
	Line int
	// Col is 1-based, in UTF-16 code units as V8 counts.
	Col int
}

var frameRe = regexp.MustCompile(`((?:https?|file)://[^\s()]+):(\d+):(\d+)\)?\s*$`)

// callSite returns the first frame of stack that is the page's code: not
// the recorder (which runs without a URL, or from the SDK URL).
func callSite(stack string) (Frame, bool) {
	for _, line := range strings.Split(stack, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "at ") {
			continue
		}
		m := frameRe.FindStringSubmatch(line)
		if m == nil || route(m[1], "", false) == answer {
			continue
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		return Frame{URL: m[1], Line: l, Col: c}, true
	}
	return Frame{}, false
}
