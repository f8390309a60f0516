const React = require("react");

function Subscribe() {
  return <button onClick={() => oaiq("measure", "lead_created", { type: "customer_action" })}>Subscribe</button>;
}
module.exports = Subscribe;
