# want "parse-error" severity=info col=1 msg=/^Python source is not read: .*nothing in this file was checked/ hint=/oaiq-lint log/
# Python is not read: one info says so, not a JavaScript syntax error. A key
# written as a literal Bearer token is found by its text; one read from the
# environment, in an f-string or concatenated, is not a finding.
import os, requests
URL = "https://bzr.openai.com/v1/events?pid=px_abc123"
requests.post(URL, json={"events": []}, headers={"Authorization": f"Bearer {os.environ['OAIQ_KEY']}"})
requests.post(URL, json={"events": []}, headers={"Authorization": "Bearer " + os.environ["OAIQ_KEY"]})
requests.post(URL, json={"events": []}, headers={"Authorization": "Bearer capi_fixture_key_0123456789"}) # want "capi-key-in-code" severity=warning col=75 hint=/^read the key from the environment or a secret store/
requests.post(URL, json={"events": []}, headers={"Authorization": "Bearer YOUR_CONVERSIONS_API_KEY"})
requests.post("https://llm.internal/v1/chat", headers={"Authorization": "Bearer internal-service-token-1"})
# A key bound to a name the header is built from is written in the code
# too (f-string, concatenation, % formatting); a name bound to the
# environment or to a placeholder is not.
API_KEY = "capi_fixture_key_9876543210" # want "capi-key-in-code" severity=warning col=12
requests.post(URL, json={"events": []}, headers={"Authorization": f"Bearer {API_KEY}"})
requests.post(URL, json={"events": []}, headers={"Authorization": "Bearer %s" % API_KEY})
ENV_KEY = os.environ["OAIQ_KEY"]
requests.post(URL, json={"events": []}, headers={"Authorization": "Bearer " + ENV_KEY})
PLACEHOLDER_KEY = "YOUR_CONVERSIONS_API_KEY"
requests.post(URL, json={"events": []}, headers={"Authorization": f"Bearer {PLACEHOLDER_KEY}"})
