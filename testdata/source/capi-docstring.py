# want "parse-error" severity=info col=1 msg=/^Python source is not read/
"""Sends conversions. Example:

    curl -X POST https://bzr.openai.com/v1/events?pid=px_1 -H "Authorization: Bearer capi_docstring_key_0123456789"
"""
# The endpoint is only documented here, and the request below goes to
# another service with that service's token: no Conversions API key.
import requests
# POST https://bzr.openai.com/v1/events with "Authorization: Bearer capi_comment_key_0123456789"
requests.post("https://llm.internal/v1/chat", headers={"Authorization": "Bearer internal-service-token-1"})
