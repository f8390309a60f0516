// A script that initialises nothing leaves init to the page: its
// measureSingle is not judged against pixels it cannot see.
export function onSignup() {
  oaiq("measureSingle", "px_b", "registration_completed", { type: "customer_action" });
}
