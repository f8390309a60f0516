// oaiq-lint's stand-in for the pixel SDK. It is evaluated in every new
// document before the page's own scripts (hook mode) and served in place
// of the real SDK (SDK mode). It sends nothing anywhere: every call and
// fact goes to a binding of the DevTools session whose name is drawn for
// each tab, which hook mode takes off the window before any page script
// runs; each record carries a key drawn for the tab, so a record the page
// makes up (through a frame the hook never ran in) is dropped.
(function (asSDK, binding, key, sdkHost) {
  "use strict";
  if (asSDK) {
    // Handed over once, and only to a script served from the SDK host.
    var r = window.__oaiqRecorder;
    if (r) r.sdkLoaded(document.currentScript);
    return;
  }
  var send = window[binding];
  if (typeof send !== "function") return;
  try { delete window[binding]; } catch (e) { /* the key still guards it */ }
  var stringify = JSON.stringify; // the page may replace it later
  var rec = makeRecorder();
  var handed = new WeakSet();
  try {
    Object.defineProperty(window, "__oaiqRecorder", {
      get: function () {
        var el = document.currentScript;
        if (!el || handed.has(el)) return undefined;
        var host = "";
        try { host = new URL(el.src).hostname; } catch (e) { return undefined; }
        if (host !== sdkHost) return undefined;
        handed.add(el);
        return rec;
      }
    });
  } catch (e) { /* defined already: no SDK load is recorded in this document */ }

  function makeRecorder() {
    var seq = 0;
    var doc = performance.timeOrigin;
    var seen = new WeakSet(); // queue entries already recorded when called
    var current = window.oaiq; // the page's window.oaiq (wrapped once hooked)
    var sdkFn = null;

    function emit(o) {
      o.seq = seq++;
      o.doc = doc;
      o.href = String(location.href);
      try { send(key + stringify(o)); } catch (e) { /* unserialisable: dropped */ }
    }

    // copy deep-copies a value as a tagged tree, so later mutation by the
    // page cannot change what was sent, and undefined, NaN and functions
    // survive JSON.
    function copy(v, depth, path) {
      if (v === undefined) return { t: "undefined" };
      if (v === null) return { t: "null" };
      switch (typeof v) {
        case "boolean": return { t: "bool", b: v };
        case "number": return isFinite(v) ? { t: "num", n: v, r: String(v) } : { t: "num", r: String(v) };
        case "string": return { t: "str", s: v };
        case "bigint": return { t: "dyn", r: String(v) + "n" };
        case "symbol": return { t: "dyn", r: String(v) };
        case "function": return { t: "dyn", r: "function " + (v.name || "(anonymous)") };
      }
      if (depth > 20 || path.indexOf(v) >= 0) return { t: "dyn", r: "[circular or too deep]" };
      if (typeof Node !== "undefined" && v instanceof Node) return { t: "dyn", r: "[DOM " + v.nodeName + "]" };
      if (v instanceof Date) return { t: "dyn", r: "Date(" + (isNaN(v) ? "invalid" : v.toISOString()) + ")" };
      path = path.concat([v]);
      if (Array.isArray(v) || Object.prototype.toString.call(v) === "[object Arguments]") {
        var items = [];
        for (var i = 0; i < v.length; i++) items.push(copy(v[i], depth + 1, path));
        return { t: "arr", i: items };
      }
      var fields = [];
      var keys;
      try { keys = Object.keys(v); } catch (e) { return { t: "dyn", r: "[unreadable object]" }; }
      for (var k = 0; k < keys.length; k++) {
        var fv;
        try { fv = copy(v[keys[k]], depth + 1, path); } catch (e) { fv = { t: "dyn", r: "[getter threw]" }; }
        fields.push({ k: keys[k], v: fv });
      }
      return { t: "obj", f: fields };
    }

    function record(args, stack) {
      var out = [];
      for (var i = 0; i < args.length; i++) out.push(copy(args[i], 0, []));
      emit({ kind: "call", args: out, stack: stack || "" });
    }

    function stackHere() {
      var limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 20;
      var s = String(new Error().stack || "");
      Error.stackTraceLimit = limit;
      return s;
    }

    // wrap records each call at the moment it is made (with its call site)
    // and still lets the page's own function (the queue stub) run.
    function wrap(f) {
      if (typeof f !== "function" || f === sdkFn) return f;
      return new Proxy(f, {
        apply: function (target, self, args) {
          record(args, stackHere());
          var q = target.q;
          var before = Array.isArray(q) ? q.length : 0;
          var result = Reflect.apply(target, self, args);
          if (Array.isArray(q)) for (var i = before; i < q.length; i++) if (q[i] && typeof q[i] === "object") seen.add(q[i]);
          return result;
        }
      });
    }

    // script describes the <script> running now: where it is and when.
    function script(el) {
      var head = document.head;
      var o = { ready: document.readyState, el: !!el, inHead: false, preceding: 0, src: "", async: false };
      if (!el) return o;
      o.src = el.src || "";
      o.async = !!(el.async || el.defer);
      o.inHead = !!(head && head.contains(el));
      if (o.inHead) {
        var before = head.querySelectorAll('script[src], link[rel~="stylesheet" i]');
        for (var i = 0; i < before.length; i++) {
          if (before[i] !== el && (before[i].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) o.preceding++;
        }
      }
      return o;
    }

    try {
      Object.defineProperty(window, "oaiq", {
        configurable: true,
        enumerable: true,
        get: function () { return current; },
        set: function (v) {
          if (current === undefined && typeof v === "function") {
            var s = script(document.currentScript);
            s.kind = "stub";
            s.queue = Array.isArray(v.q);
            emit(s);
          }
          current = wrap(v);
        }
      });
    } catch (e) { /* the page defined oaiq first: the SDK drain still sees its queue */ }

    document.addEventListener("securitypolicyviolation", function (e) {
      emit({ kind: "csp", blocked: String(e.blockedURI || ""), directive: String(e.effectiveDirective || e.violatedDirective || ""),
        policy: String(e.originalPolicy || ""), disposition: String(e.disposition || ""),
        file: String(e.sourceFile || ""), line: e.lineNumber || 0, column: e.columnNumber || 0 });
    }, true);

    return {
      // sdkLoaded runs where the real SDK would start: it notes where it was
      // loaded from and with which URL, records queued calls not seen
      // yet, and takes over window.oaiq to record later calls.
      sdkLoaded: function (el) {
        var s = script(el);
        s.kind = "sdk";
        emit(s);
        var q = current && current.q;
        if (Array.isArray(q)) {
          for (var i = 0; i < q.length; i++) if (!(q[i] && typeof q[i] === "object" && seen.has(q[i]))) record(q[i] || [], "");
        }
        sdkFn = function () { record(arguments, stackHere()); };
        sdkFn.loaded = true;
        current = sdkFn;
      }
    };
  }
})(/*SDK*/false, /*BINDING*/"", /*KEY*/"", /*SDKHOST*/"");
