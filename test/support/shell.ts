import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { REPO_ROOT } from "../../scripts/stack/paths";

/** Every section of the app by URL (the shell's navigation), with what identifies its page. */
export interface SectionPage {
  name: string;
  path: string;
  /** Public pages render on the server and work without JavaScript. */
  public: boolean;
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Collects console errors and uncaught page errors from now on. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

/**
 * Waits for a wallet action's status line (`statusId`) to say its transaction was confirmed; if it
 * never does, fails with what the line and the page's refusals say instead.
 */
export async function confirmed(page: Page, statusId: string, timeout = 45_000): Promise<void> {
  try {
    await page
      .getByTestId(statusId)
      .filter({ hasText: /confirmed in block/i })
      .waitFor({ timeout });
  } catch (error) {
    const status = await page
      .getByTestId(statusId)
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    const refusal = await page
      .locator(".error-state")
      .allTextContents()
      .catch(() => []);
    const shot = path.join(REPO_ROOT, ".azora", "artifacts", "failures", `${statusId}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    throw new Error(`${statusId}: "${status}" ${refusal.join(" | ")} (screenshot: ${shot})`, {
      cause: error,
    });
  }
}
