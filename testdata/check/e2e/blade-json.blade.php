<!doctype html>
<html>
<head>
<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
<script>
  window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };
  oaiq("init", @json($pixelConfig)); // want "dynamic-value" severity=info
@unless ($consented)
  oaiq("consent", "false"); // want "consent-value"
@endunless
@isset($order)
  oaiq("measure", "order_created", @json($order->pixelData())); // want "dynamic-value" severity=info
@endisset
</script>
</head>
<body><a href="mailto:shop@example.com">shop@example.com</a></body>
</html>
