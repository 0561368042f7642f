// The newsroom's rich-text editor (TipTap on ProseMirror), bundled by esbuild when first requested.
// It takes over the body <textarea>, keeps it in sync (so a plain form post always carries the text),
// and autosaves: to the server for saved stories, and to this browser for everything.
import { Editor, mergeAttributes, Node } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

declare global {
  interface Window {
    jikjiEditor?: Editor;
  }
}

/** An in-body photo: `<figure><img><figcaption>▲ caption &lt;credit&gt;</figcaption></figure>`. */
const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: "" }, alt: { default: "" }, caption: { default: "" }, credit: { default: "" } };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (el) => {
          const img = el.querySelector("img");
          if (!img) return false;
          const text = (el.querySelector("figcaption")?.textContent ?? "").trim();
          const m = /^▲?\s*([\s\S]*?)\s*(?:<([^<>]*)>)?$/.exec(text);
          return {
            src: img.getAttribute("src") ?? "",
            alt: img.getAttribute("alt") ?? "",
            caption: m?.[1] ?? text,
            credit: m?.[2] ?? "",
          };
        },
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const { src, alt, caption, credit } = HTMLAttributes as Record<string, string>;
    const text = `▲ ${caption ?? ""}${credit ? ` <${credit}>` : ""}`.trim();
    return ["figure", ["img", mergeAttributes({ src, alt })], ["figcaption", {}, text]];
  },
});

function button(label: string, title: string, run: () => void, isActive?: () => boolean) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.title = title;
  b.setAttribute("aria-label", title);
  b.addEventListener("click", (e) => {
    e.preventDefault();
    run();
  });
  return { el: b, isActive };
}

function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? "";
}

function formToJson(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form).entries()) if (typeof v === "string" && k !== "_csrf") out[k] = v;
  return out;
}

function setUp(form: HTMLFormElement, textarea: HTMLTextAreaElement) {
  const articleId = form.dataset.articleId ?? "";
  const localKey = `jikji.draft.${articleId || "new"}`;
  const status = form.querySelector<HTMLElement>("[data-autosave-status]");
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  const wrapper = document.createElement("div");
  wrapper.className = "nr-rte";
  const toolbar = document.createElement("div");
  toolbar.className = "nr-rte__toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "본문 서식");
  const content = document.createElement("div");
  content.className = "nr-rte__content";
  wrapper.append(toolbar, content);
  textarea.hidden = true;
  textarea.after(wrapper);
  // The field's label now names the editable area (for screen readers and a click on the label).
  const label = textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`) : null;
  label?.addEventListener("click", (e) => {
    e.preventDefault();
    editor.commands.focus();
  });

  const editor = new Editor({
    element: content,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        strike: false,
        horizontalRule: false,
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
      }),
      Figure,
    ],
    content: textarea.value,
    editorProps: {
      attributes: {
        "aria-label": "본문",
        role: "textbox",
        "aria-multiline": "true",
        "aria-describedby": textarea.getAttribute("aria-describedby") ?? "",
      },
    },
  });
  window.jikjiEditor = editor;

  const chain = () => editor.chain().focus();
  const tools = [
    button(
      "문단",
      "문단",
      () => chain().setParagraph().run(),
      () => editor.isActive("paragraph"),
    ),
    button(
      "소제목",
      "소제목",
      () => chain().toggleHeading({ level: 2 }).run(),
      () => editor.isActive("heading", { level: 2 }),
    ),
    button(
      "작은 소제목",
      "작은 소제목",
      () => chain().toggleHeading({ level: 3 }).run(),
      () => editor.isActive("heading", { level: 3 }),
    ),
    button(
      "굵게",
      "굵게 (Ctrl+B)",
      () => chain().toggleBold().run(),
      () => editor.isActive("bold"),
    ),
    button(
      "기울임",
      "기울임 (Ctrl+I)",
      () => chain().toggleItalic().run(),
      () => editor.isActive("italic"),
    ),
    button(
      "링크",
      "링크",
      () => {
        const previous = editor.getAttributes("link").href as string | undefined;
        const href = window.prompt("연결할 주소 (비우면 링크 해제)", previous ?? "https://");
        if (href === null) return;
        if (!href.trim()) chain().extendMarkRange("link").unsetLink().run();
        else chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
      },
      () => editor.isActive("link"),
    ),
    button(
      "인용",
      "인용",
      () => chain().toggleBlockquote().run(),
      () => editor.isActive("blockquote"),
    ),
    button(
      "목록",
      "글머리 목록",
      () => chain().toggleBulletList().run(),
      () => editor.isActive("bulletList"),
    ),
    button(
      "번호",
      "번호 목록",
      () => chain().toggleOrderedList().run(),
      () => editor.isActive("orderedList"),
    ),
    button("사진", "본문에 사진 넣기", () => {
      const select = form.querySelector<HTMLSelectElement>("select[data-lead-media]");
      const choices = select ? [...select.options].filter((o) => o.value) : [];
      const hint = choices
        .slice(0, 10)
        .map((o) => o.textContent)
        .join("\n");
      const pick = window.prompt(`사진 번호(#) 또는 주소를 입력하세요.\n${hint}`);
      if (!pick) return;
      const byId = choices.find((o) => o.value === pick.replace(/^#/, ""));
      const src = byId?.dataset.src ?? pick.trim();
      const caption = window.prompt("사진 설명 (▲ 뒤에 나옵니다)") ?? "";
      const credit = window.prompt("출처 (예: 한빛경제)") ?? "";
      chain()
        .insertContent({ type: "figure", attrs: { src, alt: caption, caption, credit } })
        .run();
    }),
    button("↶", "실행 취소 (Ctrl+Z)", () => chain().undo().run()),
    button("↷", "다시 실행 (Ctrl+Shift+Z)", () => chain().redo().run()),
  ];
  for (const t of tools) toolbar.append(t.el);
  const refresh = () => {
    for (const t of tools) if (t.isActive) t.el.classList.toggle("is-active", t.isActive());
  };
  editor.on("selectionUpdate", refresh);
  editor.on("transaction", refresh);

  let dirty = false;
  const sync = () => {
    textarea.value = editor.getHTML();
  };
  editor.on("update", () => {
    sync();
    dirty = true;
    saveLocally();
  });
  form.addEventListener("input", () => {
    dirty = true;
    saveLocally();
  });
  form.addEventListener("submit", () => {
    sync();
    try {
      window.localStorage.removeItem(localKey);
    } catch {
      // storage unavailable
    }
  });

  function saveLocally() {
    try {
      window.localStorage.setItem(localKey, JSON.stringify({ at: Date.now(), fields: formToJson(form) }));
    } catch {
      // storage full or unavailable: the server autosave still runs
    }
  }

  // A story typed before the tab closed (or before the first save) comes back.
  try {
    const saved = window.localStorage.getItem(localKey);
    if (saved) {
      const { at, fields } = JSON.parse(saved) as { at: number; fields: Record<string, string> };
      const differs = Object.entries(fields).some(([k, v]) => {
        const el = form.elements.namedItem(k);
        return el instanceof HTMLInputElement ||
          el instanceof HTMLTextAreaElement ||
          el instanceof HTMLSelectElement
          ? el.value !== v
          : false;
      });
      if (
        differs &&
        window.confirm(
          `${new Date(at).toLocaleString("ko-KR")}에 이 브라우저에 남은 글이 있습니다. 불러올까요?`,
        )
      ) {
        for (const [k, v] of Object.entries(fields)) {
          const el = form.elements.namedItem(k);
          if (
            el instanceof HTMLInputElement ||
            el instanceof HTMLTextAreaElement ||
            el instanceof HTMLSelectElement
          )
            el.value = v;
        }
        editor.commands.setContent(fields.body ?? "");
        dirty = true;
      }
    }
  } catch {
    // unreadable backup: ignore
  }

  async function autosave() {
    if (!dirty || !articleId) return;
    dirty = false;
    sync();
    say("저장 중…");
    try {
      const res = await fetch(`/newsroom/api/articles/${articleId}/autosave`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrfToken() },
        body: JSON.stringify(formToJson(form)),
        credentials: "same-origin",
      });
      const data = (await res.json()) as {
        revisionId?: number;
        conflict?: boolean;
        error?: { message: string };
      };
      if (!res.ok) throw new Error(data.error?.message ?? `HTTP ${res.status}`);
      const base = form.querySelector<HTMLInputElement>('input[name="baseRevisionId"]');
      if (base && data.revisionId) base.value = String(data.revisionId);
      say(
        `${new Date().toLocaleTimeString("ko-KR")} 자동 저장됨${data.conflict ? " · 그사이 다른 사람도 고쳤습니다. 판 기록을 확인하세요." : ""}`,
      );
    } catch (error) {
      dirty = true;
      say(`자동 저장 실패: ${(error as Error).message} (이 브라우저에는 남아 있습니다)`);
    }
  }
  window.setInterval(autosave, 15_000);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void autosave();
  });
  form.addEventListener("jikji:autosave", () => void autosave());

  // The lead photo's thumbnail follows the select; a new photo can be uploaded right here.
  const lead = form.querySelector<HTMLSelectElement>("select[data-lead-media]");
  if (lead) {
    const upload = document.createElement("label");
    upload.className = "nr-upload";
    const uploadText = document.createElement("span");
    uploadText.textContent = "새 사진 올리기 (JPEG, PNG, WebP)";
    const file = document.createElement("input");
    file.type = "file";
    file.accept = "image/jpeg,image/png,image/webp";
    upload.append(uploadText, file);
    lead.closest("label")?.after(upload);
    file.addEventListener("change", async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      const body = new FormData();
      body.append("file", chosen);
      const caption = form.querySelector<HTMLInputElement>('input[name="leadCaption"]')?.value ?? "";
      const credit = form.querySelector<HTMLInputElement>('input[name="leadCredit"]')?.value ?? "";
      body.append("caption", caption);
      body.append("credit", credit);
      uploadText.textContent = "올리는 중…";
      try {
        const res = await fetch("/newsroom/api/media", {
          method: "POST",
          headers: { "x-csrf-token": csrfToken() },
          body,
          credentials: "same-origin",
        });
        const data = (await res.json()) as {
          id?: number;
          src?: string;
          width?: number;
          height?: number;
          error?: { message: string };
        };
        if (!res.ok || !data.id || !data.src) throw new Error(data.error?.message ?? `HTTP ${res.status}`);
        const option = document.createElement("option");
        option.value = String(data.id);
        option.dataset.src = data.src;
        option.textContent = `#${data.id} ${chosen.name} (${data.width}×${data.height})`;
        lead.insertBefore(option, lead.options[1] ?? null);
        lead.value = option.value;
        lead.dispatchEvent(new Event("change"));
        dirty = true;
        uploadText.textContent = "사진을 올렸습니다. 다른 사진 올리기";
      } catch (error) {
        uploadText.textContent = `올리지 못했습니다: ${(error as Error).message}`;
      } finally {
        file.value = "";
      }
    });
    const preview = document.createElement("div");
    preview.className = "nr-lead-preview";
    lead.after(preview);
    const show = () => {
      const src = lead.selectedOptions[0]?.dataset.src;
      preview.replaceChildren();
      if (src) {
        const img = document.createElement("img");
        img.src = src;
        img.alt = "";
        preview.append(img);
      }
    };
    lead.addEventListener("change", show);
    show();
  }
}

const form = document.querySelector<HTMLFormElement>("form[data-editor-form]");
const textarea = form?.querySelector<HTMLTextAreaElement>("textarea[data-rich-text]");
if (form && textarea) setUp(form, textarea);
