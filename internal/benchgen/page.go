//go:build oaiqtools

package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// loaderSnippet is the documented snippet, as most sites paste it.
var loaderSnippet = strings.TrimSpace(snippet.Loader)

// pageGen writes one page. Its shares (loader placement, mistakes,
// templates, minified pages) follow what real sites look like.
type pageGen struct {
	r        *rand.Rand
	n        int
	b        strings.Builder
	template bool // a Liquid template rather than a built page
	minified bool // everything on one line, as HTML minifiers write it
}

func newPageGen(r *rand.Rand, n int) *pageGen {
	g := &pageGen{r: r, n: n}
	g.template = r.IntN(100) < 8
	g.minified = !g.template && r.IntN(100) < 10
	return g
}

// page returns the page and its file extension.
func (g *pageGen) page() ([]byte, string) {
	size := 20_000 + g.r.IntN(280_000)
	loader := g.r.IntN(100) // < 80 in head, < 88 late in body, else none
	g.line("<!doctype html>")
	g.line(`<html lang="en">`)
	g.line("<head>")
	g.head(loader < 80)
	g.line("</head>")
	g.line(`<body class="page page-` + g.word() + `">`)
	g.nav()
	if loader >= 80 && loader < 88 {
		g.loader()
	}
	calls := g.r.IntN(7)
	// Calls are spread through the body; filler fills the size between.
	for i := 0; i <= calls; i++ {
		for g.b.Len() < size*(i+1)/(calls+1) {
			g.block()
		}
		if i < calls {
			g.call()
		}
	}
	g.footer()
	g.line("</body>")
	g.line("</html>")
	ext := ".html"
	if g.template {
		ext = ".liquid"
	}
	return []byte(g.b.String()), ext
}

func (g *pageGen) line(s string) {
	g.b.WriteString(s)
	if !g.minified {
		g.b.WriteByte('\n')
	}
}

func (g *pageGen) linef(format string, args ...any) { g.line(fmt.Sprintf(format, args...)) }

var words = strings.Fields(`outdoor trail tent summit river canyon alpine forest meadow harbor
	lantern compass kettle blanket ridge valley granite cedar maple willow ember frost
	journey season bundle starter classic deluxe compact travel family weekend`)

func (g *pageGen) word() string { return words[g.r.IntN(len(words))] }

func (g *pageGen) words(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
	}
	return strings.Join(ws, " ")
}

func (g *pageGen) head(loader bool) {
	g.line(`<meta charset="utf-8">`)
	g.line(`<meta name="viewport" content="width=device-width, initial-scale=1">`)
	g.linef(`<title>%s — Acme Outdoor</title>`, g.title())
	g.linef(`<meta name="description" content="%s">`, g.words(20))
	g.linef(`<meta property="og:title" content="%s">`, g.title())
	g.linef(`<meta property="og:image" content="https://cdn.acme.example/og/%d.jpg">`, g.n)
	g.linef(`<link rel="canonical" href="https://acme.example/p/%d">`, g.n)
	if g.r.IntN(100) < 20 {
		g.line(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline' ` + pixel.SDKOrigin + ` https://www.googletagmanager.com; connect-src 'self' ` + pixel.EventsOrigin + ` ` + pixel.SDKOrigin + `; img-src * data:">`)
	}
	if loader {
		g.loader()
	}
	for i := range 3 + g.r.IntN(6) {
		g.linef(`<link rel="stylesheet" href="/assets/css/%s-%d.css?v=%x">`, g.word(), i, g.r.Uint32())
	}
	g.linef(`<link rel="preload" as="font" href="/assets/fonts/inter-%d.woff2" crossorigin>`, g.r.IntN(9)*100)
	g.line(`<script async src="https://www.googletagmanager.com/gtag/js?id=G-ACME123"></script>`)
	g.analytics()
	g.linef(`<script defer src="/assets/js/app.%x.js"></script>`, g.r.Uint32())
	g.jsonLD()
	g.style()
	g.state()
}

func (g *pageGen) title() string {
	if g.template {
		return "{{ page.title | escape }}"
	}
	return strings.ToUpper(g.word()[:1]) + g.words(3)[1:]
}

func (g *pageGen) loader() {
	g.line("<script>")
	g.line(g.js(loaderSnippet))
	switch g.r.IntN(20) {
	case 0:
		g.line(`oaiq("init", { pixelId: "px_acme_outdoor_01", debug: true });`)
	case 1:
		g.line(`oaiq("init", { pixelId: "<YOUR-PIXEL-ID>" });`)
	case 2:
		g.line(`oaiq("init", { pixelId: "px_acme_outdoor_01", user: { email: "jane.doe@example.com" } });`)
	default:
		if g.template {
			g.line(`oaiq("init", { pixelId: "{{ settings.pixel_id }}" });`)
		} else {
			g.line(`oaiq("init", { pixelId: "px_acme_outdoor_01" });`)
		}
	}
	g.line("</script>")
}

// js returns code as written, or squeezed to one line on minified pages.
func (g *pageGen) js(code string) string {
	if !g.minified {
		return code
	}
	return strings.Join(strings.Fields(code), " ")
}

// analytics is a large inline script that never mentions the pixel.
func (g *pageGen) analytics() {
	g.line("<script>")
	g.line(`window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag("js", new Date());gtag("config", "G-ACME123", { send_page_view: true });`)
	for i := range 20 + g.r.IntN(120) {
		g.linef(`  var t%d = document.querySelectorAll("[data-track='%s-%d']"); for (var i = 0; i < t%d.length; i++) { t%d[i].addEventListener("click", function (e) { gtag("event", "%s", { value: %d, label: e.target.textContent }); }); }`,
			i, g.word(), i, i, i, g.word(), g.r.IntN(1000))
	}
	g.line("</script>")
}

func (g *pageGen) jsonLD() {
	g.line(`<script type="application/ld+json">`)
	g.b.WriteString(`{"@context":"https://schema.org","@type":"ItemList","itemListElement":[`)
	for i := range 10 + g.r.IntN(80) {
		if i > 0 {
			g.b.WriteByte(',')
		}
		fmt.Fprintf(&g.b, `{"@type":"Product","position":%d,"name":"%s","sku":"sku_%d","offers":{"@type":"Offer","price":"%d.%02d","priceCurrency":"USD"}}`,
			i+1, g.words(3), g.r.IntN(99999), g.r.IntN(500), g.r.IntN(100))
	}
	g.line("]}")
	g.line("</script>")
}

func (g *pageGen) style() {
	g.line("<style>")
	for i := range 20 + g.r.IntN(100) {
		g.linef(`.%s-%d > .card:hover { color: #%06x; margin: %dpx %dpx; transition: all .2s ease-in-out; }`,
			g.word(), i, g.r.IntN(1<<24), g.r.IntN(40), g.r.IntN(40))
	}
	g.line("</style>")
}

// state is a framework's serialized state: the largest script on many pages.
func (g *pageGen) state() {
	if g.r.IntN(2) == 0 {
		g.line(`<script id="__NEXT_DATA__" type="application/json">`)
	} else {
		g.line(`<script>window.__INITIAL_STATE__ = `)
	}
	g.b.WriteString(`{"props":{"pageProps":{"products":[`)
	for i := range 20 + g.r.IntN(300) {
		if i > 0 {
			g.b.WriteByte(',')
		}
		fmt.Fprintf(&g.b, `{"id":"sku_%d","title":"%s","price":%d,"tags":["%s","%s"],"html":"\u003cp\u003e%s\u003c/p\u003e"}`,
			g.r.IntN(99999), g.words(3), g.r.IntN(50000), g.word(), g.word(), g.words(12))
	}
	g.line(`]}}}`)
	g.line("</script>")
}

func (g *pageGen) nav() {
	g.line(`<header class="site-header"><nav><ul>`)
	for range 8 + g.r.IntN(20) {
		w := g.word()
		g.linef(`<li class="nav-item"><a href="/c/%s" data-track="%s-nav">%s</a></li>`, w, w, w)
	}
	g.line(`</ul></nav></header>`)
}

// block is filler markup: product cards, prose, a table.
func (g *pageGen) block() {
	switch g.r.IntN(4) {
	case 0, 1:
		g.line(`<section class="grid">`)
		for range 4 + g.r.IntN(8) {
			id := g.r.IntN(99999)
			price := fmt.Sprintf("%d,%02d&nbsp;€", g.r.IntN(500), g.r.IntN(100))
			if g.template {
				price = "{{ product.price | money }}"
			}
			g.linef(`<div class="card item-%d" data-id="sku_%d"><a href="/p/%d"><img src="/i/%d.jpg" alt="%s — déjà vu" loading="lazy" width="320" height="240"></a><h3>%s</h3><p class="price">%s</p><button type="button" class="btn btn-primary" data-track="%s-add">Add to cart</button></div>`,
				id, id, id, id, g.words(2), g.words(3), price, g.word())
		}
		g.line(`</section>`)
	case 2:
		g.linef(`<article><h2>%s</h2><p>%s</p><p>%s <em>%s</em> &amp; %s.</p></article>`,
			g.words(4), g.words(60), g.words(40), g.word(), g.words(30))
		if g.template {
			g.line(`{% if customer %}<p>Welcome back, {{ customer.first_name }}</p>{% endif %}`)
		}
	default:
		g.line(`<table class="specs"><tbody>`)
		for range 5 + g.r.IntN(10) {
			g.linef(`<tr><th scope="row">%s</th><td>%d g</td><td>%s</td></tr>`, g.word(), g.r.IntN(5000), g.words(5))
		}
		g.line(`</tbody></table>`)
	}
}

func (g *pageGen) footer() {
	g.linef(`<footer><p>&copy; 2026 Acme Outdoor. %s</p></footer>`, g.words(10))
	g.linef(`<script src="/assets/js/vendor.%x.js"></script>`, g.r.Uint32())
}

// call writes one measure call; about one in four carries a mistake a
// real integration makes.
func (g *pageGen) call() {
	id := fmt.Sprintf("sku_%d", g.r.IntN(99999))
	amount := fmt.Sprint(500 + g.r.IntN(50000))
	if g.template {
		amount = "{{ checkout.total_price }}"
	}
	event, currency, typ := "items_added", `"USD"`, `type: "contents", `
	switch g.r.IntN(5) {
	case 0:
		event = "checkout_started"
	case 1:
		event = "order_created"
	case 2:
		event = "contents_viewed"
	}
	extra := ""
	switch g.r.IntN(16) {
	case 0:
		currency = `"usd"`
	case 1:
		amount = fmt.Sprintf("%d.%02d", g.r.IntN(500), g.r.IntN(100))
	case 2:
		event = "item_added"
	case 3:
		typ = ""
	case 4:
		extra = `, customer_email: "jane.doe@example.com"`
	}
	code := fmt.Sprintf(`document.querySelector("[data-id='%s'] button").addEventListener("click", function () {
    oaiq("measure", "%s", {
      %samount: %s,
      currency: %s,
      contents: [{ id: "%s", name: "%s", content_type: "product", quantity: %d }]%s,
    });
  });`, id, event, typ, amount, currency, id, g.words(2), 1+g.r.IntN(3), extra)
	g.line("<script>")
	g.line(g.js(code))
	g.line("</script>")
}
