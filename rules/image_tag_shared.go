package rules

// Helpers of the image-tag-* rules: the image tag's requests, read as the
// measureSingle calls they amount to (internal/extract/imagetag.go).

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// imageCalls returns the document's image-tag requests in order.
func imageCalls(doc *model.Document) []*model.Call {
	var out []*model.Call
	for _, c := range doc.Calls {
		if c.Image != nil {
			out = append(out, c)
		}
	}
	return out
}

// imageParam returns the first parameter named name (a name a template
// prints is no name known).
func imageParam(c *model.Call, name string) (model.ImageParam, bool) {
	for _, p := range c.Image.Params {
		if p.Name == name && !p.NameTemplated {
			return p, true
		}
	}
	return model.ImageParam{}, false
}

// imageTagExample is a documented, clean image tag for the rules' docs.
func imageTagExample(query string) string {
	return `<body>
  <img src="` + pixel.EventsURL + `?` + query + `" width="1" height="1" style="display:none" alt="">
</body>`
}

// imageUserParam reports a parameter name that carries user data, a
// session, customer or order id, or a secret: none belongs in the query.
func imageUserParam(name string) bool {
	n := normalizeName(name)
	if len(name) >= 5 && name[:5] == "user[" || n == "user" {
		return true
	}
	for _, f := range append(append([]string(nil), pixel.UserFields...), pixel.UserFieldsThirdParty...) {
		if n == normalizeName(f) {
			return true
		}
	}
	switch n {
	case "email", "em", "mail", "phone", "ph", "tel", "externalid", "userid", "uid", "customerid", "customer",
		"orderid", "sessionid", "session", "sid", "token", "accesstoken", "apikey", "key", "secret", "password", "ip", "ipaddress":
		return true
	}
	return false
}
