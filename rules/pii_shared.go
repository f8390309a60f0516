package rules

// Raw personal data in a call, found once per call: pii-raw reports it, and
// the schema stage stays quiet about the same nodes so the problem is not
// reported twice. The documentation forbids raw e-mail addresses, raw
// external IDs, phone numbers and phone number hashes anywhere in a call.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

type personalDataHit struct {
	span      model.Span
	msg, hint string
}

// personalDataHits are a call's raw personal data and the nodes they cover.
type personalDataHits struct {
	hits  []personalDataHit
	nodes map[*model.Value]bool
	keys  map[*model.Field]bool
}

func (h personalDataHits) flaggedValue(v *model.Value) bool { return h.nodes[v] }
func (h personalDataHits) flaggedKey(f *model.Field) bool   { return h.keys[f] }

// personalData finds raw personal data in every argument of a call. (The
// maps are made at the first hit: every record of a log passes here, and
// almost none holds any.)
func personalData(c *model.Call) personalDataHits {
	var h personalDataHits
	var path [8]string // reused: a path is read, never kept
	for i, arg := range c.Args {
		h.scan(c, i, path[:0], arg)
	}
	return h
}

func (h *personalDataHits) flagValue(v *model.Value) {
	if h.nodes == nil {
		h.nodes = map[*model.Value]bool{}
	}
	h.nodes[v] = true
}

func (h *personalDataHits) flagKey(f *model.Field) {
	if h.keys == nil {
		h.keys = map[*model.Field]bool{}
	}
	h.keys[f] = true
}

func (h *personalDataHits) scan(c *model.Call, arg int, path []string, v *model.Value) {
	if v == nil {
		return
	}
	switch v.Kind {
	case model.String:
		ms := pii.Find(v.Str)
		if len(ms) == 0 {
			return
		}
		h.flagValue(v)
		hint := rawHint(ms[0].Kind)
		if len(path) > 0 && ms[0].Kind == pii.Email && strings.HasSuffix(path[len(path)-1], "_sha256") {
			hint = "hash it: the SHA-256 (lowercase hex) of the address after trimming white space and lower-casing"
		}
		h.hits = append(h.hits, personalDataHit{span: v.Span,
			msg:  fmt.Sprintf("raw %s %s in %s: never send personal data to the pixel", ms[0].Kind, quote(v.Str), argName(c, arg, path)),
			hint: hint})
	case model.Array:
		for i, it := range v.Items {
			h.scan(c, arg, append(path, strconv.Itoa(i)), it)
		}
	case model.Object:
		for _, f := range v.Fields {
			k, ok := pii.KeyKind(f.Key)
			if !ok {
				h.scan(c, arg, append(path, f.Key), f.Value)
				continue
			}
			h.flagKey(f)
			f.Value.Walk(func(_ []string, n *model.Value) { h.flagValue(n) })
			sent := ""
			if s, isStr := f.Value.StringValue(); isStr {
				sent = " (" + quote(pii.RedactAs(k, s)) + ")"
			}
			msg := fmt.Sprintf("field %q in %s is for raw personal data%s: the pixel must not receive a raw %s", f.Key, argName(c, arg, path), sent, k)
			if k == pii.Phone && strings.Contains(strings.ToLower(f.Key), "sha") {
				msg = fmt.Sprintf("field %q in %s is a phone number hash: the pixel must not receive phone numbers or their hashes (pixel page, revision %s)", f.Key, argName(c, arg, path), pixel.Revision)
			}
			h.hits = append(h.hits, personalDataHit{span: f.KeySpan, msg: msg, hint: rawHint(k)})
		}
	}
}

func rawHint(k pii.Kind) string {
	switch k {
	case pii.Email:
		return `send user.email_sha256 in init instead: the SHA-256 (lowercase hex) of the address after trimming white space and lower-casing`
	case pii.Phone:
		return "remove it: the pixel takes no phone numbers, raw or hashed"
	}
	return "send user.external_id_sha256 in init instead: the SHA-256 (lowercase hex) of the identifier"
}

// argName says where in a call a node is: "event data contents[0].name".
// arg is the node's position in the call.
func argName(c *model.Call, arg int, path []string) string {
	var name string
	switch arg = logicalArg(c, arg); {
	case arg == argPixelID:
		name = "the pixel id"
	case arg == 0:
		name = "the command"
	case arg == 1 && c.Command() == "init":
		name = "init config"
	case arg == 1 && c.Command() == "consent":
		name = "the consent value"
	case arg == 1:
		name = "the event name"
	case arg == 2:
		name = "event data"
	case arg == 3:
		name = "options"
	default:
		name = fmt.Sprintf("argument %d", arg+1)
	}
	if len(path) > 0 {
		return name + " " + fieldPath(path)
	}
	return name
}
