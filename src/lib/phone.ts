/** Digits only: staff type hyphens, spaces, brackets and full-width digits. */
export function normalizePhone(text: string): string {
  return text.normalize("NFKC").replace(/[\s\-‐‑–—―ー−()（）]/g, "");
}

export function isPhone(digits: string): boolean {
  return /^0\d{9,10}$/.test(digits);
}

/** 09012345678 -> 090-1234-5678; 0312345678 -> 03-1234-5678 (Tokyo, Osaka), else 3-3-4. */
export function formatPhone(digits: string | null | undefined): string {
  if (!digits) return "";
  if (/^0[5789]0\d{8}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (/^0[36]\d{8}$/.test(digits)) return `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6)}`;
  if (/^0\d{9}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  return digits;
}
