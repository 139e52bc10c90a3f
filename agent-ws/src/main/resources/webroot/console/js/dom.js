// Small DOM building blocks. Text always goes in through textContent, never as markup, so a
// caller's name or a server message cannot inject HTML.

import { t } from "./i18n.js";

/**
 * Creates an element. attrs: class, text (plain text), i18n (a dictionary key, with i18nArgs),
 * on (an object of event listeners), hidden, and any other attribute (null/false leaves it out).
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "class") {
      element.className = value;
    } else if (name === "text") {
      element.textContent = String(value);
    } else if (name === "i18n") {
      element.setAttribute("data-i18n", value);
      if (attrs.i18nArgs) {
        element.setAttribute("data-i18n-args", JSON.stringify(attrs.i18nArgs));
      }
      element.textContent = t(value, attrs.i18nArgs);
    } else if (name === "i18nArgs") {
      // used with i18n
    } else if (name === "on") {
      for (const [event, listener] of Object.entries(value)) {
        element.addEventListener(event, listener);
      }
    } else if (name === "hidden") {
      element.hidden = true;
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** The element with this id; throws naming it when the page lacks it (a broken page). */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error("the page has no element #" + id);
  }
  return element;
}

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
}

export function show(element, visible) {
  element.hidden = !visible;
}

/**
 * Brings the rows of tbody in line with items, keyed by keyOf(item): existing rows are updated in
 * place by update(row, item) (so a button under the pointer survives an update), new ones made by
 * create(item) and then updated, rows of vanished items removed, order as in items.
 */
export function syncRows(tbody, items, keyOf, create, update) {
  const existing = new Map();
  for (const row of Array.from(tbody.children)) {
    existing.set(row.getAttribute("data-key"), row);
  }
  let previous = null;
  for (const item of items) {
    const rowKey = String(keyOf(item));
    let row = existing.get(rowKey);
    if (row) {
      existing.delete(rowKey);
    } else {
      row = create(item);
      row.setAttribute("data-key", rowKey);
    }
    update(row, item);
    const wanted = previous ? previous.nextSibling : tbody.firstChild;
    if (wanted !== row) {
      tbody.insertBefore(row, wanted);
    }
    previous = row;
  }
  existing.forEach((row) => row.remove());
}
