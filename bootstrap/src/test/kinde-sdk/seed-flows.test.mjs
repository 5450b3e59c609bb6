// The flows of Kinde's API-keys guide, done with Kinde's published management SDK exactly as its
// README sets it up: init() reads KINDE_DOMAIN, KINDE_MANAGEMENT_CLIENT_ID and
// KINDE_MANAGEMENT_CLIENT_SECRET, gets a token from {domain}/oauth2/token and sends it as the
// bearer. Keygate is the domain here; the test that starts it (KindeSdkIT) sets those variables
// and NODE_EXTRA_CA_CERTS to the server's certificate. Every answer is checked against the
// schema the SDK exports for it, with undeclared fields forbidden.
import { before, test as nodeTest } from "node:test";
import assert from "node:assert/strict";
import { ApiKeys, Apis, Applications, Organizations, Users, init } from "@kinde/management-api-js";
import { assertMatches } from "./strict-schemas.mjs";

const run = Date.now().toString(36);
let apiId;
let orgCode;
let userId;

before(() => init());

/** A test whose refusals by the server say what the server said, not only the SDK's summary. */
function test(name, body) {
  nodeTest(name, async () => {
    try {
      await body();
    } catch (error) {
      if (error?.name === "ApiError") {
        throw new Error(`${error.request?.method} ${error.url} answered ${error.status}: ${JSON.stringify(error.body)}`);
      }
      throw error;
    }
  });
}

async function refusal(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  assert.fail("the call was expected to be refused");
}

test("an API is registered with its scopes, and read back", async () => {
  const created = assertMatches(
    "create_apis_response",
    await Apis.addApis({ requestBody: { name: `Orders ${run}`, audience: `https://orders-${run}.example.com` } }),
  );
  apiId = created.api.id;
  for (const key of ["read:orders", "write:orders"]) {
    assertMatches(
      "create_api_scopes_response",
      await Apis.addApiScope({ apiId, requestBody: { key, description: `${key} of ${run}` } }),
    );
  }
  const api = assertMatches("get_api_response", await Apis.getApi({ apiId }));
  assert.equal(api.api.audience, `https://orders-${run}.example.com`);
  assert.deepEqual(api.api.scopes.map((s) => s.key).sort(), ["read:orders", "write:orders"]);
  const scopes = assertMatches("get_api_scopes_response", await Apis.getApiScopes({ apiId }));
  assert.equal(scopes.scopes.length, 2);
  const apis = assertMatches("get_apis_response", await Apis.getApis());
  assert.ok(apis.apis.some((a) => a.id === apiId));
});

test("an organization and a user are created as Kinde's bodies describe them", async () => {
  const org = assertMatches(
    "create_organization_response",
    await Organizations.createOrganization({ requestBody: { name: `Acme ${run}`, external_id: `acme-${run}` } }),
  );
  orgCode = org.organization.code;
  const one = assertMatches("get_organization_response", await Organizations.getOrganization({ code: orgCode }));
  assert.equal(one.name, `Acme ${run}`);
  const orgs = assertMatches("get_organizations_response", await Organizations.getOrganizations({ pageSize: 500 }));
  assert.ok(orgs.organizations.some((o) => o.code === orgCode));

  const user = assertMatches(
    "create_user_response",
    await Users.createUser({
      requestBody: {
        profile: { given_name: "Ada", family_name: `Lovelace ${run}` },
        identities: [{ type: "email", details: { email: `ada-${run}@example.com` } }],
      },
    }),
  );
  userId = user.id;
  const read = assertMatches("user", await Users.getUserData({ id: userId }));
  assert.equal(read.preferred_email, `ada-${run}@example.com`);
  assert.equal(read.last_name, `Lovelace ${run}`);
  const users = assertMatches("users_response", await Users.getUsers({ pageSize: 500 }));
  assert.ok(users.users.some((u) => u.id === userId));
});

test("a key is issued to an organization, listed, read, verified, rotated and revoked", async () => {
  const created = assertMatches(
    "create_api_key_response",
    await ApiKeys.createApiKey({
      requestBody: { name: `checkout ${run}`, api_id: apiId, scope_ids: ["read:orders"], org_code: orgCode },
    }),
  );
  const keyId = created.api_key.id;
  const secret = created.api_key.key;

  const listed = assertMatches("get_api_keys_response", await ApiKeys.getApiKeys({ orgCode }));
  assert.deepEqual(
    listed.api_keys.map((k) => k.id),
    [keyId],
  );
  const read = assertMatches("get_api_key_response", await ApiKeys.getApiKey({ keyId }));
  assert.equal(read.api_key.status, "active");
  assert.deepEqual(read.api_key.scopes, ["read:orders"]);

  const valid = assertMatches("verify_api_key_response", await ApiKeys.verifyApiKey({ requestBody: { api_key: secret } }));
  assert.equal(valid.is_valid, true);
  assert.equal(valid.key_id, keyId);

  const rotated = assertMatches("rotate_api_key_response", await ApiKeys.rotateApiKey({ keyId }));
  assert.notEqual(rotated.api_key.key, secret);
  const old = assertMatches("verify_api_key_response", await ApiKeys.verifyApiKey({ requestBody: { api_key: secret } }));
  assert.equal(old.is_valid, false);
  const fresh = assertMatches(
    "verify_api_key_response",
    await ApiKeys.verifyApiKey({ requestBody: { api_key: rotated.api_key.key } }),
  );
  assert.equal(fresh.is_valid, true);

  assertMatches("success_response", await ApiKeys.deleteApiKey({ keyId }));
  const revoked = assertMatches(
    "verify_api_key_response",
    await ApiKeys.verifyApiKey({ requestBody: { api_key: rotated.api_key.key } }),
  );
  assert.equal(revoked.is_valid, false);
});

test("a key is issued to a user", async () => {
  const created = assertMatches(
    "create_api_key_response",
    await ApiKeys.createApiKey({
      requestBody: { name: `cli ${run}`, api_id: apiId, scope_ids: ["read:orders", "write:orders"], user_id: userId },
    }),
  );
  const listed = assertMatches("get_api_keys_response", await ApiKeys.getApiKeys({ userId }));
  assert.deepEqual(
    listed.api_keys.map((k) => k.id),
    [created.api_key.id],
  );
  const verified = assertMatches(
    "verify_api_key_response",
    await ApiKeys.verifyApiKey({ requestBody: { api_key: created.api_key.key } }),
  );
  assert.equal(verified.user_id, userId);
});

test("an environment key, the deployment's own, is issued, listed by type and verified", async () => {
  const created = assertMatches(
    "create_api_key_response",
    await ApiKeys.createApiKey({
      requestBody: { name: `deploy ${run}`, api_id: apiId, scope_ids: ["read:orders"], type: "environment" },
    }),
  );
  const read = assertMatches("get_api_key_response", await ApiKeys.getApiKey({ keyId: created.api_key.id }));
  assert.equal(read.api_key.type, "environment");
  assert.equal(read.api_key.organization_id, undefined);
  const listed = assertMatches("get_api_keys_response", await ApiKeys.getApiKeys({ keyType: "environment" }));
  assert.ok(listed.api_keys.some((k) => k.id === created.api_key.id));
  assert.ok(listed.api_keys.every((k) => k.type === "environment"));
  const verified = assertMatches(
    "verify_api_key_response",
    await ApiKeys.verifyApiKey({ requestBody: { api_key: created.api_key.key } }),
  );
  assert.equal(verified.is_valid, true);
});

test("the application the SDK runs as is listed, sorted by name and paged", async () => {
  const apps = assertMatches("get_applications_response", await Applications.getApplications());
  assert.ok(apps.applications.some((a) => a.type === "m2m"));
  const sorted = assertMatches(
    "get_applications_response",
    await Applications.getApplications({ sort: "name_desc", pageSize: 500 }),
  );
  assert.equal(sorted.applications.length, apps.applications.length);
});

test("owners are renamed, found by email, sorted by name, and deleted once they own no live key", async () => {
  assertMatches(
    "success_response",
    await Organizations.updateOrganization({ orgCode, requestBody: { name: `Zulu ${run}`, handle: `zulu_${run}` } }),
  );
  const renamed = assertMatches("get_organization_response", await Organizations.getOrganization({ code: orgCode }));
  assert.equal(renamed.name, `Zulu ${run}`);
  const first = assertMatches(
    "create_organization_response",
    await Organizations.createOrganization({ requestBody: { name: `Aardvark ${run}` } }),
  );
  for (const [sort, expected] of [
    ["name_asc", [first.organization.code, orgCode]],
    ["name_desc", [orgCode, first.organization.code]],
  ]) {
    const listed = assertMatches("get_organizations_response", await Organizations.getOrganizations({ sort, pageSize: 500 }));
    const codes = listed.organizations.map((o) => o.code).filter((code) => expected.includes(code));
    assert.deepEqual(codes, expected, sort);
  }

  const updated = assertMatches(
    "update_user_response",
    await Users.updateUser({ id: userId, requestBody: { family_name: `Byron ${run}` } }),
  );
  assert.equal(updated.given_name, "Ada");
  assert.equal(updated.family_name, `Byron ${run}`);
  const found = assertMatches("users_response", await Users.getUsers({ email: `ADA-${run}@example.com` }));
  assert.deepEqual(
    found.users.map((u) => u.id),
    [userId],
  );

  // The user holds a live key; the organization's only key was revoked.
  const kept = await refusal(() => Users.deleteUser({ id: userId }));
  assert.equal(kept.status, 409);
  assertMatches("error_response", kept.body);
  assertMatches("success_response", await Organizations.deleteOrganization({ orgCode: first.organization.code }));
  assertMatches("success_response", await Organizations.deleteOrganization({ orgCode }));
  const gone = await refusal(() => Organizations.getOrganization({ code: orgCode }));
  assert.equal(gone.status, 404);
});

test("a key that does not exist answers 404 in the spec's shape", async () => {
  const error = await refusal(() => ApiKeys.getApiKey({ keyId: "api_key_0000000000000000000000000000000" }));
  assert.equal(error.name, "ApiError");
  assert.equal(error.status, 404);
  assertMatches("not_found_response", error.body);
});
