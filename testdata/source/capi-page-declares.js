// A page script that declares names of its own (a parameter d, a const
// url) and uses the browser's document and location: still page code.
function total(d) { return d.querySelector("[data-cents]").dataset.cents; }
const url = location.href;
document.querySelector("#buy").addEventListener("click", () => {
  fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs" }, body: JSON.stringify({ events: [{ ...window.ev, source_url: url, data: { amount: Number(total(document)) } }] }) }); // want "server-api-in-browser" col=3 "capi-key-in-code" severity=error col=103 msg=/runs in the browser/
});
