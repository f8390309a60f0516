<!doctype html>
<html>
<head>
<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-<?= $nonce ?>' 'strict-dynamic'; connect-src https://bzr.openai.com https://bzrcdn.openai.com; img-src https://bzr.openai.com">
<script<?= $nonce_attr ?>>
  (function (w, d, s, u) {
    if (w.oaiq) return;
    var q = function () { q.q.push(arguments); };
    q.q = [];
    w.oaiq = q;
    var js = d.createElement(s);
    js.async = true;
    js.src = u;
    var f = d.getElementsByTagName(s)[0];
    f.parentNode.insertBefore(js, f);
  })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");
  oaiq("init", { pixelId: "px_shop_42" });
</script>
</head>
<body>
<script<?php echo $nonce_attr; ?>>
  oaiq("measure", "order_created", { type: "contents", amount: 1000, currency: "EUR" });
</script>
</body>
</html>
