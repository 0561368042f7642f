/**
 * What Korean law asks an internet newspaper to show its readers, kept with the site settings and
 * carried in bundles as `site.legal`:
 * - 신문 등의 진흥에 관한 법률 (신문법) §21 and 시행령 §15: 제호, 등록번호, 등록연월일, 발행인, 편집인,
 *   발행소 주소와 전화번호 where readers easily see them (the site-wide footer);
 * - 신문법 §9의2 and 시행령 §7의2: the 청소년보호책임자, named on the front page as well.
 * Optional: 사업자등록번호, 고충처리인 (언론중재법 §6).
 */
export interface LegalEditor {
  name: string;
  /** what this 편집인 is responsible for, when there are several */
  area?: string;
}

export interface LegalInfo {
  /** 제호, when it differs from the site's name */
  title?: string;
  /** 등록번호, e.g. "서울, 아00000" */
  registrationNumber?: string;
  /** 등록연월일, YYYY-MM-DD */
  registeredOn?: string;
  publisher?: string;
  editors?: LegalEditor[];
  youthProtectionOfficer?: { name: string; contact?: string };
  address?: string;
  phone?: string;
  email?: string;
  businessNumber?: string;
  ombudsman?: string;
}

/** The fields the law requires, in the order the warning lists them, with their Korean names. */
export const REQUIRED_LEGAL_FIELDS = [
  ["registrationNumber", "등록번호"],
  ["registeredOn", "등록연월일"],
  ["publisher", "발행인"],
  ["editors", "편집인"],
  ["youthProtectionOfficer", "청소년보호책임자"],
  ["address", "발행소 주소"],
  ["phone", "전화번호"],
  ["email", "대표 이메일"],
] as const satisfies readonly (readonly [keyof LegalInfo, string])[];

/** The Korean names of the required fields left empty (the newsroom home warns admins of them). */
export function missingLegalFields(legal: LegalInfo): string[] {
  const missing: string[] = [];
  for (const [field, label] of REQUIRED_LEGAL_FIELDS) {
    const v = legal[field];
    const empty =
      v === undefined ||
      (typeof v === "string" && v.trim() === "") ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === "object" && !Array.isArray(v) && !v.name?.trim());
    if (empty) missing.push(label);
  }
  return missing;
}

/** Drops empty strings and empty lists, so what is stored (and exported) is only what was given. */
export function compactLegal(legal: LegalInfo): LegalInfo {
  const out: LegalInfo = {};
  const str = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const put = <K extends keyof LegalInfo>(k: K, v: LegalInfo[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  put("title", str(legal.title));
  put("registrationNumber", str(legal.registrationNumber));
  put("registeredOn", str(legal.registeredOn));
  put("publisher", str(legal.publisher));
  const editors = (legal.editors ?? [])
    .map((e) => ({ name: e.name.trim(), ...(str(e.area) ? { area: str(e.area) } : {}) }))
    .filter((e) => e.name);
  put("editors", editors.length ? editors : undefined);
  const yp = legal.youthProtectionOfficer;
  if (yp?.name.trim()) {
    put("youthProtectionOfficer", {
      name: yp.name.trim(),
      ...(str(yp.contact) ? { contact: str(yp.contact) } : {}),
    });
  }
  put("address", str(legal.address));
  put("phone", str(legal.phone));
  put("email", str(legal.email));
  put("businessNumber", str(legal.businessNumber));
  put("ombudsman", str(legal.ombudsman));
  return out;
}

/** Reads the stored JSON; anything unreadable counts as nothing set (the warning then says so). */
export function parseStoredLegal(json: string | undefined): LegalInfo {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? compactLegal(v as LegalInfo) : {};
  } catch {
    return {};
  }
}
