<?php $total = $order->total(); ?>
<!doctype html>
<html>
<head>
<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
<script>
  window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };
  oaiq("init", { pixelId: "px_shop_42", user: { email_sha256: "<?= hash('sha256', strtolower(trim($email))) ?>" } }); // want "dynamic-value" severity=info
</script>
</head>
<body>
<script>
  oaiq("measure", "order_created", { type: "contents", amount: <?php echo $total * 100; ?>, currency: "EUR" }); // want "dynamic-value" severity=info
  oaiq('track', 'Purchase', { value: <?= $total ?> }); // want "command-unknown"
</script>
</body>
</html>
