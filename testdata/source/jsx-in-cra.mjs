import React from "react";

export function Signup() {
  const onSubmit = () => oaiq("measure", "lead_created", { type: "lead" }); // want "data-type-mismatch" col=66
  return <form onSubmit={onSubmit}><button>Go</button></form>;
}
