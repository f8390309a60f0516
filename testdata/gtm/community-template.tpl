___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "displayName": "OAIQ conversion (community)",
  "containerContexts": ["WEB"]
}


___TEMPLATE_PARAMETERS___

[
  {"type": "TEXT", "name": "pixelId", "displayName": "Pixel ID"},
  {"type": "TEXT", "name": "eventName", "displayName": "Event"},
  {"type": "TEXT", "name": "value", "displayName": "Value"},
  {"type": "TEXT", "name": "currency", "displayName": "Currency"}
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const injectScript = require('injectScript');
const callInWindow = require('callInWindow');
const makeInteger = require('makeInteger');

const amount = makeInteger(data.value);
callInWindow('oaiq', 'init', { pixelId: data.pixelId });
callInWindow('oaiq', 'measure', 'order_complete', { type: 'contents', amount: amount, currency: data.currency });
injectScript('https://cdn.example.net/oaiq.min.js', data.gtmOnSuccess, data.gtmOnFailure);


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {"publicId": "inject_script", "versionId": "1"},
      "param": [
        {"key": "urls", "value": {"type": 2, "listItem": [
          {"type": 1, "string": "https://cdn.example.net/*"}
        ]}}
      ]
    },
    "isRequired": true
  }
]
