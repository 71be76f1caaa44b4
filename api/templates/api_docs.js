// Renders this service's OpenAPI document: operations by tag, their parameters, bodies and
// answers, and a small form to try each one. Plain DOM, no outside scripts.
"use strict";

const main = document.getElementById("operations");
const tokenInput = document.getElementById("token");
const filterInput = document.getElementById("filter");
let spec = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function resolve(schema) {
  let seen = 0;
  while (schema && schema.$ref && seen++ < 20) {
    schema = spec.components.schemas[schema.$ref.split("/").pop()];
  }
  return schema || {};
}

// A readable outline of a schema: {"field": type, ...}, one level of nesting per call.
function outline(schema, depth = 0) {
  schema = resolve(schema);
  if (depth > 6) return "…";
  if (schema.type === "array") return [outline(schema.items, depth + 1)];
  if (schema.properties) {
    const out = {};
    for (const [name, prop] of Object.entries(schema.properties)) {
      out[name + ((schema.required || []).includes(name) ? "" : "?")] = outline(prop, depth + 1);
    }
    return out;
  }
  if (schema.type === "object" && schema.additionalProperties) return { "<key>": outline(schema.additionalProperties, depth + 1) };
  let type = schema.type || "any";
  if (schema.enum) type = schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.format) type += ` (${schema.format})`;
  if (schema.nullable) type += " | null";
  return type;
}

function example(schema, depth = 0) {
  schema = resolve(schema);
  if (depth > 3) return null;
  if (schema.enum) return schema.enum[0];
  if (schema.properties) {
    const out = {};
    for (const [name, prop] of Object.entries(schema.properties)) {
      if ((schema.required || []).includes(name) || depth === 0) out[name] = example(prop, depth + 1);
    }
    return out;
  }
  return { array: [], string: "", integer: 0, number: 0, boolean: false, object: {} }[schema.type] ?? null;
}

function parametersTable(params) {
  if (!params.length) return null;
  const rows = params.map((p) =>
    el("tr", {}, el("td", {}, p.name), el("td", {}, p.in), el("td", {}, p.required ? "required" : ""),
      el("td", {}, JSON.stringify(outline(p.schema || {}))), el("td", {}, p.description || "")));
  return el("table", {}, el("tr", {}, ...["name", "in", "", "type", "about"].map((h) => el("th", {}, h))), ...rows);
}

function responsesBlock(responses) {
  const list = el("div");
  for (const [code, answer] of Object.entries(responses || {})) {
    const content = Object.entries(answer.content || {})[0];
    list.append(el("div", {}, el("span", { class: "status" }, code), " ", answer.description || ""));
    if (content && content[1].schema) list.append(el("pre", {}, JSON.stringify(outline(content[1].schema), null, 2)));
  }
  return list;
}

function tryForm(path, method, op) {
  const form = el("form", { class: "try" });
  const inputs = {};
  for (const p of op.parameters || []) {
    inputs[p.name] = el("input", { name: p.name, placeholder: p.in });
    form.append(el("label", {}, `${p.name} `, inputs[p.name]), " ");
  }
  const jsonSchema = op.requestBody && op.requestBody.content["application/json"];
  const body = jsonSchema ? el("textarea", {}) : null;
  if (body) body.value = JSON.stringify(example(jsonSchema.schema), null, 2);
  const output = el("pre", {}, "");
  form.append(body, el("button", { type: "submit" }, `Send ${method.toUpperCase()}`), output);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let url = path;
    const query = new URLSearchParams();
    for (const p of op.parameters || []) {
      const value = inputs[p.name].value;
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (value !== "") query.append(p.name, value);
    }
    const headers = {};
    if (tokenInput.value) headers.Authorization = `Bearer ${tokenInput.value}`;
    if (body) headers["Content-Type"] = "application/json";
    output.textContent = "…";
    try {
      const answer = await fetch(url + (query.toString() ? `?${query}` : ""), { method: method.toUpperCase(), headers, body: body ? body.value : undefined });
      const text = await answer.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (_) { /* not JSON */ }
      output.textContent = `${answer.status} ${answer.statusText}\n${shown.slice(0, 20000)}`;
    } catch (error) {
      output.textContent = String(error);
    }
  });
  return form;
}

function operationBlock(path, method, op) {
  const summary = el("summary", {},
    el("span", { class: `method ${method}` }, method.toUpperCase()), el("span", { class: "path" }, path),
    el("span", {}, op.summary || ""), op.security ? el("span", { class: "lock" }, "bearer token") : null);
  const requestSchema = op.requestBody && op.requestBody.content["application/json"];
  const details = el("details", { class: "op", "data-search": `${method} ${path} ${op.summary || ""} ${op.description || ""}`.toLowerCase() },
    summary,
    el("div", { class: "body" },
      op.description ? el("p", {}, op.description) : null,
      parametersTable(op.parameters || []),
      requestSchema ? el("div", {}, el("strong", {}, "Request body"), el("pre", {}, JSON.stringify(outline(requestSchema.schema), null, 2))) : null,
      el("strong", {}, "Answers"), responsesBlock(op.responses),
      el("strong", {}, "Try it"), tryForm(path, method, op)));
  return details;
}

function render() {
  const groups = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags || ["other"])[0];
      (groups[tag] = groups[tag] || []).push(operationBlock(path, method, op));
    }
  }
  main.replaceChildren();
  for (const tag of Object.keys(groups).sort()) main.append(el("h2", {}, tag), ...groups[tag]);
}

filterInput.addEventListener("input", () => {
  const words = filterInput.value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const op of main.querySelectorAll("details.op")) {
    op.hidden = !words.every((w) => op.dataset.search.includes(w));
  }
});
tokenInput.value = sessionStorage.getItem("gatehouse-token") || "";
tokenInput.addEventListener("change", () => sessionStorage.setItem("gatehouse-token", tokenInput.value));

fetch(main.dataset.spec)
  .then((answer) => answer.json())
  .then((document_) => {
    spec = document_;
    const info = document.getElementById("info");
    info.textContent = `${spec.info.title} ${spec.info.version}: ${spec.info.description || ""} `;
    info.append(el("a", { href: main.dataset.spec }, "openapi.json"));
    render();
  })
  .catch((error) => { main.textContent = `Could not read the document: ${error}`; });
