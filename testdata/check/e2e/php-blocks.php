<!doctype html>
<html>
<head>
<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
<script>
  window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };
  oaiq("init", { pixelId: "<?php echo $pixelId ?>" }); // want "dynamic-value" severity=info
<?php if ($lead): ?>
  oaiq("measure", "lead_created", { type: "lead" }); // want "data-type-mismatch"
<?php elseif ($order): ?>
  oaiq("measure", "order_created", { type: "contents", amount: 25.5, currency: "EUR" }); // want "amount-not-integer"
<?php endif; ?>
<?php foreach ($items as $i) { ?>
  oaiq("measure", "items_added", { type: "contents", amount: <?= $i->cents ?>, currency: "EUR" }); // want "dynamic-value" severity=info
<?php } ?>
</script>
</head>
<body></body>
</html>
