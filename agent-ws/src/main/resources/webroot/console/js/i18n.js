// Dictionaries and translation. Every visible string comes from i18n/zh.json or i18n/en.json.
// Markup names its key in data-i18n (text), data-i18n-placeholder, data-i18n-aria-label or
// data-i18n-title, with optional arguments in data-i18n-args (JSON); code names keys as string
// literals in t("..."), key("...") or i18n: "..." so that the build's dictionary test finds them.

const STORAGE_KEY = "switchboard.lang";
export const LANGUAGES = ["zh", "en"];
const DICTIONARY_URLS = {
  zh: new URL("../i18n/zh.json", import.meta.url),
  en: new URL("../i18n/en.json", import.meta.url),
};
const HTML_LANG = { zh: "zh-CN", en: "en" };

let dictionary = {};
let language = "en";
const listeners = new Set();

/** Marks a string as a dictionary key (it is returned unchanged). */
export function key(name) {
  return name;
}

/** The language kept in localStorage, else the browser's (zh for any Chinese), else English. */
export function preferredLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch (ignored) {
    // storage may be disabled; fall back to the browser's language
  }
  if (LANGUAGES.includes(stored)) {
    return stored;
  }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
  return browser.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function currentLanguage() {
  return language;
}

/** The locale for numbers and dates. */
export function currentLocale() {
  return HTML_LANG[language];
}

/** Loads a dictionary, keeps the choice and translates the whole document. */
export async function setLanguage(lang) {
  const chosen = LANGUAGES.includes(lang) ? lang : "en";
  const response = await fetch(DICTIONARY_URLS[chosen], { cache: "no-cache" });
  if (!response.ok) {
    throw new Error("dictionary " + chosen + ": HTTP " + response.status);
  }
  dictionary = await response.json();
  language = chosen;
  try {
    localStorage.setItem(STORAGE_KEY, chosen);
  } catch (ignored) {
    // not kept; the next page asks the browser again
  }
  document.documentElement.lang = HTML_LANG[chosen];
  translate(document);
  listeners.forEach((listener) => listener(chosen));
}

/** Calls listener(lang) after each language change (for text that is not in the markup). */
export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The text of a key, with {name} placeholders filled from args; the key itself if unknown. */
export function t(name, args) {
  let text = Object.prototype.hasOwnProperty.call(dictionary, name) ? dictionary[name] : null;
  if (text === null) {
    console.warn("no text for " + name + " in " + language);
    return name;
  }
  if (args) {
    text = text.replace(/\{(\w+)\}/g, (whole, arg) =>
      Object.prototype.hasOwnProperty.call(args, arg) && args[arg] !== null && args[arg] !== undefined
        ? String(args[arg])
        : whole,
    );
  }
  return text;
}

function argsOf(element) {
  const raw = element.getAttribute("data-i18n-args");
  if (!raw) {
    return undefined;
  }
  try {
    return JSON.parse(raw);
  } catch (ignored) {
    return undefined;
  }
}

const ATTRIBUTE_TARGETS = [
  ["data-i18n-placeholder", "placeholder"],
  ["data-i18n-aria-label", "aria-label"],
  ["data-i18n-title", "title"],
];

/** Translates root and everything below it that names a key. */
export function translate(root) {
  const scope = root.querySelectorAll ? root : document;
  const own = root.nodeType === Node.ELEMENT_NODE ? [root] : [];
  for (const element of own.concat(Array.from(scope.querySelectorAll("[data-i18n]")))) {
    if (element.hasAttribute("data-i18n")) {
      element.textContent = t(element.getAttribute("data-i18n"), argsOf(element));
    }
  }
  for (const [attribute, target] of ATTRIBUTE_TARGETS) {
    for (const element of own.concat(Array.from(scope.querySelectorAll("[" + attribute + "]")))) {
      if (element.hasAttribute(attribute)) {
        element.setAttribute(target, t(element.getAttribute(attribute), argsOf(element)));
      }
    }
  }
}

/** Sets an element's text to a key's text, kept up to date when the language changes. */
export function setText(element, name, args) {
  element.setAttribute("data-i18n", name);
  if (args) {
    element.setAttribute("data-i18n-args", JSON.stringify(args));
  } else {
    element.removeAttribute("data-i18n-args");
  }
  element.textContent = t(name, args);
}

/** Sets an element's text to data that is not translated (a name, a number, a server message). */
export function setPlainText(element, text) {
  element.removeAttribute("data-i18n");
  element.removeAttribute("data-i18n-args");
  element.textContent = text === null || text === undefined ? "" : String(text);
}
