package eventlog

// Conversions API records: what a server posts to the Conversions API, as
// users keep it in logs, fixtures and queues. A record may be a request
// body ({"events": […]}), a bare list of events, one event, or a request
// record with method, URL and body (an HTTP client's log line, or the
// entries of a HAR file). Each event becomes the measure call it stands for
// (type as the event name, data as the event data, id as event_id), so the
// pixel's rules read it, and keeps the event and request it came from for
// the rules of the Conversions API.

import (
	"net/url"
	"strings"
	"time"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Input kinds, as --format json says them per file.
const (
	inputCalls       = "calls"
	inputBrowser     = "browser-records"
	inputServer      = "server-events"
	inputBodies      = "capi-request-bodies"
	inputEventLists  = "capi-event-lists"
	inputEvents      = "capi-events"
	inputRequests    = "http-requests"
	inputHAR         = "har"
	requestNoBodyMsg = "request to the Conversions API without a readable JSON body"
)

// capiRecord reads v when it is one of the Conversions API shapes and
// reports whether it was.
func (r *reader) capiRecord(doc *model.Document, v *model.Value) bool {
	if v.Field("source") != nil || v.Field("args") != nil {
		return false // the log's own browser and server records
	}
	if entries := v.Get("log").Get("entries"); entries.Is(model.Array) {
		r.saw(inputHAR)
		for _, e := range entries.Items {
			if req := requestOf(e); req != nil {
				r.request(doc, e, req)
			}
		}
		return true
	}
	if v.Field("events") != nil {
		r.saw(inputBodies)
		r.body(doc, &model.Request{Body: v, Span: v.Span})
		return true
	}
	if req := requestOf(v); req != nil {
		r.saw(inputRequests)
		r.request(doc, v, req)
		return true
	}
	if looksLikeEvent(v) {
		r.saw(inputEvents)
		r.events(doc, &model.Request{Span: v.Span, Events: []*model.Value{v}})
		return true
	}
	return false
}

// eventList reads a record that is an array of event objects.
func (r *reader) eventList(doc *model.Document, v *model.Value) {
	r.saw(inputEventLists)
	r.events(doc, &model.Request{Span: v.Span, Events: v.Items})
}

// isEventList tells a bare list of events from a call array, whose first
// item is the command.
func isEventList(v *model.Value) bool {
	return len(v.Items) > 0 && v.Items[0].Is(model.Object)
}

// looksLikeEvent: an object with a member only a Conversions API event (or
// its legacy and other-vendor forms) has.
func looksLikeEvent(v *model.Value) bool {
	for _, f := range v.Fields {
		switch f.Key {
		case pixel.EventID, pixel.EventTimestamp, pixel.EventActionSource, pixel.EventSourceURL:
			return true
		}
		if _, legacy := pixel.LegacyEventFields[f.Key]; legacy {
			return true
		}
	}
	return v.Field(pixel.EventType) != nil && v.Field(pixel.EventData) != nil
}

// requestOf returns the request a record describes: the record itself or
// its "request" member, when it has a URL and a method or body.
func requestOf(v *model.Value) *model.Value {
	for _, c := range []*model.Value{v, v.Get("request")} {
		if !c.Is(model.Object) || !c.Get("url").Is(model.String) {
			continue
		}
		for _, k := range []string{"method", "body", "postData", "data", "json"} {
			if c.Field(k) != nil {
				return c
			}
		}
	}
	return nil
}

// request reads one request record; requests to other URLs are not the
// Conversions API and are skipped (a HAR file holds every request of a page).
func (r *reader) request(doc *model.Document, rec, req *model.Value) {
	u := req.Get("url")
	if !pixel.IsCAPIURL(u.Str) {
		return
	}
	q := &model.Request{Span: rec.Span, URL: u.Str, URLSpan: u.Span}
	for _, holder := range []*model.Value{rec, req} {
		for _, k := range []string{"startedDateTime", "time", "ts", "timestamp", "date"} {
			if t := holder.Get(k); t.Is(model.String) && q.Time == "" {
				if _, err := time.Parse(time.RFC3339Nano, t.Str); err == nil {
					q.Time, q.TimeSpan = t.Str, t.Span
				}
			}
		}
	}
	var body *model.Value
	for _, k := range []string{"body", "data", "json"} {
		if b := req.Get(k); b != nil && body == nil {
			body = b
		}
	}
	if body == nil {
		body = req.Get("postData").Get("text")
	}
	if body.Is(model.String) {
		parsed, ok := r.embedded(body)
		if !ok {
			return // reported where the JSON breaks
		}
		body = parsed
	}
	if !body.Is(model.Object) {
		span := req.Span
		if body != nil {
			span = body.Span
		}
		r.fail(span, requestNoBodyMsg, `log the JSON body the server posted: {"events": [{"id": …, "type": …, "timestamp_ms": …, "data": {…}}]}`)
		return
	}
	q.Body = body
	r.body(doc, q)
}

// body reads a request body's events.
func (r *reader) body(doc *model.Document, q *model.Request) { AddRequest(doc, q) }

// events records a list of events logged without their request.
func (r *reader) events(doc *model.Document, q *model.Request) { addEvents(doc, q) }

// AddRequest adds a Conversions API request to doc: the request, and each
// readable event of its body as the measure call it stands for. Sources
// other than logs (server code posting to the API) use it too.
func AddRequest(doc *model.Document, q *model.Request) {
	if ev := q.Body.Get("events"); ev.Is(model.Array) && q.Events == nil {
		q.Events = ev.Items
	}
	addEvents(doc, q)
}

// addEvents records the request and turns each readable event into a call.
func addEvents(doc *model.Document, q *model.Request) {
	doc.Requests = append(doc.Requests, q)
	pid, pidOK := "", false
	if q.URL != "" {
		if u, err := url.Parse(q.URL); err == nil {
			pid, pidOK = u.Query().Get(pixel.CAPIPixelParam), u.Query().Has(pixel.CAPIPixelParam)
		}
	}
	for _, ev := range q.Events {
		typ := ev.Field(pixel.EventType)
		if !ev.Is(model.Object) || typ == nil {
			continue // capi-event-field-missing (or capi-event-not-object) says why
		}
		call := &model.Call{Args: []*model.Value{
			{Kind: model.String, Str: "measure", Span: typ.KeySpan},
			typ.Value, eventData(ev, typ.Value), eventOptions(ev),
		}, Span: ev.Span, Side: model.Server, Event: ev, Request: q, URL: q.URL, Time: q.Time}
		if pidOK {
			call.PixelID, call.PixelIDSpan = strings.TrimSpace(pid), q.URLSpan
			if !q.PidSpan.IsZero() {
				call.PixelIDSpan = q.PidSpan
			}
		}
		doc.Calls = append(doc.Calls, call)
	}
}

// eventData is the event's data, or an open object when none was sent
// (capi-event-field-missing reports it; nothing else is guessed).
func eventData(ev, typ *model.Value) *model.Value {
	if d := ev.Get(pixel.EventData); d != nil {
		return d
	}
	return &model.Value{Kind: model.Object, Open: true, Span: typ.Span}
}

// eventOptions gathers what the pixel takes as measure options: id (as
// event_id), custom_event_name and opt_out. A custom event's name written
// inside data stands in for the missing event-level one, so the name rules
// still read it (capi-custom-name-in-data asks for the move).
func eventOptions(ev *model.Value) *model.Value {
	opts := &model.Value{Kind: model.Object, Span: ev.Span}
	if f := ev.Field(pixel.EventID); f != nil {
		opts.Fields = append(opts.Fields, &model.Field{Key: "event_id", KeySpan: f.KeySpan, Value: f.Value})
	}
	name := ev.Field(pixel.EventCustomName)
	if t, _ := ev.Get(pixel.EventType).StringValue(); name == nil && t == "custom" {
		name = ev.Get(pixel.EventData).Field(pixel.EventCustomName)
	}
	if name != nil {
		opts.Fields = append(opts.Fields, name)
	}
	if f := ev.Field(pixel.EventOptOut); f != nil {
		opts.Fields = append(opts.Fields, f)
	}
	return opts
}

// saw notes one kind of record, for the document's Input.
func (r *reader) saw(kind string) {
	for _, k := range r.kinds {
		if k == kind {
			return
		}
	}
	r.kinds = append(r.kinds, kind)
}
