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
          await navigator.share({ title: target.getAttribute("data-title") || document.title, url });
          return;
        } catch {
          // the reader closed the sheet
          return;
        }
      }
      toast((await copyText(url)) ? "주소를 복사했습니다. 카카오톡 대화창에 붙여 넣어 보내세요." : url);
    }
  });

  applyFontSize(storedFontSize());
  for (const form of document.querySelectorAll(".comment-form")) setUpCommentCounter(form);
})();
