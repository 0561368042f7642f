// Jikji newsroom: small helpers that need no editor. Forms work without this file.
(() => {
  // Confirm before irreversible or public actions (publish with warnings, unpublish, restore).
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // The title's length against the portals' limit, as it is typed.
  for (const input of document.querySelectorAll("input[data-warn-length]")) {
    const limit = Number(input.getAttribute("data-warn-length"));
    const hint = document.getElementById(input.getAttribute("aria-describedby") || "");
    if (!hint) continue;
    const update = () => {
      const n = [...input.value].length;
      hint.textContent = `${n}자${n > limit ? ` — ${limit}자를 넘었습니다` : ""}`;
      hint.classList.toggle("is-over", n > limit);
    };
    input.addEventListener("input", update);
    update();
  }
})();
