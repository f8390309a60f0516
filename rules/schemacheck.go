package rules

import "github.com/oaiq-lint/oaiq-lint/model"

// checkSchemas validates call arguments against the JSON Schemas in schema/
// and maps each violation to a rule id. (Being written: the rule engine issue.)
func checkSchemas(doc *model.Document, out *[]model.Finding) {}
