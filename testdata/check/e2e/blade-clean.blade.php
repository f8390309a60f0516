<!doctype html>
<html>
<head>
<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
<script>
  window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };
  oaiq("init", { pixelId: "px_shop_42" });
@auth
  oaiq("init", { user: { email_sha256: @js(hash('sha256', strtolower(trim($email)))) } }); // want "dynamic-value" severity=info
@endauth
@guest
  oaiq("consent", true);
@endguest
</script>
</head>
<body></body>
</html>
