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

  // A photo's focal point: a click on the preview fills the two percent fields (which work alone too).
  for (const preview of document.querySelectorAll("img[data-focus-preview]")) {
    const form = preview.closest("section")?.querySelector("form");
    const x = form?.querySelector("input[name=focus_x]");
    const y = form?.querySelector("input[name=focus_y]");
    if (!x || !y) continue;
    preview.style.cursor = "crosshair";
    preview.title = "누르면 그 자리가 초점이 됩니다";
    preview.addEventListener("click", (event) => {
      const box = preview.getBoundingClientRect();
      const percent = (v) => String(Math.round(Math.min(100, Math.max(0, v * 100))));
      x.value = percent((event.clientX - box.left) / box.width);
      y.value = percent((event.clientY - box.top) / box.height);
      x.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  // 편집판: drag a story from the list onto a slot's row, or a row onto another row of the same slot
  // (the two swap). Only fills the form's fields: 미리보기 / 지금 적용 still send the plain form.
  const layoutForm = document.getElementById("fp-form");
  if (layoutForm) {
    let dragged = null;
    const fields = (row) => [row.querySelector("input[name^='s.']"), row.querySelector("input[name^='u.']")];
    for (const item of document.querySelectorAll(".fp-stories [data-num]")) {
      item.addEventListener("dragstart", (event) => {
        dragged = { num: item.getAttribute("data-num") };
        event.dataTransfer?.setData("text/plain", dragged.num || "");
      });
    }
    for (const row of layoutForm.querySelectorAll("[data-row]")) {
      row.addEventListener("dragstart", (event) => {
        if (event.target instanceof HTMLInputElement) return;
        dragged = { row };
        event.dataTransfer?.setData("text/plain", "");
      });
      row.addEventListener("dragover", (event) => {
        event.preventDefault();
        row.classList.add("is-drop-target");
      });
      row.addEventListener("dragleave", () => row.classList.remove("is-drop-target"));
      row.addEventListener("drop", (event) => {
        event.preventDefault();
        row.classList.remove("is-drop-target");
        const [num, until] = fields(row);
        if (!dragged || !num || !until) return;
        if (dragged.num) {
          // The same story elsewhere on the page gives its place up: a story stands once.
          for (const other of layoutForm.querySelectorAll("input[name^='s.']")) {
            if (other !== num && other.value === dragged.num) other.value = "";
          }
          num.value = dragged.num;
        } else if (dragged.row && dragged.row !== row && dragged.row.parentElement === row.parentElement) {
          const [otherNum, otherUntil] = fields(dragged.row);
          if (otherNum && otherUntil) {
            [num.value, otherNum.value] = [otherNum.value, num.value];
            [until.value, otherUntil.value] = [otherUntil.value, until.value];
          }
        }
        dragged = null;
      });
    }
  }
})();
