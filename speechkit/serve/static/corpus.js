// The 语料 page: add files (upload or a local folder) with progress and cancel, KWIC search,
// key phrases (table with bars), the structure outline and duplicate groups.
"use strict";

(() => {
  const { el, api, json, toast, ApiError, ROLE_NAMES } = SK;
  const $ = (id) => document.getElementById(id);
  let chosen = [];

  async function refreshCounts() {
    const s = await json("GET", "/api/status");
    const c = s.counts;
    $("counts").textContent = `语料库 ${s.db}：${c.documents} 个文档，${c.speeches} 篇讲话，${c.paragraphs} 段`;
    if (s.jobs.length) watch(s.jobs[0]);
  }

  function choose(files) {
    chosen = [...files];
    $("chosen").textContent = chosen.length ? `已选 ${chosen.length} 个文件` : "未选择";
    $("upload").disabled = !chosen.length;
  }
  $("files").addEventListener("change", (e) => choose(e.target.files));
  $("folder").addEventListener("change", (e) => choose(e.target.files));

  function showError(err) {
    if (!(err instanceof ApiError)) throw err;
    $("ingest-err").textContent = err.message;
  }

  $("upload").addEventListener("click", async () => {
    $("ingest-err").textContent = "";
    const batch = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
    $("job").hidden = false;
    $("job-cancel").disabled = true;  // uploads are single requests; the ingest can be cancelled
    try {
      for (const [i, file] of chosen.entries()) {
        $("job-text").textContent = `上传 ${i + 1}/${chosen.length}：${file.name}`;
        $("job-progress").value = i / chosen.length;
        const name = file.webkitRelativePath || file.name;
        await api("POST", `/api/upload?batch=${batch}&name=${encodeURIComponent(name)}`, file,
          { raw: true, headers: { "Content-Type": "application/octet-stream" } });
      }
      watch(await json("POST", "/api/ingest", { batch }));
    } catch (err) { $("job").hidden = true; showError(err); }
  });

  $("ingest-path").addEventListener("click", async () => {
    $("ingest-err").textContent = "";
    try { watch(await json("POST", "/api/ingest", { path: $("local-path").value })); } catch (err) { showError(err); }
  });

  let watching = null;
  function watch(job) {
    watching = job.id;
    $("job").hidden = false;
    $("job-cancel").disabled = job.state !== "running";
    $("job-progress").value = job.bytes_total ? job.bytes_done / job.bytes_total : 0;
    const outcome = { done: "入库完成 done: ", cancelled: "", error: "入库失败 failed: " }[job.state] || "";
    $("job-text").textContent = job.state === "running"
      ? `入库中 ${job.files_done}/${job.files_total} 个文件 (${job.label})` : outcome + job.message;
    if (job.state === "running") {
      setTimeout(async () => {
        if (watching === job.id) watch(await json("GET", `/api/jobs/${job.id}`));
      }, 500);
    } else {
      if (job.state === "done") $("job-progress").value = 1;
      if (job.warnings.length) $("ingest-err").textContent = job.warnings.join("\n");
      if (job.state === "done") choose([]);
      refreshCounts();
      SK.refreshStatus();
    }
  }
  $("job-cancel").addEventListener("click", async () => {
    if (watching) watch(await json("POST", `/api/jobs/${watching}/cancel`, {}));
  });

  $("search").addEventListener("submit", async (e) => {
    e.preventDefault();
    const q = $("q").value.trim();
    if (!q) return;
    try {
      const got = await json("GET", `/api/search?q=${encodeURIComponent(q)}&limit=100&width=24`);
      $("hits").replaceChildren(...(got.hits.length ? got.hits.map((h) => el("tr", {},
        el("td", { class: "loc" }, h.location), el("td", { class: "left" }, h.left),
        el("td", { class: "kw" }, h.keyword), el("td", { class: "right" }, h.right)))
        : [el("tr", {}, el("td", {}, `没有找到“${q}”。`))]));
    } catch (err) { if (err instanceof ApiError) toast(err.message); else throw err; }
  });

  const loaders = {
    async phrases() {
      const got = await json("GET", "/api/phrases");
      const top = Math.max(...got.phrases.map((p) => p.score), 1);
      $("phrases").replaceChildren(...got.phrases.map((p, i) => el("tr", {},
        el("td", {}, i + 1), el("td", {}, p.phrase), el("td", { class: "num" }, p.score.toFixed(1)),
        el("td", { class: "num" }, p.count), el("td", { class: "num" }, p.docs),
        el("td", { class: "barcell" }, el("span", { class: "barfill", style: null, "data-w": Math.round(100 * p.score / top) })))));
      // Widths through the CSSOM (the CSP forbids inline style attributes).
      for (const bar of document.querySelectorAll(".barfill")) bar.style.width = `${bar.dataset.w}%`;
    },
    async outline() {
      const got = await json("GET", "/api/outline");
      const o = got.outline || {};
      const seq = (o.typical_sequence || []).map((r) => `${ROLE_NAMES[r] || r}`).join(" → ");
      $("outline").replaceChildren(
        el("p", {}, `典型顺序 typical: ${seq || "（语料太少）"}`),
        el("table", { class: "outline" }, el("tbody", {}, got.speeches.map((s) => el("tr", { class: s.on_topic === false ? "off" : "" },
          el("td", {}, s.id), el("td", {}, s.title || "（无标题）"), el("td", { class: "loc" }, `${s.source}:${s.first_line}`),
          el("td", {}, s.roles.filter((r, i, a) => r && r !== a[i - 1]).map((r) => el("span", { class: `role role-${r}` }, ROLE_NAMES[r] || r))))))));
    },
    async duplicates() {
      const got = await json("GET", "/api/duplicates");
      $("duplicates").replaceChildren(
        el("p", {}, `${got.units} 篇讲话，${got.clusters.length} 组近似重复（阈值 ${got.threshold}）`),
        ...got.clusters.map((c, i) => el("div", { class: "group" }, el("strong", {}, `第 ${i + 1} 组，相似度 ≥ ${c.similarity.toFixed(2)}`),
          el("ul", {}, c.members.map((m, j) => el("li", {}, j === 0 ? "保留 keep " : `${(m.similarity ?? 0).toFixed(2)} `,
            el("span", { class: "loc" }, `${m.source}:${m.first_line}-${m.last_line}`), ` ${m.title || "（无标题）"}`))))));
    },
  };
  for (const button of document.querySelectorAll("[data-load]")) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      button.textContent = "计算中…";
      try { await loaders[button.dataset.load](); button.textContent = "重新计算"; }
      catch (err) { button.textContent = "计算"; if (err instanceof ApiError) toast(err.message); else throw err; }
      finally { button.disabled = false; }
    });
  }
  refreshCounts();
})();
