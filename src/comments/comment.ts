export interface PublicComment {
  id: number;
  nickname: string;
  body: string;
  createdAt: number;
  likes: number;
  dislikes: number;
}

/**
 * Nicknames are shown partly masked, as Korean portals do (독자** for 독자12): readers can follow a
 * thread without the page becoming a directory of handles. Keeps at least one character.
 */
export function maskNickname(nickname: string): string {
  const chars = [...nickname];
  if (chars.length <= 1) return nickname;
  const shown = Math.max(1, Math.ceil(chars.length / 2));
  return chars.slice(0, shown).join("") + "*".repeat(Math.min(chars.length - shown, 4));
}
