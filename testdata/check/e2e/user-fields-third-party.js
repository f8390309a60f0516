// User fields only third-party material lists (revision "P7", no official
// copy): warnings that name the revision followed, never errors, and
// postal_code is not called a misspelling of zip_code.
oaiq("init", {
  pixelId: "px_7Hq2Lm9",
  user: {
    email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181",
    phone_number_sha256: "5b1f6d1e0c4a3b2f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f", // want "user-field-unconfirmed" severity=warning col=5 msg=/revision P6 .* forbids phone numbers and their hashes; newer third-party material lists this field/
    first_name_sha256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", // want "user-field-unconfirmed" severity=warning col=5 msg=/not in the pixel page's user table as of revision P6/
    last_name_sha256: "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", // want "user-field-unconfirmed" severity=warning col=5
    region: "CA", // want "user-field-unconfirmed" severity=warning col=5
    postal_code: "94107", // want "user-field-unconfirmed" severity=warning col=5 msg=/user field "postal_code" is not in the pixel page.s user table/ hint=/use zip_code to be safe/
  },
});
// A raw phone number is still raw personal data, whatever the field.
oaiq("init", { pixelId: "px_7Hq2Lm9", user: { phone_number_sha256: "+1 415 555 0134" } }); // want "user-field-unconfirmed" severity=warning col=47 "pii-raw" severity=error col=68
