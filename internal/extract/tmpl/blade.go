package tmpl

import (
	"bytes"
	"strings"
)

// Blade masks Laravel Blade directives in text already masked by Mask:
// @js($x) and @json($x) print a value (an identifier of the same length),
// every other @word and @word(…) (@if, @auth, @endauth, @foreach, @csrf…)
// prints no script text (blanks, newlines kept). @@ and @{{ are Blade's
// escapes and stay. It is meant for .blade.php files only: elsewhere "@"
// starts a decorator or stands in an address. spans are Mask's, and the
// result's spans are sorted.
func Blade(text []byte, spans []Span) ([]byte, []Span) {
	if bytes.IndexByte(text, '@') < 0 {
		return text, spans
	}
	o := newOverlay(text, spans)
	noEndphp := false
	for i := 0; i < len(text); i++ {
		j := bytes.IndexByte(text[i:], '@')
		if j < 0 {
			break
		}
		i += j
		if i > 0 && (isWordByte(text[i-1]) || text[i-1] == '@') {
			continue // an address, or the escape @@
		}
		w := i + 1
		for w < len(text) && (text[w] >= 'a' && text[w] <= 'z' || text[w] >= 'A' && text[w] <= 'Z') {
			w++
		}
		if w == i+1 {
			continue
		}
		word := string(text[i+1 : w])
		if !bladeDirectives[word] {
			continue // @click="…" (Alpine.js, Vue) and other attributes are markup
		}
		end := w
		// Arguments: @if ($a && ($b)) — balanced parentheses on the same
		// directive, strings skipped.
		k := w
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k < len(text) && text[k] == '(' {
			if e, ok := o.balancedEnd(text, k, '(', ')'); ok {
				end = e
			} else {
				continue
			}
		} else if bladeNeedsArgs[word] {
			continue
		}
		if word == "php" && end == w && !noEndphp {
			// @php … @endphp holds PHP code, no script text.
			if e := bytes.Index(text[end:], []byte("@endphp")); e >= 0 {
				end += e + len("@endphp")
			} else {
				noEndphp = true // none further on: not searched again
			}
		}
		i = o.mask(i, end, word == "js" || word == "json") - 1
	}
	return o.result()
}

// bladeDirectives are Blade's built-in directives; any other @word is left
// as written.
var bladeDirectives = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`if elseif else endif unless endunless isset endisset empty endempty
		auth endauth guest endguest production endproduction env endenv hasSection sectionMissing
		switch case break default endswitch for endfor foreach endforeach forelse endforelse while endwhile continue
		php endphp include includeIf includeWhen includeUnless includeFirst each once endonce
		push endpush pushOnce endPushOnce prepend endprepend prependOnce endPrependOnce stack
		section endsection yield show stop append overwrite extends parent hasstack
		csrf method error enderror js json can endcan cannot endcannot canany endcanany
		vite viteReactRefresh livewireStyles livewireScripts livewire props aware
		class style checked selected disabled readonly required lang choice dd dump inject
		fragment endfragment session endsession use`) {
		m[w] = true
	}
	return m
}()

// bladeNeedsArgs are directives that are only directives with arguments:
// a bare @js or @json is left as written.
var bladeNeedsArgs = map[string]bool{"js": true, "json": true, "if": true, "elseif": true, "foreach": true, "for": true, "while": true, "isset": true, "unless": true, "include": true}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80
}
