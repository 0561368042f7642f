// Jikji newsroom: keeps the editor's soft lock on a story (issue 15 §7). Without this script the lock
// simply expires 90 s after the page was opened or last saved; saving still works and still checks.
(() => {
  const form = document.querySelector("form[data-lock-heartbeat]");
  if (!(form instanceof HTMLFormElement)) return;
  const url = form.getAttribute("data-lock-heartbeat");
  const every = Number(form.getAttribute("data-lock-ms")) || 30000;
  const status = form.querySelector("[data-lock-status]");
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") || "";
  let lost = false;

  const say = (text) => {
    if (status) status.textContent = text;
  };

  async function beat() {
    if (lost) return;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: "{}",
        credentials: "same-origin",
      });
      if (res.status === 409) {
        // Someone took the story over: tell the editor at once; their text stays in the form.
        const data = await res.json().catch(() => ({}));
        lost = true;
        const message = data?.error?.message || "다른 사람이 편집을 넘겨받았습니다.";
        say(message);
        const banner = document.createElement("p");
        banner.className = "nr-lock";
        banner.setAttribute("role", "alert");
        banner.setAttribute("data-lock-lost", "");
        banner.textContent = `${message} 내 글은 이 화면에 그대로 있으니 복사해 두세요.`;
        // Above the editor's two columns, not inside their grid.
        const anchor = form.closest(".nr-editor-layout") || form;
        anchor.parentElement?.insertBefore(banner, anchor);
      }
    } catch {
      // offline for a moment: the next beat tries again
    }
  }

  window.setInterval(beat, every);
  // Leaving the editor lets go, so the next editor need not wait for the lock to expire.
  window.addEventListener("pagehide", () => {
    if (lost || !navigator.sendBeacon) return;
    const body = new URLSearchParams({ _csrf: csrf });
    navigator.sendBeacon(`${url}/release`, body);
  });
})();
