// The archive's full-text search: reads the index the build writes into search/ (format in README,
// "Search index format") and shows ranked reports, each linked to its best matching section, with filters by
// region, year, topic and type. No framework, no worker: a query reads a few small files.
"use strict";
(() => {
  const page = document.getElementById("search");
  const root = new URL(page.dataset.root, location.href);
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  const panel = document.getElementById("search-filters");
  const results = document.getElementById("search-results");
  const shown = 10;
  /** Results whose report page is read at once for their quote; the others when they come near the screen. */
  const eager = 5;

  // Bytes read since the page opened: the benchmark reads it with the timings on #search-results.
  let bytesFetched = 0;
  const files = new Map();
  const fetchBytes = (path) => {
    if (!files.has(path)) {
      files.set(path, fetch(new URL(path, root)).then((response) => {
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return response.arrayBuffer();
      }).then((buffer) => {
        bytesFetched += buffer.byteLength;
        return new Uint8Array(buffer);
      }));
    }
    return files.get(path);
  };
  const fetchJSON = (path) => fetchBytes(path).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)));
  const meta = fetchJSON("search/index.json");

  // Terms, as the build cuts them: bigrams of Han runs, ASCII words of two or more letters or digits.
  const isHan = (c) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
  const isWordByte = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  const fold = (c) => {
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  };
  const encoder = new TextEncoder();
  /** The query's phrases (Han runs and words, as typed but folded) and the index keys they give. */
  const parseQuery = (text) => {
    const phrases = [];
    let run = "", kind = null;
    const end = () => {
      if ((kind === "han" && run.length > 0) || (kind === "word" && run.length >= 2)) phrases.push({ text: run, kind });
      run = "";
      kind = null;
    };
    for (const ch of text) {
      const c = fold(ch.codePointAt(0));
      const now = isHan(c) ? "han" : isWordByte(c) ? "word" : null;
      if (now !== kind) end();
      if (now) {
        kind = now;
        run += String.fromCodePoint(c);
      }
    }
    end();
    const keys = new Map();
    for (const phrase of phrases) {
      const scalars = Array.from(phrase.text);
      if (phrase.kind === "word") keys.set(phrase.text, encoder.encode(phrase.text).slice(0, 32));
      else for (let i = 0; i + 1 < scalars.length; i++) keys.set(scalars[i] + scalars[i + 1], encoder.encode(scalars[i] + scalars[i + 1]));
    }
    return { phrases, keys: [...keys.values()], single: phrases.some((p) => p.kind === "han" && Array.from(p.text).length === 1) };
  };

  const fnv1a = (bytes) => {
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h;
  };
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  /** Reads a varint at `at` in `bytes`: [value, next position]. */
  const varint = (bytes, at) => {
    let value = 0, scale = 1, b;
    do {
      b = bytes[at++];
      value += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return [value, at];
  };

  /** A key's postings: report numbers ascending with their bits; null when no report has the key. */
  const postings = async (key, info) => {
    const shard = await fetchBytes(`search/terms/${fnv1a(key) & (info.shards - 1)}.bin`);
    const count = shard[0] | (shard[1] << 8) | (shard[2] << 16) | (shard[3] << 24);
    let at = 4;
    for (let i = 0; i < count; i++) {
      const length = shard[at++];
      const entryKey = shard.subarray(at, at + length);
      at += length;
      let df, size;
      [df, at] = varint(shard, at);
      const external = shard[at++] === 1;
      let bytes = null;
      if (!external) {
        [size, at] = varint(shard, at);
        bytes = shard.subarray(at, at + size);
        at += size;
      }
      if (sameBytes(entryKey, key)) return decode(external ? await fetchBytes(`search/lists/${hex(key)}.bin`) : bytes, df);
    }
    return null;
  };
  /** A key's postings as numbers and bits; the varint is read inline, since this loop runs once a posting. */
  const decode = (bytes, df) => {
    const numbers = new Int32Array(df), bits = new Uint8Array(df);
    let at = 0, previous = -1;
    for (let i = 0; i < df; i++) {
      let b = bytes[at++], v = b & 0x7f, scale = 128;
      while (b & 0x80) {
        b = bytes[at++];
        v += (b & 0x7f) * scale;
        scale *= 128;
      }
      previous += Math.floor(v / 16);
      numbers[i] = previous;
      bits[i] = v & 15;
    }
    return { numbers, bits };
  };

  const tfWeight = [1, 1.5, 2, 2.5];
  /** How much more a key counts where it stands: in the title or a chapter heading (一、…), in a lower heading. */
  const placeWeight = (bits) => (bits & 8 ? 6 : bits & 4 ? 3 : 1);
  /** Reports that have every key, with their scores: a rarer key counts more, a heading hit more again. */
  const rank = (lists, reports) => {
    lists.sort((a, b) => a.numbers.length - b.numbers.length);
    const numbers = lists[0].numbers.slice(), scores = new Float64Array(numbers.length);
    let count = numbers.length;
    lists.forEach((list, l) => {
      const idf = Math.log(1 + reports / list.numbers.length);
      let kept = 0, j = 0;
      for (let i = 0; i < count; i++) {
        const n = numbers[i];
        if (l === 0) j = i;
        else {
          while (j < list.numbers.length && list.numbers[j] < n) j++;
          if (j === list.numbers.length || list.numbers[j] !== n) continue;
        }
        const b = list.bits[j];
        numbers[kept] = n;
        scores[kept++] = scores[i] + idf * tfWeight[b & 3] * placeWeight(b);
      }
      count = kept;
    });
    return { numbers: numbers.subarray(0, count), scores: scores.subarray(0, count) };
  };

  /**
   * The best `k` of the hits (indexes into `matched`), best first: higher score, then newer (`years.bin`
   * lists years newest first), then the archive's order. A selection, not a sort: a query can match most
   * of the archive and only ten are shown at a time.
   */
  const best = (hits, matched, years, k) => {
    const before = (i, j) => matched.scores[i] > matched.scores[j]
      || (matched.scores[i] === matched.scores[j] && (years[matched.numbers[i]] < years[matched.numbers[j]]
        || (years[matched.numbers[i]] === years[matched.numbers[j]] && matched.numbers[i] < matched.numbers[j])));
    const top = [];
    for (const i of hits) {
      if (top.length === k && !before(i, top[k - 1])) continue;
      let at = Math.min(top.length, k - 1);
      while (at > 0 && before(i, top[at - 1])) at--;
      top.splice(at, top.length === k ? 1 : 0, i);
      if (top.length > k) top.pop();
    }
    return top;
  };

  // Filters: at most one value each, kept in the URL with the query.
  const params = new URLSearchParams(location.search);
  const state = { q: params.get("q") || "", region: params.get("region"), year: params.get("year"), type: params.get("type"), topic: params.get("topic") };
  const saveState = () => {
    const next = new URLSearchParams();
    for (const key of ["q", "region", "year", "type", "topic"]) if (state[key]) next.set(key, state[key]);
    history.replaceState(null, "", `${location.pathname}${next.toString() ? "?" + next : ""}`);
  };

  const regionRange = (info, code) => {
    for (const province of info.regions) {
      if (province.code === code) return province;
      for (const prefecture of province.children) if (prefecture.code === code) return prefecture;
    }
    return null;
  };
  const topicList = (key, info) => postings(encoder.encode(`\u0001t:${key}`), info);
  /** Every topic's reports, as sets, read once. */
  let everyTopic = null;
  const topicSets = (info) => (everyTopic ??= Promise.all(info.topics.map((t) => topicList(t.key, info).then((list) => new Set(list ? list.numbers : [])))));

  /** Whether report `n` passes every filter but `except`; `types` is read only when its filter is used. */
  const passes = async (info, years) => {
    const region = state.region !== null ? regionRange(info, state.region) : null;
    const topic = state.topic ? await topicList(state.topic, info) : null;
    const topicSet = topic ? new Set(topic.numbers) : null;
    const year = state.year === null ? -1 : info.years.findIndex(([y]) => yearValue(y) === state.year);
    const type = state.type === null ? -1 : info.types.findIndex(([key]) => key === state.type);
    const types = type >= 0 ? await fetchBytes("search/types.bin") : null;
    return (n, except) => (except === "region" || !region || (n >= region.start && n < region.end))
      && (except === "year" || year < 0 || years[n] === year)
      && (except === "type" || type < 0 || types[n] === type)
      && (except === "topic" || !topicSet || topicSet.has(n));
  };
  /** A year as the URL and the filter carry it: `2023`, or `unknown`. */
  const yearValue = (year) => (year === null ? "unknown" : String(year));

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  let generation = 0;
  const run = async () => {
    const mine = ++generation;
    const began = performance.now();
    const bytesBefore = bytesFetched;
    saveState();
    results.dataset.state = "searching";
    const query = parseQuery(state.q);
    if (query.keys.length === 0) {
      panel.replaceChildren();
      results.replaceChildren(element("p", "search-hint", state.q.trim() === "" ? "输入要找的词，如 学前、控辍保学、师德。"
        : query.single ? "单个汉字无法检索：请输入两个或更多汉字组成的词，如 学前。" : "请输入汉字或两个以上字母、数字组成的词。"));
      results.dataset.state = "done";
      return;
    }
    const info = await meta;
    const [lists, years] = await Promise.all([Promise.all(query.keys.map((key) => postings(key, info))), fetchBytes("search/years.bin")]);
    if (mine !== generation) return;
    const matched = lists.includes(null) ? { numbers: new Int32Array(0), scores: new Float64Array(0) } : rank(lists, info.reports);
    const allowed = await passes(info, years);
    if (mine !== generation) return;
    const hits = [];
    for (let i = 0; i < matched.numbers.length; i++) if (allowed(matched.numbers[i])) hits.push(i);
    results.replaceChildren();
    const summary = element("p", "search-summary");
    summary.textContent = hits.length === 0 ? `没有找到含有“${state.q.trim()}”的报告。` : `找到 ${hits.length} 篇报告`;
    results.append(summary);
    const list = element("ol", "search-hits");
    results.append(list);
    let next = 0;
    const more = element("button", "search-more", "显示更多结果");
    more.type = "button";
    /** Lists the next ten; resolves once they are shown, with `described`, their sections and quotes to come. */
    const showMore = async () => {
      const batch = best(hits, matched, years, next + shown).slice(next).map((i) => ({ n: matched.numbers[i] }));
      next += batch.length;
      more.remove();
      const shownBatch = await showHits(batch, info, query, list, mine);
      if (mine === generation && next < hits.length) results.append(more);
      return shownBatch;
    };
    more.addEventListener("click", showMore);
    const { described } = await showMore();
    if (mine !== generation) return;
    // The filters after the first results: their counts go over every match, the results only over ten.
    renderFilters(info, years, matched.numbers, allowed);
    // data-ms: until the first results show; data-state="done" once their sections and quotes are in.
    results.dataset.count = String(hits.length);
    results.dataset.ms = String(Math.round(performance.now() - began));
    await described;
    if (mine !== generation) return;
    results.dataset.doneMs = String(Math.round(performance.now() - began));
    results.dataset.bytes = String(bytesFetched - bytesBefore);
    results.dataset.state = "done";
  };

  /**
   * Lists `batch` as soon as its titles and labels are read; then reads each result's report page (what
   * it links to anyway) to link it to its best section, quote it and list its matching sections.
   */
  const showHits = async (batch, info, query, list, mine) => {
    const phrases = query.phrases.filter((p) => p.kind === "word" || Array.from(p.text).length > 1).map((p) => p.text);
    // Every row is asked for at once; the first five are shown as soon as they are in, the rest after them.
    const rows = batch.map((hit) => fetchJSON(`search/docs/${Math.floor(hit.n / info.chunk)}.json`).then((docs) => docs[hit.n % info.chunk]));
    const show = ([url, title, region, year, type]) => {
      const item = element("li", "hit");
      const page = new URL(url, root).href;
      const link = element("a", "hit-title");
      link.href = page;
      link.append(element("bdi", null, title));
      const meta = element("p", "hit-meta");
      for (const label of [region, year, type]) meta.append(element("span", null, label));
      item.append(link, meta);
      list.append(item);
      return { item, link, page, url };
    };
    const first = await Promise.all(rows.slice(0, eager));
    if (mine !== generation) return { described: null };
    const shownHits = first.map(show);
    const rest = Promise.all(rows.slice(eager)).then((more) => {
      if (mine !== generation) return;
      for (const hit of more.map(show)) {
        shownHits.push(hit);
        later.observe(hit.item);
      }
    });
    // The first five are read at once; the rest once they scroll near the screen.
    const describe = ({ item, link, page, url }) => fetchBytes(url).then((bytes) => {
      if (mine !== generation) return;
      const found = sectionsWith(new TextDecoder().decode(bytes), phrases);
      if (found.sections.length) link.href = `${page}#${found.sections[0].id}`;
      const snippet = quote(found.quote, phrases);
      if (snippet) item.append(snippet);
      if (found.sections.some((section) => section.heading)) {
        const subs = element("ul", "hit-sections");
        for (const section of found.sections.slice(0, 3)) {
          const a = element("a");
          a.href = `${page}#${section.id}`;
          a.append(marked(section.heading, phrases));
          const li = element("li");
          li.append(a);
          subs.append(li);
        }
        item.append(subs);
      }
    }).catch(() => {});
    const later = new IntersectionObserver((entries) => {
      for (const entry of entries.filter((e) => e.isIntersecting)) {
        later.unobserve(entry.target);
        describe(shownHits.find((hit) => hit.item === entry.target));
      }
    }, { rootMargin: "400px" });
    // Wrapped: a promise an async function returns is waited for by whoever awaits the function.
    return { described: Promise.all([rest, ...shownHits.map(describe)]) };
  };

  const textTags = new Set(["P", "UL", "OL", "BLOCKQUOTE", "TABLE", "PRE"]);
  /** The report page's sections that hold a phrase, best first (a heading hit first), and where to quote from. */
  const sectionsWith = (html, phrases) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const count = (text) => {
      const folded = foldText(text);
      return phrases.reduce((sum, p) => sum + (folded.split(p).length - 1), 0);
    };
    const sections = [];
    for (const section of doc.querySelectorAll("article section[id]")) {
      const h = section.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
      // The section's own text: its paragraphs, lists and tables, not its heading or topic chips.
      const text = Array.from(section.children).filter((child) => textTags.has(child.tagName) && !child.classList.contains("tags"))
        .map((child) => child.textContent).join("\n");
      const headingText = h ? h.textContent.trim() : "";
      const inHeading = count(headingText), inText = count(text);
      if (inHeading + inText === 0) continue;
      sections.push({ id: section.id, heading: headingText, text, inText, score: inHeading * 10 + inText });
    }
    sections.sort((a, b) => b.score - a.score);
    // The quote comes from the best section whose own text has the words, else from its heading.
    const quoted = sections.find((section) => section.inText > 0);
    const quoteFrom = quoted ? quoted.text : sections.length ? sections[0].heading
      : Array.from(doc.querySelectorAll("article p:not(.tags)")).map((p) => p.textContent).join("\n");
    return { sections, quote: quoteFrom };
  };

  const foldText = (text) => Array.from(text, (ch) => String.fromCodePoint(fold(ch.codePointAt(0)))).join("");
  /** `text` as nodes with every phrase inside <mark>; the source text only ever becomes text nodes. */
  const marked = (text, phrases) => {
    const fragment = document.createDocumentFragment();
    const folded = foldText(text);
    let at = 0;
    while (at < text.length) {
      let next = -1, length = 0;
      for (const p of phrases) {
        const i = folded.indexOf(p, at);
        if (i >= 0 && (next < 0 || i < next || (i === next && p.length > length))) [next, length] = [i, p.length];
      }
      if (next < 0) break;
      fragment.append(text.slice(at, next), element("mark", null, text.slice(next, next + length)));
      at = next + length;
    }
    fragment.append(text.slice(at));
    return fragment;
  };
  /** The sentence around the first hit, cut to about 120 characters. */
  const quote = (text, phrases) => {
    const flat = text.replace(/\s+/g, " ").trim();
    if (!flat) return null;
    const folded = foldText(flat);
    const first = Math.min(...phrases.map((p) => folded.indexOf(p)).filter((i) => i >= 0));
    const hit = Number.isFinite(first) ? first : 0;
    let start = Math.max(0, hit - 40);
    const stop = flat.slice(start, hit).search(/[。；！？][^。；！？]*$/);
    if (stop >= 0) start += stop + 1;
    const end = Math.min(flat.length, start + 120);
    const p = element("p", "hit-snippet");
    if (start > 0) p.append("…");
    p.append(marked(flat.slice(start, end), phrases));
    if (end < flat.length) p.append("…");
    return p;
  };

  // On a phone the groups start folded, so the results are not pushed off screen; a group in use stays open.
  const opened = new Set(matchMedia("(min-width: 40rem)").matches ? ["region", "year"] : []);
  /**
   * The filter panel: each value with the count of the query's reports under the other filters. Region and
   * year counts come with the query; 主题 and 类型 read every topic's list and `types.bin` first, so their
   * counts show once their group is opened (or their filter is used).
   */
  const renderFilters = (info, years, numbers, allowed, types = null, topics = null) => {
    const group = (name, legend, options, load) => {
      const box = element("details", "facet");
      box.open = opened.has(name) || state[name] !== null;
      box.append(element("summary", null, legend));
      box.addEventListener("toggle", () => {
        if (box.open) opened.add(name);
        else opened.delete(name);
        if (box.open && load) load();
      });
      const ul = element("ul");
      for (const option of [{ value: null, label: "全部", count: null }, ...options]) {
        const li = element("li", option.child ? "facet-child" : null);
        const label = element("label");
        const radio = element("input");
        radio.type = "radio";
        radio.name = name;
        radio.checked = (state[name] ?? null) === option.value;
        radio.addEventListener("change", () => {
          state[name] = option.value;
          search();
        });
        label.append(radio, element("bdi", null, option.label));
        if (option.count !== null) label.append(element("span", "facet-count", String(option.count)));
        li.append(label);
        ul.append(li);
      }
      box.append(ul);
      return box;
    };
    const counted = (except, key) => {
      const counts = new Map();
      for (const n of numbers) if (allowed(n, except)) counts.set(key(n), (counts.get(key(n)) || 0) + 1);
      return counts;
    };
    const inRange = (range) => numbers.reduce((sum, n) => sum + (n >= range.start && n < range.end && allowed(n, "region") ? 1 : 0), 0);
    const regions = [];
    for (const province of info.regions) {
      const count = inRange(province);
      if (count === 0 && state.region !== province.code) continue;
      regions.push({ value: province.code, label: province.name, count });
      const selected = state.region === province.code || province.children.some((c) => c.code === state.region);
      if (selected) for (const prefecture of province.children) {
        const n = inRange(prefecture);
        if (n > 0 || state.region === prefecture.code) regions.push({ value: prefecture.code, label: prefecture.name, count: n, child: true });
      }
    }
    const yearCounts = counted("year", (n) => years[n]);
    const yearOptions = info.years.map(([year], i) => ({ value: yearValue(year), label: year === null ? "年份不详" : String(year), count: yearCounts.get(i) || 0 }))
      .filter((o) => o.count > 0 || o.value === state.year);
    const typeCounts = types && counted("type", (n) => types[n]);
    const typeOptions = info.types.map(([key, label], i) => ({ value: key, label, count: typeCounts ? typeCounts.get(i) || 0 : null }))
      .filter((o) => o.count !== 0 || o.value === state.type);
    const topicOptions = info.topics.map((t, i) => ({ value: t.key, label: t.name, count: topics ? numbers.reduce((sum, n) => sum + (topics[i].has(n) && allowed(n, "topic") ? 1 : 0), 0) : null }))
      .filter((o) => o.count !== 0 || o.value === state.topic);
    // 主题 and 类型 re-render the panel with their counts once their data is read.
    const again = async () => {
      const [typeBytes, topicReports] = await Promise.all([
        opened.has("type") || state.type !== null ? fetchBytes("search/types.bin") : types,
        opened.has("topic") || state.topic !== null ? topicSets(info) : topics,
      ]);
      if (typeBytes !== types || topicReports !== topics) renderFilters(info, years, numbers, allowed, typeBytes, topicReports);
    };
    panel.replaceChildren(group("region", "地区", regions), group("year", "年份", yearOptions), group("topic", "主题", topicOptions, again),
      group("type", "类型", typeOptions, again));
    if ((state.type !== null && !types) || (state.topic !== null && !topics)) again();
  };

  // A missing or broken index (a copy of the site without search/) says so instead of spinning.
  function search() { return run().catch((error) => {
    results.replaceChildren(element("p", "search-offline", `搜索索引读取失败（${error.message}）：请重新运行 archive build。`));
    results.dataset.state = "error";
  }); }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = input.value;
    search();
  });
  input.value = state.q;
  search();
})();
