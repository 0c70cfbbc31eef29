import { expect, test } from '@playwright/test';
import { applyButton, openFresh, podManifest, setEditorText, waitForWorkers } from './helpers';

/** The animations a pod chip ran, as their keyframes. */
function chipAnimations(page: import('@playwright/test').Page, name: RegExp) {
  return page.getByRole('button', { name }).evaluate((el) =>
    (window as unknown as { kubelabAnimations?: Keyframe[][] }).kubelabAnimations?.concat(el.getAnimations().map((a) => (a.effect as KeyframeEffect).getKeyframes())) ?? [],
  );
}

/** Record every animation started on pod chips, since they end before a test can look. */
async function recordAnimations(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { kubelabAnimations: Keyframe[][] };
    w.kubelabAnimations = [];
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, keyframes, options) {
      if (this.classList.contains('pod')) w.kubelabAnimations.push(Array.isArray(keyframes) ? (keyframes as Keyframe[]) : []);
      return animate.call(this, keyframes, options);
    };
  });
}

test('a bound pod flies from the queue to its node', async ({ page }) => {
  await recordAnimations(page);
  await openFresh(page);
  await waitForWorkers(page);
  await setEditorText(page, podManifest('flyer'));
  await applyButton(page).click();
  await expect(page.getByRole('button', { name: /^Pod flyer: .* on worker-/ })).toBeVisible({ timeout: 30_000 });
  const flights = (await chipAnimations(page, /^Pod flyer/)).filter((k) => k.length === 2 && k[0]!.transform !== k[1]!.transform);
  expect(flights.length).toBeGreaterThan(0);
});

test('with prefers-reduced-motion, nothing travels: pods fade out and in instead', async ({ page }) => {
  await recordAnimations(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openFresh(page);
  await waitForWorkers(page);
  await setEditorText(page, podManifest('calm'));
  await applyButton(page).click();
  await expect(page.getByRole('button', { name: /^Pod calm: .* on worker-/ })).toBeVisible({ timeout: 30_000 });
  const animations = await chipAnimations(page, /^Pod calm/);
  const flights = animations.filter((k) => k.length === 2 && k[0]!.transform !== undefined && k[0]!.transform !== k[1]!.transform);
  expect(flights).toEqual([]);
  expect(animations.some((k) => k.some((f) => f.opacity === 0))).toBe(true);
});
