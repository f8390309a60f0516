<!doctype html>
<html>
<head>
<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
<script>
  window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };
  oaiq("init", { pixelId: @js($pixelId) }); // want "dynamic-value" severity=info
@auth
  oaiq("init", { user: { email: "{{ auth()->user()->email }}" } }); // want "pii-raw"
@endauth
@if ($order)
  oaiq("measure", "order_created", { type: "contents", amount: {!! $order->cents !!}, currency: "usd" }); // want "dynamic-value" severity=info "currency-code"
@endif
</script>
</head>
<body>
<p>Write to hello@example.com, or @@mention us.</p>
<button @click="oaiq('measure', 'lead_created', { type: 'lead' })">Alpine.js</button> <!-- want "data-type-mismatch" -->
@foreach ($items as $item)
<script>
  oaiq("measure", "items_added", { type: "contents", amount: {{ $item->cents }}, currency: "EUR" }); // want "dynamic-value" severity=info
@php
  $x = 1;
@endphp
  oaiq("measure", "lead_created", { type: "customer_action" });
</script>
@endforeach
</body>
</html>
