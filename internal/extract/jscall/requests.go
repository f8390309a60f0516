package jscall

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// checkRequestCall records fetch(url), navigator.sendBeacon(url) and
// xhr.open(method, url) aimed at the pixel's server endpoints.
func (x *extractor) checkRequestCall(n *ast.CallExpression) {
	var api string
	urlArg := 0
	switch c := unwrap(n.Callee).(type) {
	case *ast.Identifier:
		if c.Name == "fetch" {
			api = "fetch"
		}
	default:
		switch memberName(c) {
		case "fetch":
			api = "fetch"
		case "sendBeacon":
			api = "sendBeacon"
		case "open":
			api, urlArg = "XMLHttpRequest", 1
		case "post", "ajax":
			api = "ajax"
		}
	}
	if api == "" || len(n.ArgumentList) <= urlArg {
		return
	}
	if u, ok := staticPrefix(n.ArgumentList[urlArg]); ok && pixel.IsServerURL(u) {
		x.res.Requests = append(x.res.Requests, model.ServerRequest{URL: u, API: api, Span: x.span(n)})
	}
}

// checkRequestAssign records img.src = url (the image-request fallback)
// aimed at the pixel's server endpoints.
func (x *extractor) checkRequestAssign(n *ast.AssignExpression) {
	if n.Operator != token.ASSIGN || memberName(n.Left) != "src" {
		return
	}
	if u, ok := staticPrefix(n.Right); ok && pixel.IsServerURL(u) {
		x.res.Requests = append(x.res.Requests, model.ServerRequest{URL: u, API: "image", Span: x.span(n)})
	}
}

// staticPrefix returns the known leading text of a URL expression: a
// literal, the head of a template literal, the left end of a concatenation.
func staticPrefix(e ast.Expression) (string, bool) {
	switch n := e.(type) {
	case *ast.StringLiteral:
		return n.Value.String(), true
	case *ast.TemplateLiteral:
		if n.Tag == nil && len(n.Elements) > 0 {
			return n.Elements[0].Parsed.String(), true
		}
	case *ast.BinaryExpression:
		if n.Operator == token.PLUS {
			return staticPrefix(n.Left)
		}
	}
	return "", false
}
