package extract

import (
	"testing"
)

func TestEventHandlerAttributes(t *testing.T) {
	page := "<!DOCTYPE html><html><head></head><body>\n" +
		`<button onclick="oaiq('measure', 'add_to_cart', {type: 'contents'}); return false;">Add</button>` + "\n" +
		`<form onsubmit="oaiq(&quot;consent&quot;, false)"></form>` + "\n" +
		`<a href=" JavaScript:oaiq('measure',%20'lead')">x</a>` + "\n" +
		`<div ONCLICK='window.oaiq("measure", "é")'></div>` + "\n" +
		`<a href="/oaiq" data-oaiq="oaiq('x')" title="oaiq('measure')">not scripts</a>` + "\n" +
		`<button onclick="track()">no pixel</button>` + "\n" +
		"</body></html>"
	doc, _ := Page("p.html", []byte(page), Options{})
	checkCalls(t, doc, []wantCall{
		{"measure", "2:18-2:68"},
		{"consent", "3:17-3:49"},
		{"measure", "4:22-4:47"},
		{"measure", "5:15-5:42"},
	})
	for _, c := range doc.Calls {
		if !c.Deferred {
			t.Errorf("%s at %s: not deferred", c.Command(), at(c.Span))
		}
	}
	if s, _ := doc.Calls[1].Arg(0).StringValue(); s != "consent" || at(doc.Calls[1].Arg(0).Span) != "3:22-3:41" {
		t.Errorf("decoded argument %q at %s, want consent at 3:22-3:41", s, at(doc.Calls[1].Arg(0).Span))
	}
	if len(doc.ScriptFailures) != 0 {
		t.Errorf("script failures %+v", doc.ScriptFailures)
	}
}

func TestScriptCallsAreNotDeferred(t *testing.T) {
	doc, _ := Page("p.html", []byte(`<script>oaiq("init", {}); document.onclick = function () { oaiq("consent", false); };</script>`), Options{})
	if len(doc.Calls) != 2 || doc.Calls[0].Deferred || !doc.Calls[1].Deferred {
		t.Fatalf("calls %+v, want init not deferred and consent deferred", doc.Calls)
	}
}

func TestComponentEventHandlers(t *testing.T) {
	vue := "<template>\n  <button @click=\"oaiq('measure', 'add_to_cart')\">Add</button>\n" +
		"  <form v-on:submit.prevent=\"oaiq('consent', false)\"></form>\n  <p :title=\"oaiq\">no handler</p>\n</template>\n" +
		"<script setup lang=\"ts\">\nconst n: number = 1\n</script>\n"
	doc, _ := SFC("c.vue", []byte(vue), Options{})
	checkCalls(t, doc, []wantCall{{"measure", "2:19-2:49"}, {"consent", "3:30-3:52"}})
	svelte := "<script>\n  let n = 1;\n</script>\n<button on:click=\"{() => oaiq('measure', 'lead')}\">Add</button>\n"
	doc, _ = SFC("c.svelte", []byte(svelte), Options{})
	checkCalls(t, doc, []wantCall{{"measure", "4:26-4:49"}})
	if !doc.Calls[0].Deferred {
		t.Error("svelte handler call not deferred")
	}
}
