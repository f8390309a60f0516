// Snippets held in strings and injected later are read as scripts.
var s = document.createElement("script");
s.text = "oaiq('init', { pixelId: 'px_live_5a3c9e1f' });\noaiq('measure', 'lead_created', { type: 'lead' });"; // want "data-type-mismatch" col=99
document.head.appendChild(s);
var t = document.createElement("script");
t.textContent = `oaiq("measure", "order_created", { type: "contents", amount: ${total}, currency: "usd" });`; // want "dynamic-value" severity=info col=79 "currency-code" col=99
document.write('<script>oaiq("consent", "yes")<\/script>'); // want "consent-value" col=41
document.head.insertAdjacentHTML("beforeend", "<script>" + "oaiq('track', 'x');" + "</script>"); // want "command-unknown" col=66
$("head").append('<script>!function(w,d,s,u){if(w.oaiq)return;var q=function(){q.q.push(arguments)};q.q=[];w.oaiq=q;var js=d.createElement(s);js.async=!0;js.src=u;var f=d.getElementsByTagName(s)[0];f.parentNode.insertBefore(js,f)}(window,document,"script","https://bzrcdn.openai.com/sdk/oaiq.min.js");</script>'); // want "snippet-late" col=27
const pixelCode = "oaiq('init', { pixelId: '" + window.PIXEL_ID + "' });" + // want "dynamic-value" severity=info col=44
  "oaiq('measure', 'order_created', { type: 'contents', amount: 19.99, currency: 'USD' });"; // want "amount-not-integer" col=65
var t2 = document.createElement("script");
t2.text = pixelCode;
