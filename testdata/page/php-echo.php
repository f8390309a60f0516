<!doctype html>
<html>
<head>
<?php /* A PHP tag that only prints a literal without escapes or interpolation prints it as written: its pixel code is read where it stands (review B3). */ ?>
<?php echo '<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>'; ?>
<?php echo '<script>window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); }; oaiq("init", { pixelId: "YOUR_PIXEL_ID" });</script>'; ?> <!-- want "init-pixel-id-placeholder" col=132 -->
</head>
<body>
<?php if ($order): ?>
<?= '<script>oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "usd" });</script>' ?> <!-- want "amount-not-integer" col=75 "currency-code" col=92 -->
<?php echo "<script>oaiq('measure', 'lead_created', { type: 'lead' });</script>"; ?> <!-- want "data-type-mismatch" col=61 -->
<?php
// Printed with interpolation or escapes, what the server prints is not the text as written: not read.
?>
<?php echo "<script>oaiq(\"measure\", \"order_created\", { amount: $cents, currency: \"usd\" });</script>"; ?>
<?php echo '<script>oaiq(\'measure\', \'order_created\', { amount: 25.99 });</script>'; ?>
<?php echo '<script>oaiq("measure", "order_created", { amount: ' . $cents . ' });</script>'; ?>
<?php endif; ?>
</body>
</html>
