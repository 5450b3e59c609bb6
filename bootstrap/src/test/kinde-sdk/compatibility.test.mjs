// COMPATIBILITY.md cannot drift from what the server does: it lists every operation of the five
// areas of Kinde's SDK that Keygate covers, each marked supported, differs or not supported; and
// every operation marked not supported answers 404 ROUTE_NOT_FOUND (or 405 where Keygate
// serves the path with other methods), every other one reaches a route (whatever it then says of the made-up ids this test sends).
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as sdk from "@kinde/management-api-js";

const AREAS = ["ApiKeys", "Apis", "Applications", "Organizations", "Users"];
const STATUSES = new Set(["supported", "differs", "not supported"]);

const HEADINGS = {
  "API keys": "ApiKeys",
  "APIs and scopes": "Apis",
  Applications: "Applications",
  Organizations: "Organizations",
  Users: "Users",
};

/**
 * The operations' rows: under a "### <area>" heading, a row's first cell names one or more
 * operations in backticks (`getApiKeys` `GET /api/v1/api_keys`), the second says their status.
 * Names compare without case: the SDK says getApis where the specification says getAPIs.
 */
function rows() {
  const text = readFileSync(new URL("../../../../COMPATIBILITY.md", import.meta.url), "utf8");
  const found = [];
  let area;
  for (const line of text.split("\n")) {
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading) area = HEADINGS[heading[1]];
    const cells = line.split("|").map((cell) => cell.trim());
    if (!area || cells.length < 4) continue;
    for (const [, name] of cells[1].matchAll(/`([a-z]\w*)`/g)) {
      found.push({ area, name: sdkName(area, name), status: cells[2] });
    }
  }
  return found;
}

function sdkName(area, name) {
  const match = Object.getOwnPropertyNames(sdk[area] ?? {}).find((n) => n.toLowerCase() === name.toLowerCase());
  return match ?? name;
}

function operations() {
  return AREAS.flatMap((area) =>
    Object.getOwnPropertyNames(sdk[area])
      .filter((name) => typeof sdk[area][name] === "function")
      .map((name) => `${area}.${name}`),
  );
}

test("every operation of the five areas has exactly one row with a known status", () => {
  const listed = rows();
  assert.deepEqual(listed.map((r) => `${r.area}.${r.name}`).sort(), operations().sort());
  for (const row of listed) {
    assert.ok(STATUSES.has(row.status), `${row.area}.${row.name}: status '${row.status}'`);
  }
});

// Any parameter the SDK asks for is a made-up one; a body is empty.
const madeUp = new Proxy(
  {},
  { get: (_, key) => (key === "requestBody" ? {} : typeof key === "string" ? "made_up_0" : undefined) },
);

describe("what the server routes", () => {
  before(() => sdk.init());
  for (const row of rows()) {
    test(`${row.area}.${row.name} is ${row.status}`, async () => {
      let answer;
      try {
        await sdk[row.area][row.name](madeUp);
        answer = { status: 200 };
      } catch (error) {
        answer = { status: error.status, code: error.body?.errors?.code ?? error.body?.errors?.[0]?.code };
      }
      const unrouted = (answer.status === 404 && answer.code === "ROUTE_NOT_FOUND") || answer.status === 405;
      assert.equal(unrouted, row.status === "not supported", JSON.stringify(answer));
    });
  }
});
