<%@ page contentType="text/html;charset=UTF-8" %>
<%-- JSP and JSF print ${…}, #{…} and <%= … %>: what they print is dynamic, never a literal mistake (review F2). A "%>" in a comment does not end it. --%>
<!doctype html>
<html>
<head>
<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
<script>
  window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };
  oaiq("init", { pixelId: "${pixelId}" }); // want "dynamic-value" severity=info col=27 msg=/pixelId is computed \(\$\{pixelId\}\)/
  oaiq("measure", "order_created", { type: "contents", amount: ${order.cents}, currency: "#{order.currency}" }); // want "dynamic-value" severity=info col=64 "dynamic-value" severity=info col=90 msg=/#\{order.currency\}/
  oaiq("measure", "order_created", { type: "contents", amount: <%= cents %>, currency: "${fn:escapeXml(cur)}" }); // want "dynamic-value" severity=info col=64 "dynamic-value" severity=info col=88
  // EL computes in Java: its arithmetic is the server's; "* 100" outside it is the page's JavaScript.
  oaiq("measure", "order_created", { type: "contents", amount: ${order.total * 100}, currency: "EUR" }); // want "dynamic-value" severity=info col=64
  oaiq("measure", "order_created", { type: "contents", amount: ${order.total} * 100, currency: "EUR" }); // want "amount-expression" severity=warning col=64 msg=/not rounded/
  // "\${" reaches the browser as "${": a JavaScript template literal's, computed there.
  oaiq("init", { pixelId: `\${window.cfg.pixelId}` }); // want "dynamic-value" severity=info col=27
  // Literals beside templates are still judged.
  oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "usd" }); // want "amount-not-integer" col=64 "currency-code" col=81
</script>
</head>
<body>
<img src="https://bzr.openai.com/v1/sdk/events?pid=${pixelId}&event=order_created&data[type]=contents&data[amount]=${order.cents}&data[currency]=${order.currency}" width="1" height="1" style="display:none" alt=""> <!-- want "dynamic-value" severity=info col=52 msg=/pixel id is computed \(\$\{pixelId\}\)/ "dynamic-value" severity=info col=116 "dynamic-value" severity=info col=146 -->
<img src="https://bzr.openai.com/v1/sdk/events?pid=YOUR_PIXEL_ID&event=order_created&data[type]=contents&data[amount]=${order.cents}&data[currency]=EUR" width="1" height="1" style="display:none" alt=""> <!-- want "init-pixel-id-placeholder" col=52 "dynamic-value" severity=info col=119 -->
</body>
</html>
