// The 起草 page: the profile form, the draft with its sources, 换一段 / 锁定 / 编辑, 重新生成
// and downloads. The draft lives in `state.draft` (the JSON of `speechkit draft --format json`);
// edits change it, and the export sends exactly it.
"use strict";

(() => {
  const { el, api, json, toast, ApiError, ROLE_NAMES } = SK;
  const form = document.getElementById("profile");
  const state = { draft: null, profile: null, kept: new Map(), alternativesFor: null };
  // Placeholders a scraped 范文 leaves (xx市, X同志, 某某, **): shown until the lead's
  // `check` findings land in the draft JSON, which are used instead when present.
  const PLACEHOLDER = /[xXｘＸ]{1,3}(?=[市区县镇乡村街同局委])|某某|\*{2,}|＊{2,}|[xX]{2,}/g;

  // ---------------------------------------------------------------- the form

  function listRow(key, value) {
    const remove = el("button", { type: "button", class: "remove", title: "删除这一条",
      onclick: (e) => e.target.closest(".row").remove() }, "✕");
    if (key === "figures") {
      return el("div", { class: "row" },
        el("input", { class: "fig-name", placeholder: "名称，如 注册志愿者", value: value ? value[0] : "" }),
        el("input", { class: "fig-value", placeholder: "数值，如 9.8万人", value: value ? value[1] : "" }),
        remove);
    }
    return el("div", { class: "row" }, el("input", { class: "item", value: value || "" }), remove);
  }

  function setList(key, values) {
    const rows = form.querySelector(`[data-list="${key}"] .rows`);
    rows.replaceChildren(...values.map((v) => listRow(key, v)));
  }

  function fillForm(p) {
    for (const input of form.querySelectorAll("[name]")) {
      const [a, b] = input.name.split(".");
      const value = b ? (p[a] || {})[b] : p[a];
      input.value = value === undefined || value === null ? "" : String(value);
      if (input.name === "sections" && !input.value) input.value = "3";
    }
    for (const key of ["achievements", "problems", "priorities"]) setList(key, p[key] || []);
    setList("figures", Object.entries(p.figures || {}));
    clearErrors();
  }

  function readForm() {
    const p = {};
    for (const input of form.querySelectorAll("[name]")) {
      const value = input.value.trim();
      if (value === "") continue;
      const [a, b] = input.name.split(".");
      const typed = ["sections", "length", "seed"].includes(a) && /^-?\d+$/.test(value) ? Number(value) : value;
      if (b) (p[a] = p[a] || {})[b] = typed;
      else p[a] = typed;
    }
    for (const key of ["achievements", "problems", "priorities"]) {
      const items = [...form.querySelectorAll(`[data-list="${key}"] .item`)].map((i) => i.value.trim()).filter(Boolean);
      if (items.length) p[key] = items;
    }
    const figures = {};
    for (const row of form.querySelectorAll('[data-list="figures"] .row')) {
      const name = row.querySelector(".fig-name").value.trim();
      const value = row.querySelector(".fig-value").value.trim();
      if (name) figures[name] = value;
    }
    if (Object.keys(figures).length) p.figures = figures;
    return p;
  }

  function clearErrors() {
    for (const box of form.querySelectorAll(".err")) box.textContent = "";
    for (const input of form.querySelectorAll(".invalid")) input.classList.remove("invalid");
  }

  function showErrors(errors) {
    clearErrors();
    for (const { key, message } of errors) {
      // meeting.type → its own box; achievements.2 → the list's box; else the form's box.
      // A missing `speaker` goes beside its first field (speaker.title).
      const parts = String(key).split(".");
      const child = form.querySelector(`[data-err^="${parts[0]}."]`);
      const candidates = [parts.slice(0, 2).join("."), parts[0], child && child.dataset.err, "profile"];
      const name = candidates.find((k) => k && form.querySelector(`[data-err="${k}"]`));
      const box = form.querySelector(`[data-err="${name}"]`);
      box.append(el("div", {}, message));
      const input = form.querySelector(`[data-key="${name}"]`);
      if (input) input.classList.add("invalid");
    }
    toast(`城市概况有 ${errors.length} 处需要修改，已在左侧标出。`);
    const first = form.querySelector(".err:not(:empty)");
    if (first) first.scrollIntoView({ block: "center" });
  }

  form.addEventListener("click", (e) => {
    const key = e.target.dataset && e.target.dataset.add;
    if (key) form.querySelector(`[data-list="${key}"] .rows`).append(listRow(key));
  });

  document.getElementById("example").addEventListener("click", async () => {
    fillForm(await json("GET", "/api/profile/example"));
  });

  document.getElementById("load-yaml").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      fillForm(await json("POST", "/api/profile/parse", { yaml: await file.text(), name: file.name }));
      toast(`已载入 ${file.name}`);
    } catch (err) {
      if (err instanceof ApiError) showErrors(err.errors); else throw err;
    }
    e.target.value = "";
  });

  document.getElementById("save-yaml").addEventListener("click", async () => {
    try {
      const response = await api("POST", "/api/profile/yaml", readForm());
      download(await response.blob(), `${readForm().city || "profile"}.yaml`);
    } catch (err) {
      if (err instanceof ApiError) showErrors(err.errors); else throw err;
    }
  });

  // ---------------------------------------------------------------- drafting

  async function generate(extra) {
    const profile = readForm();
    const body = { ...profile, ...extra };
    const button = document.getElementById("generate");
    button.disabled = true;
    button.textContent = "生成中…";
    try {
      const draft = await json("POST", "/api/draft", body);
      clearErrors();
      state.profile = { ...profile, ...(extra && extra.seed !== undefined ? { seed: extra.seed } : {}) };
      state.draft = draft;
      state.alternativesFor = null;
      state.kept = new Map();
      for (const i of (draft.stats && draft.stats.locked) || []) state.kept.set(i, "locked");
      render();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) showErrors(err.errors);
      else if (err instanceof ApiError) toast(err.message);
      else throw err;
    } finally {
      button.disabled = false;
      button.replaceChildren("生成 ", el("small", {}, "Generate"));
    }
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); generate(); });

  document.getElementById("regenerate").addEventListener("click", () => {
    const seed = Number((state.draft.stats && state.draft.stats.seed) || 0) + 1;
    const locked = [...state.kept.keys()].sort((a, b) => a - b).map((index) => {
      const p = state.draft.paragraphs[index];
      return { index, text: p.text, role: p.role, kind: p.kind, lead: p.lead, sources: p.sources };
    });
    form.querySelector('[name="seed"]').value = String(seed);  // the form shows the seed in use
    generate({ seed, locked });
  });

  function textWithFindings(text, findings) {
    // The draft's own findings (the `check` of the grounded drafts) when it has the key;
    // before that lands, the placeholders found here.
    const spans = [];
    for (const f of findings) {
      const at = f.span ? text.indexOf(f.span) : -1;
      if (at >= 0) spans.push([at, at + f.span.length, `${f.kind}: ${f.detail || ""}`]);
    }
    if (!Array.isArray(state.draft.findings)) {
      for (const m of text.matchAll(PLACEHOLDER)) {
        spans.push([m.index, m.index + m[0].length, "占位符未替换：请改成本地的名称或数字 (placeholder left)"]);
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    const out = [];
    let pos = 0;
    for (const [start, end, why] of spans) {
      if (start < pos) continue;
      out.push(text.slice(pos, start), el("mark", { class: "finding", title: why }, text.slice(start, end)));
      pos = end;
    }
    out.push(text.slice(pos));
    return out;
  }

  function sourceChip(ref) {
    return el("button", { type: "button", class: "chip", title: "查看原文上下文",
      onclick: () => showPassage(ref) }, `${ref.source}:${ref.line}`);
  }

  function paragraphNode(p, index) {
    // `paragraph` counts from 1 at the salutation, as in `speechkit check`.
    const findings = (state.draft.findings || []).filter((f) => f.paragraph === index + 1);
    const kept = state.kept.get(index);
    const lock = el("button", { type: "button", class: `lock${kept ? " on" : ""}`, "aria-pressed": kept ? "true" : "false",
      onclick: () => toggleLock(index) }, kept === "edited" ? "已修改·保留" : kept ? "已锁定" : "锁定");
    const editButton = el("button", { type: "button", class: "edit", onclick: () => edit(index) }, "编辑");
    if (p.kind === "heading") {
      return el("article", { class: `para heading-para${kept ? " kept" : ""}`, "data-index": index },
        el("span", { class: "actions heading-actions" }, lock, editButton),
        el("h3", { class: "heading text" }, p.text));
    }
    const body = el("p", { class: `text ${p.kind}` });
    if (p.lead && p.text.startsWith(p.lead)) {
      body.append(el("span", { class: "lead" }, ...textWithFindings(p.lead, findings)),
        ...textWithFindings(p.text.slice(p.lead.length), findings));
    } else {
      body.append(...textWithFindings(p.text, findings));
    }
    const node = el("article", { class: `para${kept ? " kept" : ""}`, "data-index": index });
    if (p.kind === "salutation") return el("article", { class: "para", "data-index": index }, body);
    const meta = el("div", { class: "meta" },
      el("span", { class: `role role-${p.role}` }, `${ROLE_NAMES[p.role] || p.role || ""}`, el("small", {}, ` ${p.role || ""}`)),
      p.sources.length ? p.sources.map(sourceChip) : el("span", { class: "muted" }, "模板句 template"),
      el("span", { class: "actions" },
        el("button", { type: "button", class: "swap", onclick: () => swap(index) }, "换一段"),
        lock, editButton));
    node.append(meta, body);
    for (const f of findings) {
      node.append(el("div", { class: "finding-note" }, `⚠ ${f.kind}：${f.span || ""} ${f.detail || ""}`));
    }
    if (state.alternativesFor === index && state.alternatives) node.append(alternativesNode(index));
    return node;
  }

  function render() {
    const d = state.draft;
    document.getElementById("draft-empty").hidden = true;
    document.getElementById("draft-bar").hidden = false;
    const s = d.stats || {};
    const share = s.max_share_one_source !== undefined ? `，单篇来源最大占比 ${Math.round(100 * s.max_share_one_source)}%` : "";
    document.getElementById("stats").textContent =
      `${s.chars || "?"} 字（目标 ${s.target_length || "?"}）${share}，种子 ${s.seed ?? "?"}${s.length_ok === false ? "，字数不足：可在语料页添加范文" : ""}`;
    const paper = document.getElementById("paper");
    paper.replaceChildren(
      el("h2", { class: "title" }, d.title),
      d.date ? el("div", { class: "date" }, `（${d.date}）`) : null,
      d.speaker ? el("div", { class: "speaker" }, d.speaker) : null,
      ...d.paragraphs.map(paragraphNode));
  }

  function toggleLock(index) {
    if (state.kept.has(index)) state.kept.delete(index); else state.kept.set(index, "locked");
    render();
  }

  async function recheck() {
    // The findings shown are those of the text that will be downloaded (speechkit check).
    try {
      const report = await json("POST", "/api/check", { profile: state.profile, draft: state.draft });
      state.draft.findings = report.findings;
      render();
    } catch (err) {
      if (err instanceof ApiError) toast(err.message); else throw err;
    }
  }

  function edit(index) {
    const node = document.querySelector(`.para[data-index="${index}"]`);
    const p = state.draft.paragraphs[index];
    const area = el("textarea", { class: "editor", rows: Math.max(4, Math.ceil(p.text.length / 40)) });
    area.value = p.text;
    const save = el("button", { type: "button", class: "primary save", onclick: () => {
      const text = area.value.trim();
      if (!text) { toast("段落不能为空"); return; }
      p.text = text;
      if (p.kind === "heading") p.heading = text;
      if (p.lead && !text.startsWith(p.lead)) p.lead = null;
      state.kept.set(index, "edited");
      render();
      recheck();
    } }, "保存");
    const cancel = el("button", { type: "button", onclick: render }, "取消");
    node.querySelector(".text").replaceWith(el("div", { class: "editing" }, area, el("div", { class: "bar" }, save, cancel)));
    area.focus();
  }

  async function swap(index) {
    try {
      const got = await json("POST", "/api/alternatives",
        { profile: state.profile, draft: state.draft, index, limit: 5 });
      state.alternativesFor = index;
      state.alternatives = got.alternatives;
      render();
      document.querySelector(`.para[data-index="${index}"] .alternatives`).scrollIntoView({ block: "nearest" });
    } catch (err) {
      if (err instanceof ApiError) toast(err.message); else throw err;
    }
  }

  function alternativesNode(index) {
    const close = () => { state.alternativesFor = null; render(); };
    const items = state.alternatives.map((alt, k) => el("li", {},
      el("p", {}, alt.text),
      el("div", { class: "meta" }, alt.sources.map(sourceChip),
        el("button", { type: "button", class: "primary take", onclick: () => {
          const p = state.draft.paragraphs[index];
          p.text = alt.text;
          p.lead = alt.lead;
          p.sources = alt.sources;
          state.kept.set(index, "edited");
          close();
          recheck();
        } }, `采用第 ${k + 1} 段`))));
    return el("div", { class: "alternatives" },
      el("div", { class: "bar" }, el("strong", {}, `同类段落（${ROLE_NAMES[state.draft.paragraphs[index].role] || ""}）`),
        el("button", { type: "button", onclick: close }, "收起")),
      items.length ? el("ol", {}, items) : el("p", { class: "muted" }, "语料里没有更多同类段落。"));
  }

  async function showPassage(ref) {
    const dialog = document.getElementById("passage");
    try {
      const url = `/api/passage?source=${encodeURIComponent(ref.source)}&line=${ref.line}`;
      const got = await json("GET", url);
      document.getElementById("passage-title").textContent = `${got.source}:${got.line} ${got.title || ""}`;
      document.getElementById("passage-body").replaceChildren(...got.paragraphs.map((p) =>
        el("p", { class: p.hit ? "hit" : "" }, el("small", { class: "muted" }, `${p.line} `), p.text)));
      dialog.showModal();
      const hit = dialog.querySelector("p.hit");
      if (hit) hit.scrollIntoView({ block: "center" });
    } catch (err) {
      if (err instanceof ApiError) toast(err.message); else throw err;
    }
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      const fmt = button.dataset.export;
      try {
        const response = await api("POST", `/api/export?format=${fmt}`, state.draft);
        const header = response.headers.get("Content-Disposition") || "";
        const m = header.match(/filename\*=UTF-8''([^;]+)/);
        download(await response.blob(), m ? decodeURIComponent(m[1]) : `讲话稿.${fmt}`);
      } catch (err) {
        if (err instanceof ApiError) toast(err.message); else throw err;
      }
    });
  }

  window.speechkitDraftState = state;  // for the browser tests and the curious
  window.speechkitRender = render;
})();
