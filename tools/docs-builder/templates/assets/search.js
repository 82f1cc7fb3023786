// @ts-check
// The site search (search.html): finds the words of the query in search-index.json, which the build
// writes from the guide, the quick start and every operation. Runs in the browser; loads nothing
// but that file. Results are built with DOM nodes, never innerHTML, so no text is ever markup.

const form = document.getElementById("site-search");
const input = document.getElementById("site-search-query");
const results = document.getElementById("search-results");
const status = document.getElementById("search-status");

const MAX_RESULTS = 20;

/** @type {Promise<Array<{ title: string, page: string, url: string, text: string }>>} */
const index = fetch("search-index.json").then((response) => {
  if (!response.ok) throw new Error(`search-index.json: HTTP ${response.status}`);
  return response.json();
});

/** Every word of the query must appear; a word in a title counts more than one in the text. */
function search(entries, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored = [];
  for (const entry of entries) {
    const title = entry.title.toLowerCase();
    const text = entry.text.toLowerCase();
    let score = 0;
    let all = true;
    for (const word of words) {
      const inTitle = title.includes(word);
      const inText = text.includes(word);
      if (!inTitle && !inText) {
        all = false;
        break;
      }
      score += (inTitle ? 5 : 0) + (inText ? 1 : 0);
    }
    if (all) scored.push({ entry, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((hit) => hit.entry);
}

/** A few words of text around the first match, with the matched words marked. */
function snippet(text, words) {
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((word) => lower.indexOf(word)).filter((at) => at >= 0), text.length);
  const start = Math.max(0, first - 60);
  const cut = (start > 0 ? "…" : "") + text.slice(start, start + 220) + (start + 220 < text.length ? "…" : "");
  const fragment = document.createDocumentFragment();
  const pattern = new RegExp(`(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
  for (const part of cut.split(pattern)) {
    if (part === "") continue;
    if (words.includes(part.toLowerCase())) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      fragment.append(mark);
    } else {
      fragment.append(part);
    }
  }
  return fragment;
}

async function show(query) {
  results.replaceChildren();
  const trimmed = query.trim();
  if (trimmed === "") {
    status.textContent = "Type words to find in the guide, the quick start and the API reference.";
    return;
  }
  let entries;
  try {
    entries = await index;
  } catch (error) {
    status.textContent = `The search index could not be loaded (${error.message}).`;
    return;
  }
  const words = trimmed.toLowerCase().split(/\s+/);
  const hits = search(entries, trimmed);
  status.textContent =
    hits.length === 0
      ? `Nothing found for “${trimmed}”.`
      : `${hits.length} result${hits.length === 1 ? "" : "s"} for “${trimmed}”.`;
  for (const hit of hits.slice(0, MAX_RESULTS)) {
    const item = document.createElement("li");
    item.className = "search-result";
    const link = document.createElement("a");
    link.href = hit.url;
    link.textContent = hit.title;
    const page = document.createElement("span");
    page.className = "search-result-page";
    page.textContent = hit.page;
    const text = document.createElement("p");
    text.append(snippet(hit.text, words));
    item.append(link, " ", page, text);
    results.append(item);
  }
}

const initial = new URLSearchParams(location.search).get("q") ?? "";
input.value = initial;
show(initial);
input.addEventListener("input", () => {
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  show(input.value);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  show(input.value);
});
