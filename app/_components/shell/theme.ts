/** The browser's bar colour in light and dark mode (App Router's viewport; pages/_document.tsx). */
export const THEME_COLORS = [
  { media: "(prefers-color-scheme: light)", color: "#0a6847" },
  { media: "(prefers-color-scheme: dark)", color: "#0d1512" },
] as const;
