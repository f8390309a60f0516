___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "displayName": "OAIQ events (community, custom names)"
}


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const injectScript = require('injectScript');
const callInWindow = require('callInWindow');
const makeNumber = require('makeNumber');

const amount = makeNumber(data.value) * 100;
const event = data.eventName === 'custom' ? data.customName : data.eventName;
callInWindow('oaiq', 'init', { pixelId: 'px_shop01' });
callInWindow('oaiq', 'measure', data.customName, { type: 'custom', amount: amount, currency: 'JPY' });
injectScript('https://bzrcdn.openai.com/sdk/oaiq.min.js', data.gtmOnSuccess, data.gtmOnFailure, 'oaiq');


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {"publicId": "inject_script", "versionId": "1"},
      "param": [{"key": "urls", "value": {"type": 2, "listItem": [{"type": 1, "string": "https://bzrcdn.openai.com/sdk/oaiq.min.js"}]}}]
    }
  }
]
