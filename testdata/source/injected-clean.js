// Strings that are not injected as code, or hold no pixel call, stay text.
var p = document.createElement("p");
p.title = "oaiq('track', 'x')";
p.textContent = "oaiq('track', 'x')";
document.querySelector("#code").innerText = "oaiq('track', 'x')";
console.log("oaiq('track', 'x')");
var s = document.createElement("script");
s.text = "window.dataLayer = window.dataLayer || [];";
s.textContent = "oaiq('measure', 'lead_created', { type: 'customer_action' });";
document.body.insertAdjacentHTML("beforeend", "<p>Tracking with oaiq</p>");
