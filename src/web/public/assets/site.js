// Jikji public site: small progressive enhancements. Every page works without this file; it adds
// the text-size buttons, share and copy buttons, and the comment byte counter.
(() => {
  const FONT_KEY = "jikji.fontSize";
  const FONT_MIN = 1;
  const FONT_MAX = 5;
  const FONT_DEFAULT = 3;

  function storedFontSize() {
    try {
      const v = Number(window.localStorage.getItem(FONT_KEY));
      return v >= FONT_MIN && v <= FONT_MAX ? v : FONT_DEFAULT;
    } catch {
      return FONT_DEFAULT;
    }
  }

  function applyFontSize(level) {
    for (const body of document.querySelectorAll("[data-article-body]"))
      body.setAttribute("data-size", String(level));
  }

  // Boxes shared by many pages (인기기사 on article pages) come from a kept fragment of their own; the
  // placeholder already links to the full page, so a failed fetch leaves a working link.
  for (const slot of document.querySelectorAll("[data-fragment]")) {
    const url = slot.getAttribute("data-fragment");
    if (!url?.startsWith("/fragments/")) continue;
    fetch(url, { credentials: "omit", headers: { accept: "text/html" } })
      .then((res) => (res.ok ? res.text() : ""))
      .then((html) => {
        if (!html.trim()) return;
        const template = document.createElement("template");
        template.innerHTML = html;
        const box = template.content.firstElementChild;
        if (box) slot.replaceWith(box);
      })
      .catch(() => undefined);
  }

  let toastTimer = 0;
  function toast(message) {
    let el = document.querySelector(".toast");
    if (!el) {
      el = document.createElement("p");
      el.className = "toast";
      el.setAttribute("role", "status");
      el.setAttribute("aria-live", "polite");
      document.body.appendChild(el);
    }
    el.textContent = message;
    el.classList.add("is-visible");
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => el.classList.remove("is-visible"), 2500);
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // fall through to the selection method (clipboard permission refused)
      }
    }
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    field.remove();
    return ok;
  }

  // The comment rule: ASCII counts 1, every other code point 2 (so an emoji is 2). Same as the server.
  function koreanBytes(text) {
    let n = 0;
    for (const ch of text) n += ch.codePointAt(0) > 0x7f ? 2 : 1;
    return n;
  }

  function clipToBytes(text, max) {
    let n = 0;
    let out = "";
    for (const ch of text) {
      const w = ch.codePointAt(0) > 0x7f ? 2 : 1;
      if (n + w > max) break;
      n += w;
      out += ch;
    }
    return out;
  }

  function setUpCommentCounter(form) {
    const area = form.querySelector("textarea[data-max-bytes]");
    const count = form.querySelector("[data-byte-count]");
    if (!area || !count) return;
    const max = Number(area.getAttribute("data-max-bytes"));
    const update = () => {
      // While an IME is composing a syllable, clipping would break it; clip once it is committed.
      if (koreanBytes(area.value) > max) area.value = clipToBytes(area.value, max);
      const bytes = koreanBytes(area.value);
      count.textContent = String(bytes);
      count.parentElement.classList.toggle("is-full", bytes >= max);
    };
    let composing = false;
    area.addEventListener("compositionstart", () => {
      composing = true;
    });
    area.addEventListener("compositionend", () => {
      composing = false;
      update();
    });
    area.addEventListener("input", () => {
      if (!composing) update();
      else count.textContent = String(koreanBytes(area.value));
    });
    update();
  }

  document.addEventListener("click", async (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-font], [data-share]") : null;
    if (!target) return;
    const font = target.getAttribute("data-font");
    if (font) {
      const next = Math.min(FONT_MAX, Math.max(FONT_MIN, storedFontSize() + (font === "up" ? 1 : -1)));
      try {
        window.localStorage.setItem(FONT_KEY, String(next));
      } catch {
        // private mode: the size still applies to this page
      }
      applyFontSize(next);
      return;
    }
    const share = target.getAttribute("data-share");
    const url = target.getAttribute("data-url") || window.location.href;
    if (share === "print") {
      window.print();
    } else if (share === "copy") {
      toast((await copyText(url)) ? "기사 주소가 복사되었습니다." : `주소를 복사하지 못했습니다: ${url}`);
    } else if (share === "kakaotalk") {
      // Without a Kakao app key the KakaoTalk SDK cannot be used; phones offer KakaoTalk in the share sheet.
      if (navigator.share) {
        try {
          const headline = document.querySelector('meta[property="og:title"]')?.getAttribute("content");
          await navigator.share({ title: headline || document.title, url });
          return;
        } catch {
          // the reader closed the sheet
          return;
        }
      }
      toast((await copyText(url)) ? "주소를 복사했습니다. 카카오톡 대화창에 붙여 넣어 보내세요." : url);
    }
  });

  async function api(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    if (res.status === 204) return {};
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error?.message || "잠시 뒤에 다시 시도해 주세요.");
    return data;
  }

  function formatKst(iso) {
    return iso.slice(0, 16).replace("T", " ");
  }

  function commentElement(c) {
    const li = document.createElement("li");
    li.className = "comment is-new";
    li.id = `comment-${c.id}`;
    li.setAttribute("data-comment-id", String(c.id));
    const meta = document.createElement("p");
    meta.className = "comment__meta";
    const nick = document.createElement("strong");
    nick.className = "comment__nick";
    nick.textContent = c.nickname;
    const time = document.createElement("time");
    time.dateTime = c.createdAt;
    time.textContent = formatKst(c.createdAt);
    meta.append(nick, " ", time);
    const body = document.createElement("p");
    body.className = "comment__body";
    body.textContent = c.body;
    const actions = document.createElement("p");
    actions.className = "comment__actions";
    const del = document.createElement("button");
    del.type = "button";
    del.setAttribute("data-comment-delete", "");
    del.textContent = "삭제";
    actions.append(del);
    li.append(meta, body, actions);
    return li;
  }

  function setUpCommentForm(form) {
    const message = form.querySelector(".comment-form__message");
    const say = (text, ok) => {
      message.textContent = text;
      message.hidden = false;
      message.classList.toggle("is-ok", Boolean(ok));
    };
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      const data = Object.fromEntries(new FormData(form).entries());
      button.disabled = true;
      try {
        const res = await api("POST", `/api/v1/articles/${form.getAttribute("data-article")}/comments`, data);
        form.querySelector("textarea").value = "";
        form.querySelector("textarea").dispatchEvent(new Event("input"));
        if (res.comment.status === "held") {
          say(res.message || "관리자가 확인한 뒤 게시됩니다.", true);
          return;
        }
        let list = document.querySelector(".comment-list");
        if (!list) {
          list = document.createElement("ol");
          list.className = "comment-list";
          const empty = document.querySelector(".comments__empty");
          if (empty) empty.replaceWith(list);
          else form.parentElement.append(list);
        }
        list.prepend(commentElement(res.comment));
        const count = document.querySelector("[data-comment-count]");
        if (count) count.textContent = String(Number(count.textContent) + 1);
        say("댓글을 등록했습니다.", true);
      } catch (error) {
        say(error.message, false);
      } finally {
        button.disabled = false;
      }
    });
  }

  function inlineForm(item, kind) {
    const existing = item.querySelector(".comment__inline");
    if (existing) {
      existing.remove();
      return;
    }
    const form = document.createElement("form");
    form.className = "comment__inline";
    const label = document.createElement("label");
    const text = document.createElement("span");
    let field;
    if (kind === "delete") {
      text.textContent = "비밀번호";
      field = document.createElement("input");
      field.type = "password";
      field.required = true;
      field.maxLength = 64;
      field.autocomplete = "current-password";
    } else {
      text.textContent = "신고 사유";
      field = document.createElement("select");
      for (const reason of ["욕설·비하", "명예훼손·허위사실", "광고·도배", "개인정보 노출", "기타"]) {
        const option = document.createElement("option");
        option.textContent = reason;
        field.append(option);
      }
    }
    label.append(text, field);
    const submit = document.createElement("button");
    submit.type = "submit";
    submit.textContent = kind === "delete" ? "삭제" : "신고";
    const note = document.createElement("span");
    note.className = "comment__note";
    note.setAttribute("role", "status");
    form.append(label, submit, note);
    item.append(form);
    field.focus();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const id = item.getAttribute("data-comment-id");
      try {
        if (kind === "delete") {
          await api("DELETE", `/api/v1/comments/${id}`, { password: field.value });
          item.remove();
          const count = document.querySelector("[data-comment-count]");
          if (count) count.textContent = String(Math.max(0, Number(count.textContent) - 1));
          toast("댓글을 삭제했습니다.");
        } else {
          await api("POST", `/api/v1/comments/${id}/reports`, { reason: field.value });
          form.remove();
          toast("신고가 접수되었습니다.");
        }
      } catch (error) {
        note.textContent = error.message;
      }
    });
  }

  document.addEventListener("click", async (event) => {
    const target =
      event.target instanceof Element
        ? event.target.closest("[data-vote], [data-comment-delete], [data-comment-report]")
        : null;
    if (!target) return;
    const item = target.closest("[data-comment-id]");
    if (!item) return;
    if (target.hasAttribute("data-comment-delete")) return inlineForm(item, "delete");
    if (target.hasAttribute("data-comment-report")) return inlineForm(item, "report");
    try {
      const counts = await api("POST", `/api/v1/comments/${item.getAttribute("data-comment-id")}/votes`, {
        value: target.getAttribute("data-vote"),
      });
      item.querySelector("[data-likes]").textContent = String(counts.likes);
      item.querySelector("[data-dislikes]").textContent = String(counts.dislikes);
      target.classList.add("is-chosen");
    } catch (error) {
      toast(error.message);
    }
  });

  applyFontSize(storedFontSize());
  for (const form of document.querySelectorAll(".comment-form")) {
    setUpCommentCounter(form);
    setUpCommentForm(form);
  }

  // Counting reads (most-read): one beacon once the article has been on screen for 5 seconds in all
  // (the Page Visibility API pauses the clock while the tab is hidden). Sent from the reader's
  // browser, so it counts even when a CDN served the page; the server dedupes and drops robots.
  const articleMatch = /^\/article\/([1-9][0-9]{0,15})\/?$/.exec(window.location.pathname);
  if (articleMatch) {
    const READ_AFTER_MS = 5000;
    let visibleMs = 0;
    let visibleSince = null;
    let readTimer = 0;
    let sent = false;
    const pause = () => {
      if (visibleSince === null) return;
      visibleMs += performance.now() - visibleSince;
      visibleSince = null;
      window.clearTimeout(readTimer);
    };
    const send = () => {
      sent = true;
      document.removeEventListener("visibilitychange", onVisibility);
      fetch("/api/v1/views", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ article: Number(articleMatch[1]) }),
        credentials: "same-origin",
        keepalive: true,
      }).catch(() => {
        // a lost beacon is one uncounted read; never bother the reader with it
      });
    };
    const resume = () => {
      if (sent || visibleSince !== null || document.visibilityState !== "visible") return;
      visibleSince = performance.now();
      readTimer = window.setTimeout(() => {
        pause();
        if (visibleMs >= READ_AFTER_MS - 20) send();
        else resume();
      }, READ_AFTER_MS - visibleMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") resume();
      else pause();
    };
    document.addEventListener("visibilitychange", onVisibility);
    resume();
  }
})();
