// The schemas Kinde's SDK exports, made strict: every object declares all the fields it may carry
// (additionalProperties: false unless the schema says otherwise), as a client generated from
// Kinde's spec with openapi-generator's java/okhttp-gson throws on any field it does not know.
import * as sdk from "@kinde/management-api-js";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const REF = "#/components/schemas/";

function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "example" || key === "description") continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith(REF)) {
      copy.$ref = value.slice(REF.length);
    } else if (key === "properties") {
      copy.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, strict(property)]),
      );
    } else {
      copy[key] = strict(value);
    }
  }
  if (copy.type === "object" && copy.properties && copy.additionalProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const [name, schema] of Object.entries(sdk)) {
  if (name.startsWith("$") && schema && typeof schema === "object") {
    ajv.addSchema(strict(schema), name.slice(1));
  }
}

/**
 * Throws unless {@code body} is exactly what the SDK's schema {@code name} declares.
 * @param {string} name a schema the SDK exports, without its "$", such as "get_api_keys_response"
 */
export function assertMatches(name, body) {
  const validate = ajv.getSchema(name);
  if (!validate) throw new Error(`the SDK exports no schema ${name}`);
  if (!validate(body)) {
    const problems = validate.errors
      .map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`)
      .join("; ");
    throw new Error(`answer is not a ${name}: ${problems}\n${JSON.stringify(body)}`);
  }
  return body;
}
