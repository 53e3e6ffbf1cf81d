// Shared helpers of the workbench pages. Everything a user or the corpus supplies is put in
// the page with textContent, never innerHTML, so it shows as text and never runs.
"use strict";

const SK = (() => {
  const token = document.querySelector('meta[name="speechkit-token"]').content;
  const ROLE_NAMES = {
    opening: "开头", significance: "意义", situation: "形势", tasks: "任务",
    safeguards: "保障", closing: "结尾",
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  class ApiError extends Error {
    constructor(status, errors) {
      super(errors.map((e) => e.message).join("\n"));
      this.status = status;
      this.errors = errors;
    }
  }

  async function api(method, url, body, { raw = false, headers = {} } = {}) {
    const init = { method, headers: { "X-Speechkit-Token": token, ...headers } };
    if (body !== undefined) {
      if (raw) init.body = body;
      else {
        init.body = JSON.stringify(body);
        init.headers["Content-Type"] = "application/json";
      }
    }
    const response = await fetch(url, init);
    if (!response.ok) {
      let errors = [{ key: "request", message: `HTTP ${response.status}` }];
      try { errors = (await response.json()).errors || errors; } catch (_) { /* not JSON */ }
      throw new ApiError(response.status, errors);
    }
    return response;
  }

  const json = async (method, url, body) => (await api(method, url, body)).json();

  let toastTimer = null;
  function toast(message) {
    const box = document.getElementById("toast");
    box.textContent = message;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  let statusTimer = null;
  async function pollStatus() {
    clearTimeout(statusTimer);
    const badge = document.getElementById("status");
    try {
      const s = await json("GET", "/api/status");
      const c = s.counts;
      const model = { ready: "语料模型已就绪", building: "语料模型构建中…", stale: "语料模型待构建" }[s.model];
      badge.textContent = `${model} · ${c.speeches} 篇 ${c.paragraphs} 段`;
      badge.dataset.state = s.model;
      if (s.model_error) badge.title = s.model_error;
      statusTimer = setTimeout(pollStatus, s.model === "ready" && !s.jobs.length ? 15000 : 1500);
    } catch (err) {
      badge.textContent = "服务器未响应";
      badge.dataset.state = "error";
      statusTimer = setTimeout(pollStatus, 5000);
    }
  }
  document.addEventListener("DOMContentLoaded", pollStatus);

  return { el, api, json, toast, ApiError, ROLE_NAMES, refreshStatus: pollStatus };
})();
