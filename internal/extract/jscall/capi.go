package jscall

// Server code posting to the Conversions API: fetch, node-fetch, axios,
// got, ky and http(s).request calls whose URL is the API's, with the body
// they send read as a request body (an object literal, or a constant bound
// to one, possibly through JSON.stringify), so the API's rules check it
// with exact positions.

import (
	"strings"

	"github.com/dop251/goja/ast"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// checkCAPICall records the request a call posts to the Conversions API.
func (x *extractor) checkCAPICall(n *ast.CallExpression) {
	urlExpr, body := x.capiCallParts(n)
	if urlExpr == nil || body == nil {
		return
	}
	u, full, ok := x.urlOf(urlExpr)
	if !ok || !pixel.IsCAPIURL(u) {
		return
	}
	v := x.capiBody(body)
	if v == nil {
		return
	}
	q := &model.Request{Body: v, Span: x.span(n), KeySpan: x.literalKey(n)}
	if full {
		q.URL, q.URLSpan = u, x.span(urlExpr)
	}
	x.res.CAPIRequests = append(x.res.CAPIRequests, q)
}

// capiCallParts returns a request call's URL and body expressions, nil
// when the call is not one of the clients' shapes.
func (x *extractor) capiCallParts(n *ast.CallExpression) (urlExpr, body ast.Expression) {
	args := n.ArgumentList
	arg := func(i int) ast.Expression {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	name := memberName(n.Callee)
	if id, ok := unwrap(n.Callee).(*ast.Identifier); ok {
		name = id.Name.String()
	}
	switch name {
	case "fetch", "nodeFetch":
		return arg(0), x.member(arg(1), "body")
	case "post", "put", "patch":
		// axios.post(url, data), got.post(url, {json}), ky.post(url, {json})
		if b := x.member(arg(1), "json", "body"); b != nil {
			return arg(0), b
		}
		return arg(0), arg(1)
	case "axios", "got", "ky", "request":
		if len(args) == 1 {
			return x.member(arg(0), "url"), x.member(arg(0), "data", "json", "body")
		}
		return arg(0), x.member(arg(1), "data", "json", "body")
	case "write", "end":
		// req.write(JSON.stringify(body)) on const req = https.request(url, …)
		if id, ok := unwrap(memberObject(n.Callee)).(*ast.Identifier); ok {
			if b := x.consts[id.Name.String()]; b != nil && b.decls == 1 {
				if c, ok := b.init.(*ast.CallExpression); ok && memberName(c.Callee) == "request" && len(c.ArgumentList) > 0 {
					return c.ArgumentList[0], arg(0)
				}
			}
		}
	}
	return nil, nil
}

// memberObject returns X of X.name or X["name"].
func memberObject(e ast.Expression) ast.Expression {
	switch m := unwrap(e).(type) {
	case *ast.DotExpression:
		return m.Left
	case *ast.BracketExpression:
		return m.Left
	}
	return nil
}

// member returns the value of the first of keys in an object literal (or a
// constant bound to one), nil when there is none.
func (x *extractor) member(e ast.Expression, keys ...string) ast.Expression {
	obj := x.objectLiteral(e)
	if obj == nil {
		return nil
	}
	for _, k := range keys {
		for _, p := range obj.Value {
			switch p := p.(type) {
			case *ast.PropertyKeyed:
				if name, ok := x.key(p); ok && name == k && p.Kind == ast.PropertyKindValue {
					return p.Value
				}
			case *ast.PropertyShort:
				if p.Name.Name.String() == k {
					return &p.Name
				}
			}
		}
	}
	return nil
}

// objectLiteral is e when it is an object literal, or the literal a
// constant name is bound to.
func (x *extractor) objectLiteral(e ast.Expression) *ast.ObjectLiteral {
	switch n := unwrap(e).(type) {
	case *ast.ObjectLiteral:
		return n
	case *ast.Identifier:
		if b := x.consts[n.Name.String()]; b != nil && b.decls == 1 && !b.assigned {
			if obj, ok := b.init.(*ast.ObjectLiteral); ok {
				return obj
			}
		}
	}
	return nil
}

// capiBody reads a body expression: an object (through JSON.stringify),
// nil when it is not known statically.
func (x *extractor) capiBody(e ast.Expression) *model.Value {
	if c, ok := unwrap(e).(*ast.CallExpression); ok && memberName(c.Callee) == "stringify" && len(c.ArgumentList) > 0 {
		e = c.ArgumentList[0]
	}
	if obj := x.objectLiteral(e); obj != nil {
		return x.object(obj)
	}
	return nil
}

// urlOf returns a URL expression's known text and whether that is the
// whole URL (a literal, or a constant bound to one) or only its start.
func (x *extractor) urlOf(e ast.Expression) (u string, full, ok bool) {
	if id, isID := unwrap(e).(*ast.Identifier); isID {
		if b := x.consts[id.Name.String()]; b.constant() {
			e = b.init
		}
	}
	if v := x.literal(e); v != nil && v.Kind == model.String {
		return v.Str, true, true
	}
	u, ok = staticPrefix(e)
	return u, false, ok
}

// literalKey finds an Authorization header written as a literal "Bearer …"
// among a request call's arguments (fetch's init, axios' config, got's
// options), zero when the credential is computed (an environment variable).
func (x *extractor) literalKey(n *ast.CallExpression) model.Span {
	for _, a := range n.ArgumentList {
		h := x.member(a, "headers")
		for _, k := range []string{"Authorization", "authorization"} {
			e := x.member(h, k)
			if e == nil {
				continue
			}
			if v := x.literal(e); v != nil && v.Kind == model.String && len(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v.Str), "Bearer"))) > 0 {
				return x.span(e)
			}
			if t, ok := e.(*ast.TemplateLiteral); ok && t.Tag == nil && len(t.Elements) > 0 {
				if head := t.Elements[0].Parsed.String(); len(strings.TrimSpace(strings.TrimPrefix(head, "Bearer "))) >= 8 {
					return x.span(e) // the key written before a ${…}
				}
			}
		}
	}
	return model.Span{}
}
