# Runs the shared decision vectors (testdata/decision_vectors.json, loaded by `opa test` as
# data.testdata.decision_vectors). The embedded wasm engine and an OPA server check the same file
# in the policy module's JUnit tests.
package sovereign.route_test

import data.sovereign.route

vectors := data.testdata.decision_vectors

test_vectors_present if count(vectors) >= 30

test_vector_names_unique if count({v.name | some v in vectors}) == count(vectors)

test_decision_vectors if {
	failed := [v.name |
		some v in vectors
		route.decision != v.want with input as v.input
	]
	print("failed vectors:", failed)
	count(failed) == 0
}
