// The strictness itself is tested: an answer with a field the schema does not declare, or a
// field of the wrong type, is refused; a declared answer passes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMatches } from "./strict-schemas.mjs";

test("a declared answer passes", () => {
  assertMatches("create_api_key_response", {
    code: "API_KEY_CREATED",
    message: "API key created",
    api_key: { id: "api_key_1", key: "k_live_x" },
  });
});

test("an undeclared field is refused, nested ones too", () => {
  assert.throws(
    () => assertMatches("create_api_key_response", { code: "OK", org_code: "org_1" }),
    /org_code/,
  );
  assert.throws(
    () => assertMatches("create_api_key_response", { api_key: { id: "a", revoked_on: null } }),
    /revoked_on/,
  );
});

test("a wrongly typed field is refused", () => {
  assert.throws(() => assertMatches("get_api_keys_response", { has_more: "no" }), /has_more/);
});
