import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, isLocale } from "@/app/_i18n/config";

/** The language form's few bytes; anything longer is not ours. */
const MAX_BODY_BYTES = 256;

/**
 * The language switcher's form target (a plain POST: it works without JavaScript, on App Router
 * and Pages Router pages alike): remembers the choice in a cookie, then sends the reader back to
 * the page they were on (its path only, from `Referer`, so it never redirects off this site).
 */
export async function POST(request: Request): Promise<Response> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return new Response("The language form is a few bytes long.", { status: 413 });
  const text = (await request.text()).slice(0, MAX_BODY_BYTES);
  const locale = new URLSearchParams(text).get("locale");
  if (!isLocale(locale)) return new Response("Choose en, fr or sw.", { status: 400 });
  const response = new Response(null, { status: 303, headers: { location: backTo(request) } });
  response.headers.append(
    "set-cookie",
    `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax`,
  );
  return response;
}

/** The path (and query) of the page the form was on, or the home page. */
function backTo(request: Request): string {
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return url.pathname.startsWith("/") && !url.pathname.startsWith("//") ? url.pathname + url.search : "/";
  } catch {
    return "/";
  }
}
