package extract

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

func TestTemplateAfterScriptName(t *testing.T) {
	stub := snippet.MustGenerate(snippet.Options{PixelID: "px_1"})
	body := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(stub), "<script>"), "</script>")
	for _, open := range []string{
		"<script<?= $nonce ?>>", "<script<%= nonce_attr %>>", "<script{{ nonce_attr }}>",
		"<script{{{nonce_attr}}}>", "<script<?php echo $n; ?>>", "<SCRIPT{{ nonce_attr }}>",
		"<script <?= $nonce ?>>", `<script type="text/javascript"{{ nonce_attr }}>`,
	} {
		page := "<!doctype html><html><head>\n" + open + body + "</script></head><body></body></html>"
		doc, _ := Page("p.html", []byte(page), Options{})
		if len(doc.Calls) != 1 || len(doc.Page.Loaders) != 1 {
			t.Errorf("%s: %d calls, %d loaders; want 1, 1", open, len(doc.Calls), len(doc.Page.Loaders))
			continue
		}
		l := doc.Page.Loaders[0]
		if tag := open[len("<script") : len(open)-1]; !strings.Contains(tag, l.Nonce) || l.Nonce == "" || !strings.ContainsAny(l.Nonce, "{<") {
			t.Errorf("%s: loader nonce %q, want the template tag", open, l.Nonce)
		}
		if !l.InHead {
			t.Errorf("%s: loader not in head", open)
		}
	}
}

func TestTemplateAttrNonceOnlyOutsideValues(t *testing.T) {
	stub := snippet.MustGenerate(snippet.Options{PixelID: "px_1"})
	body := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(stub), "<script>"), "</script>")
	for open, want := range map[string]string{
		"<script>":                                "",
		`<script nonce="{{ .Nonce }}">`:           "{{ .Nonce }}",
		`<script data-x="{{ .X }}">`:              "",
		`<script nonce="abc" {{ attrs }}>`:        "abc",
		`<scripts{{ x }}><script>`:                "",
		`<script{% if csp %} nonce=x{% endif %}>`: "x",
	} {
		page := "<!doctype html><html><head>\n" + open + body + "</script></head><body></body></html>"
		doc, _ := Page("p.html", []byte(page), Options{})
		if len(doc.Page.Loaders) != 1 {
			t.Errorf("%s: %d loaders, want 1", open, len(doc.Page.Loaders))
			continue
		}
		if got := doc.Page.Loaders[0].Nonce; got != want {
			t.Errorf("%s: nonce %q, want %q", open, got, want)
		}
	}
}
