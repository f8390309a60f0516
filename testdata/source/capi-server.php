<?php // want "parse-error" severity=info col=1 msg=/^PHP source is not read/
// PHP code with no markup outside it posts to the Conversions API: not read, and said so.
$ch = curl_init("https://bzr.openai.com/v1/events?pid=px_abc123");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: Bearer " . getenv("OAIQ_KEY")]);
curl_exec($ch);
