package eventlog

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// viaImageTag marks a browser record that is an image tag's request,
// written by extract and read back by log, so the record keeps being an
// image tag (no SDK, no init needed) and takes part in deduplication with
// the server's events like any other.
const viaImageTag = "image-tag"

// imageRequestOf rebuilds an image tag's parameters from the
// measureSingle call it was written as: pid, event, data[…] and the
// options, each at its value in the record. What extract found wrong with
// the URL itself (unknown or repeated parameters) was reported then and is
// not in the record.
func imageRequestOf(c *model.Call, noscript *model.Value) *model.ImageRequest {
	req := &model.ImageRequest{Span: c.Span, NoScript: noscript.Is(model.Bool) && noscript.Bool}
	add := func(name string, key model.Span, v *model.Value) {
		if s, ok := v.StringValue(); ok {
			req.Params = append(req.Params, model.ImageParam{Name: name, Value: s, NameSpan: key, ValueSpan: v.Span})
		} else if v.IsDynamic() && v.Raw != model.ImageAbsent && v.Raw != model.ImageMalformed && v.Raw != model.ImageContentsBad {
			// A value the page's template prints ({{ … }}), written by
			// extract as {"$dynamic": …}: present, not known statically.
			req.Params = append(req.Params, model.ImageParam{Name: name, Value: v.Raw, NameSpan: key, ValueSpan: v.Span, Templated: true})
		} else if v != nil && !v.IsDynamic() {
			req.Params = append(req.Params, model.ImageParam{Name: name, NameSpan: key, ValueSpan: v.Span})
		}
	}
	if c.Command() != pixel.CommandMeasureSingle {
		return req
	}
	add(pixel.ImageParamPixel, c.Arg(1).Span, c.Arg(1))
	add(pixel.ImageParamEvent, c.Arg(2).Span, c.Arg(2))
	if data := c.Arg(3); data.Is(model.Object) {
		for _, f := range data.Fields {
			add("data["+f.Key+"]", f.KeySpan, f.Value)
		}
	}
	if opts := c.Arg(4); opts.Is(model.Object) {
		for _, f := range opts.Fields {
			add(f.Key, f.KeySpan, f.Value)
		}
	}
	return req
}
