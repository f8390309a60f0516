// support: zqjs@example.org
oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "USD", email: "zqscript@example.org", phone: 4155550105 });
