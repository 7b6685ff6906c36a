// What AzoraCredential's metadata holds as it is (contracts/libraries/MetadataText.sol): a course
// title (ProofOfKnowledge's `registerCourse` and `updateCourse`) and the public base URL
// (AzoraCredential's `setBaseUrl`). Checked here before a transaction or a proposal is made, so a
// mistake is told in words instead of as a revert.

/** ProofOfKnowledge.MAX_TITLE_LENGTH: the longest course title, in UTF-8 bytes. */
export const MAX_COURSE_TITLE_BYTES = 64;
/** AzoraCredential.MAX_BASE_URL_LENGTH: the longest base URL, in bytes. */
export const MAX_BASE_URL_BYTES = 128;

/** MetadataText.isPlain for every character: no control character or DEL, no `"`, `\`, `<`, `>` or `&`. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || '"\\<>&'.includes(text.charAt(i))) return false;
  }
  return true;
}

/**
 * Why ProofOfKnowledge refuses `title` (`ProofOfKnowledgeInvalidCourseTitle`): empty, longer than
 * `MAX_COURSE_TITLE_BYTES`, or holding a character the metadata cannot hold as it is; null if it
 * takes it.
 */
export function courseTitleProblem(title: string): string | null {
  const bytes = new TextEncoder().encode(title).length;
  if (bytes === 0) return "a course title cannot be empty";
  if (bytes > MAX_COURSE_TITLE_BYTES)
    return `a course title is at most ${MAX_COURSE_TITLE_BYTES} bytes (this one is ${bytes})`;
  if (!isPlain(title)) return 'a course title has no control character and no ", \\, <, > or &';
  return null;
}

/**
 * Why AzoraCredential refuses `url` as its base URL (`AzoraCredentialInvalidBaseUrl`), or null if
 * it takes it: empty (no link), or http(s):// and a host, printable ASCII without `"`, `\`, `<`,
 * `>`, `&`, `?`, `#`, spaces or a trailing `/`, at most `MAX_BASE_URL_BYTES`.
 */
export function baseUrlProblem(url: string): string | null {
  if (url === "") return null;
  if (!/^https?:\/\/./.test(url)) return "a base URL starts with http:// or https:// and a host";
  if (url.length > MAX_BASE_URL_BYTES) return `a base URL is at most ${MAX_BASE_URL_BYTES} bytes`;
  if (url.endsWith("/")) return "a base URL has no trailing /";
  if (!/^[\u0021-\u007e]*$/.test(url) || !isPlain(url) || /[?#]/.test(url))
    return 'a base URL is printable ASCII without spaces, ", \\, <, >, &, ? or #';
  return null;
}
