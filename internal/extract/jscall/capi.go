package jscall

// Server code posting to the Conversions API: fetch, node-fetch, axios,
// got, ky and http(s).request calls whose URL is the API's, with the body
// they send read as a request body (an object literal, or a constant bound
// to one, possibly through JSON.stringify), so the API's rules check it
// with exact positions.

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// checkCAPICall records the request a call posts to the Conversions API.
func (x *extractor) checkCAPICall(n *ast.CallExpression) {
	// The request's names are resolved as a pixel call's arguments are:
	// from where this call stands, within the same budget.
	x.callAt, x.budget = n.Idx0(), resolveBudget
	urlExpr, body, config := x.capiCallParts(n)
	if urlExpr == nil {
		return
	}
	u, full, ok := x.urlOf(urlExpr)
	if !ok || !pixel.IsCAPIURL(u) {
		return
	}
	// A body not known statically (JSON.stringify(payload), a string)
	// still leaves the request: its key is checked, and masked in every
	// output, whatever the body is.
	q := &model.Request{Span: x.span(n)}
	if body != nil {
		q.Body = x.capiBody(body)
		x.boundTimestamps(q.Body)
	}
	q.KeySpan, q.Key = x.literalKey(n)
	if strings.Contains(q.Key, "${") && pii.IsPlaceholderSecret(q.Key) {
		q.Key, q.KeyNotFilled = "", true // a plain string's ${…} is sent as written
	}
	var params []queryParam
	if full {
		params, full = x.addedQuery(urlExpr, config)
	}
	if full {
		q.URL, q.URLSpan = u, x.span(urlExpr)
		if _, arg := x.urlObject(urlExpr); arg != nil {
			q.URLSpan = x.span(arg) // where the URL object's text is written
		}
		if len(params) > 0 {
			q.URL = withQuery(u, params)
		}
		for _, p := range params {
			if p.name == pixel.CAPIPixelParam {
				q.PidSpan = p.span
			}
		}
		if q.KeySpan.IsZero() {
			q.KeySpan, q.Key = x.queryKey(urlExpr, u, params)
		}
	}
	x.res.CAPIRequests = append(x.res.CAPIRequests, q)
}

// capiCallParts returns a request call's URL and body expressions and the
// options that may add to the URL's query (axios' params, got's and ky's
// searchParams); nil when the call is not one of the clients' shapes.
func (x *extractor) capiCallParts(n *ast.CallExpression) (urlExpr, body, config ast.Expression) {
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
		return arg(0), x.member(arg(1), "body"), nil
	case "post", "put", "patch":
		// axios.post(url, data, config), got.post(url, {json}), ky.post(url, {json})
		if b := x.member(arg(1), "json", "body"); b != nil {
			return arg(0), b, arg(1)
		}
		return arg(0), arg(1), arg(2)
	case "axios", "got", "ky", "request":
		if len(args) == 1 {
			return x.member(arg(0), "url"), x.member(arg(0), "data", "json", "body"), arg(0)
		}
		return arg(0), x.member(arg(1), "data", "json", "body"), arg(1)
	case "write", "end":
		// req.write(JSON.stringify(body)) on const req = https.request(url, …)
		if id, ok := unwrap(memberObject(n.Callee)).(*ast.Identifier); ok {
			if b := x.consts[id.Name.String()]; b != nil && b.decls == 1 {
				// req.end() without data is the same request: only a call
				// that writes a body is read.
				if c, ok := b.init.(*ast.CallExpression); ok && memberName(c.Callee) == "request" && len(c.ArgumentList) > 0 && arg(0) != nil {
					return c.ArgumentList[0], arg(0), nil
				}
			}
		}
	}
	return nil, nil, nil
}

// boundTimestamps gives each event's timestamp_ms that names a constant
// bound to a computation (const ts = Math.floor(Date.now() / 1000)) the
// text of that computation, so capi-timestamp judges what is sent; the
// value stays where the name is written.
func (x *extractor) boundTimestamps(body *model.Value) {
	evs := body.Get("events")
	if !evs.Is(model.Array) {
		return
	}
	for _, ev := range evs.Items {
		v := ev.Get(pixel.EventTimestamp)
		if !v.IsDynamic() || !isIdentifierName(v.Raw) {
			continue
		}
		if b := x.consts[v.Raw]; b.single() && !x.changed(b) {
			v.Raw = x.valueText(b.init)
		}
	}
}

// isIdentifierName reports a bare JavaScript name (ts, $at, _now).
func isIdentifierName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
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
		if b := x.consts[n.Name.String()]; b != nil && b.decls == 1 && !b.assigned && !x.changed(b) {
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
	// Names are read as pixel calls read them: with their member writes,
	// and not at all once changed in ways not followed — except that
	// events pushed to an array leave the events written in place.
	x.appendsRead = true
	defer func() { x.appendsRead = false }()
	switch n := unwrap(e).(type) {
	case *ast.ObjectLiteral:
		return x.object(n)
	case *ast.Identifier:
		if v := x.resolve(n); v.Is(model.Object) {
			return v
		}
		if b := x.consts[n.Name.String()]; b.single() {
			// Bound to a value that became unknown: the request is still
			// made, with a body that cannot be read.
			return x.dynamic(n)
		}
	}
	return nil
}

// urlOf returns a URL expression's known text and whether that is the
// whole URL (a literal, constants joined by a template or +) or only its
// start. A URL object (new URL(…), or a constant bound to one, or its
// href or toString()) is read as the text it was made from.
func (x *extractor) urlOf(e ast.Expression) (u string, full, ok bool) {
	if _, arg := x.urlObject(e); arg != nil {
		e = arg
	}
	if s, known := x.constText(e); known {
		return s, true, true
	}
	u, ok = staticPrefix(e)
	return u, false, ok
}

// constText is the text of a string expression made of literals and
// constants bound to them only, joined by templates or +.
func (x *extractor) constText(e ast.Expression) (string, bool) {
	budget := resolveBudget // names may refer to names twice over: bound the walk
	return x.constTextWithin(e, &budget)
}

func (x *extractor) constTextWithin(e ast.Expression, budget *int) (string, bool) {
	if *budget--; *budget < 0 {
		return "", false
	}
	switch n := unwrap(e).(type) {
	case *ast.StringLiteral:
		return n.Value.String(), true
	case *ast.Identifier:
		if b := x.consts[n.Name.String()]; b.single() && !b.opened { // a string cannot be changed by a function it is handed to
			return x.constTextWithin(b.init, budget)
		}
	case *ast.TemplateLiteral:
		if n.Tag != nil || len(n.Elements) != len(n.Expressions)+1 {
			return "", false
		}
		var b strings.Builder
		for i, el := range n.Elements {
			if !el.Valid {
				return "", false
			}
			b.WriteString(el.Parsed.String())
			if i < len(n.Expressions) {
				s, ok := x.constTextWithin(n.Expressions[i], budget)
				if !ok {
					return "", false
				}
				b.WriteString(s)
			}
		}
		return b.String(), true
	case *ast.BinaryExpression:
		if n.Operator != token.PLUS {
			return "", false
		}
		l, ok := x.constTextWithin(n.Left, budget)
		if !ok {
			return "", false
		}
		r, ok := x.constTextWithin(n.Right, budget)
		return l + r, ok
	}
	return "", false
}

// urlObject recognises a URL object: new URL(u) itself (name ""), or a
// name bound once to one, possibly through .href or .toString(). arg is
// the expression of u, nil when e is none.
func (x *extractor) urlObject(e ast.Expression) (name string, arg ast.Expression) {
	e = unwrap(e)
	if c, ok := e.(*ast.CallExpression); ok && len(c.ArgumentList) == 0 && memberName(c.Callee) == "toString" {
		e = unwrap(memberObject(c.Callee))
	} else if memberName(e) == "href" {
		e = unwrap(memberObject(e))
	}
	if id, ok := e.(*ast.Identifier); ok {
		b := x.consts[id.Name.String()]
		if b == nil || b.decls != 1 || b.assigned || x.changed(b) || b.init == nil {
			return "", nil
		}
		name, e = id.Name.String(), b.init
	}
	if n, ok := e.(*ast.NewExpression); ok && len(n.ArgumentList) == 1 {
		if c, ok := n.Callee.(*ast.Identifier); ok && c.Name == "URL" {
			return name, n.ArgumentList[0]
		}
	}
	return "", nil
}

// queryParam is one query parameter a request adds to its URL; known is
// false when its value is computed. span is where its value is written.
type queryParam struct {
	name, value string
	known       bool
	span        model.Span
}

// addedQuery returns the query parameters a request adds to the URL
// expression's text: url.searchParams.set/append on a URL object, and the
// client's params (axios) or searchParams (got, ky). ok is false when
// something may add to the query that is not known: a spread, a computed
// name, a pid computed at runtime, options read from elsewhere.
func (x *extractor) addedQuery(urlExpr, config ast.Expression) (ps []queryParam, ok bool) {
	if name, arg := x.urlObject(urlExpr); arg != nil && name != "" {
		if ps, ok = x.searchParamWrites(name); !ok {
			return nil, false
		}
	}
	if config == nil {
		return ps, true
	}
	obj := x.objectLiteral(config)
	if obj == nil || !closedObject(obj) {
		return nil, false // options made elsewhere may carry params
	}
	q := x.member(obj, "params", "searchParams")
	if q == nil {
		return ps, true
	}
	if n, isNew := unwrap(q).(*ast.NewExpression); isNew && len(n.ArgumentList) == 1 {
		if c, isID := n.Callee.(*ast.Identifier); isID && c.Name == "URLSearchParams" {
			q = n.ArgumentList[0] // new URLSearchParams({pid}) or ("pid=…")
		}
	}
	if v := x.literal(q); v != nil && v.Kind == model.String {
		for _, kv := range strings.Split(strings.TrimPrefix(v.Str, "?"), "&") {
			if k, val, _ := strings.Cut(kv, "="); k != "" {
				ps = append(ps, queryParam{name: k, value: val, known: true, span: x.span(q)})
			}
		}
		return ps, true
	}
	o := x.objectLiteral(q)
	if o == nil || !closedObject(o) {
		return nil, false
	}
	for _, f := range x.object(o).Fields {
		p := queryParam{name: f.Key, span: f.Value.Span}
		switch f.Value.Kind {
		case model.String:
			p.value, p.known = f.Value.Str, true
		case model.Number:
			p.value, p.known = strconv.FormatFloat(f.Value.Num, 'f', -1, 64), true
		case model.Bool:
			p.value, p.known = strconv.FormatBool(f.Value.Bool), true
		case model.Null, model.Undefined:
			continue // axios leaves these out of the query
		}
		ps = append(ps, p)
	}
	return ps, queryKnown(ps)
}

// queryKnown reports whether every pid among ps has a known value: a pid
// computed at runtime makes the URL unknown to the pid check.
func queryKnown(ps []queryParam) bool {
	for _, p := range ps {
		if !p.known && p.name == pixel.CAPIPixelParam {
			return false
		}
	}
	return true
}

// closedObject reports whether every member of obj has a static name: no
// spread, no computed key.
func closedObject(obj *ast.ObjectLiteral) bool {
	for _, p := range obj.Value {
		switch p := p.(type) {
		case *ast.PropertyShort:
		case *ast.PropertyKeyed:
			if p.Computed {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// searchParamWrites returns the parameters name.searchParams.set(k, v) and
// .append(k, v) add, anywhere in the script; ok is false when the query is
// changed in a way not followed (delete, a computed name, url.search = …).
func (x *extractor) searchParamWrites(name string) ([]queryParam, bool) {
	if w, seen := x.queryWrites[name]; seen {
		return w.params, w.ok
	}
	ps, ok := x.findSearchParamWrites(name)
	if x.queryWrites == nil {
		x.queryWrites = map[string]queryWrites{}
	}
	x.queryWrites[name] = queryWrites{ps, ok}
	return ps, ok
}

// queryWrites caches searchParamWrites for a name: each lookup walks the
// whole script.
type queryWrites struct {
	params []queryParam
	ok     bool
}

func (x *extractor) findSearchParamWrites(name string) (ps []queryParam, ok bool) {
	b := x.consts[name]
	if b == nil || b.opened {
		return nil, false
	}
	for _, w := range b.writes {
		if w.prop == "search" || w.prop == "href" {
			return nil, false
		}
	}
	ok = true
	inspect(x.prog, func(n ast.Node, _ []ast.Node) bool {
		c, isCall := n.(*ast.CallExpression)
		if !isCall || !ok {
			return ok
		}
		method := memberName(c.Callee)
		sp := unwrap(memberObject(c.Callee))
		if memberName(sp) != "searchParams" {
			return true
		}
		if id, isID := unwrap(memberObject(sp)).(*ast.Identifier); !isID || id.Name.String() != name {
			return true
		}
		switch method {
		case "set", "append":
			k, named := "", false
			if len(c.ArgumentList) == 2 {
				k, named = x.constText(c.ArgumentList[0])
			}
			if !named {
				ok = false
				return false
			}
			p := queryParam{name: k, span: x.span(c.ArgumentList[1])}
			p.value, p.known = x.constText(c.ArgumentList[1])
			ps = append(ps, p)
		case "delete", "sort":
			ok = false
		}
		return true
	})
	if !ok || !queryKnown(ps) {
		return nil, false
	}
	return ps, true
}

// withQuery is u with the known parameters of ps added to its query.
func withQuery(u string, ps []queryParam) string {
	var b strings.Builder
	b.WriteString(u)
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
		if strings.HasSuffix(u, "?") || strings.HasSuffix(u, "&") {
			sep = ""
		}
	}
	for _, p := range ps {
		if !p.known {
			continue
		}
		b.WriteString(sep)
		b.WriteString(url.QueryEscape(p.name) + "=" + url.QueryEscape(p.value))
		sep = "&"
	}
	return b.String()
}

// credentialParams are query parameter names (lower case) that carry an
// API key or token. The Conversions API documents its key in the
// Authorization header; a key here also lands in every log of the URL.
var credentialParams = map[string]bool{"key": true, "api_key": true, "apikey": true, "api-key": true, "access_token": true, "token": true, "secret": true}

// queryKey finds a key written in the request's query: in the URL's text
// (span on the value inside the literal) or in the client's params.
func (x *extractor) queryKey(urlExpr ast.Expression, u string, ps []queryParam) (model.Span, string) {
	if _, arg := x.urlObject(urlExpr); arg != nil {
		urlExpr = arg
	}
	if id, isID := unwrap(urlExpr).(*ast.Identifier); isID {
		if b := x.consts[id.Name.String()]; b.constant() {
			urlExpr = b.init
		}
	}
	if _, query, found := strings.Cut(u, "?"); found {
		for _, kv := range strings.Split(query, "&") {
			k, v, _ := strings.Cut(kv, "=")
			if !credentialParams[strings.ToLower(k)] || pii.IsPlaceholderSecret(v) {
				continue
			}
			a, b := x.offsets(urlExpr)
			if i := strings.Index(string(x.s.File.Text[a:b]), kv); i >= 0 {
				at := a + i + len(k) + 1
				return x.s.File.Span(at, at+len(v)), v
			}
			return x.span(urlExpr), v
		}
	}
	for _, p := range ps {
		if p.known && credentialParams[strings.ToLower(p.name)] && !pii.IsPlaceholderSecret(p.value) {
			return p.span, p.value
		}
	}
	return model.Span{}, ""
}

// literalKey finds an Authorization header written as a literal "Bearer …"
// among a request call's arguments (fetch's init, axios' config, got's
// options), directly or through a constant (a "Bearer …" string, or the key
// a `Bearer ${KEY}` template or a "Bearer " + KEY concatenation names).
// It returns where the key is written and the key itself, so outputs can
// mask it; zero when the credential is computed (an environment variable).
func (x *extractor) literalKey(n *ast.CallExpression) (model.Span, string) {
	for _, a := range n.ArgumentList {
		h := x.member(a, "headers")
		for _, k := range []string{"Authorization", "authorization"} {
			e := x.member(h, k)
			if e == nil {
				continue
			}
			if sp, key := x.bearerKey(e); key != "" {
				return sp, key
			}
		}
	}
	return model.Span{}, ""
}

// minTemplateKey is the shortest text before a ${…} in a Bearer template
// taken for a key written there (shorter is a prefix such as "oaiq_").
const minTemplateKey = 8

// bearerKey reads the key an Authorization header's expression writes.
func (x *extractor) bearerKey(e ast.Expression) (model.Span, string) {
	if sp, s, ok := x.constString(e); ok {
		key := strings.TrimSpace(trimBearer(strings.TrimSpace(s)))
		if strings.HasPrefix(key, "${") && strings.HasSuffix(key, "}") {
			return sp, key // a template's slot in a plain string: the caller says so
		}
		if !pii.IsPlaceholderSecret(key) {
			return sp, key
		}
		return model.Span{}, ""
	}
	switch t := unwrap(e).(type) {
	case *ast.TemplateLiteral:
		if t.Tag != nil || len(t.Elements) == 0 {
			break
		}
		if head := strings.TrimSpace(trimBearer(t.Elements[0].Parsed.String())); len(head) >= minTemplateKey && !pii.IsPlaceholderSecret(head) {
			return x.span(e), head // the key written before a ${…}
		}
		if len(t.Expressions) == 1 && strings.TrimSpace(trimBearer(t.Elements[0].Parsed.String())) == "" {
			return x.constKey(t.Expressions[0])
		}
	case *ast.BinaryExpression:
		if t.Operator != token.PLUS {
			break
		}
		if _, s, ok := x.constString(t.Left); ok && strings.TrimSpace(trimBearer(s)) == "" {
			return x.constKey(t.Right)
		}
	}
	return model.Span{}, ""
}

// constKey is the key a name bound once to a string literal holds.
func (x *extractor) constKey(e ast.Expression) (model.Span, string) {
	if _, isID := unwrap(e).(*ast.Identifier); !isID {
		return model.Span{}, ""
	}
	if sp, s, ok := x.constString(e); ok && !pii.IsPlaceholderSecret(s) {
		return sp, strings.TrimSpace(s)
	}
	return model.Span{}, ""
}

// constString is a string literal, or the literal a constant name is bound
// to, with where that literal is written.
func (x *extractor) constString(e ast.Expression) (model.Span, string, bool) {
	e = unwrap(e)
	if id, isID := e.(*ast.Identifier); isID {
		b := x.consts[id.Name.String()]
		if !b.constant() {
			return model.Span{}, "", false
		}
		e = b.init
	}
	if v := x.literal(e); v != nil && v.Kind == model.String {
		return x.span(e), v.Str, true
	}
	return model.Span{}, "", false
}

// trimBearer drops the "Bearer" scheme before a token.
func trimBearer(s string) string {
	if len(s) >= 6 && strings.EqualFold(s[:6], "bearer") {
		return s[6:]
	}
	return s
}
