# want "parse-error" severity=info col=1 msg=/^Python source is not read: .*nothing in this file was checked/ hint=/oaiq-lint log/
# Python is not read: one info says nothing was checked, not a JavaScript syntax error.
import os, requests
requests.post("https://bzr.openai.com/v1/events?pid=px_abc123", json={"events": []}, headers={"Authorization": f"Bearer {os.environ['OAIQ_KEY']}"})
