// A plain script using the browser's objects runs in the browser: its
// request is page code, and a key written in it is public.
document.querySelector("#buy").addEventListener("click", () => {
  fetch(`https://bzr.openai.com/v1/events?pid=${window.cfg.pid}`, { method: "POST", headers: { Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs" }, body: "{}" }); // want "server-api-in-browser" col=3 msg=/straight to https:\/\/bzr.openai.com\/v1\/events with fetch/ "capi-key-in-code" severity=error col=111 msg=/runs in the browser/
});
