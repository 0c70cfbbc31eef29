import { expect, test } from '@playwright/test';
import { applyButton, chipAnimations, openFresh, podManifest, recordAnimations, setEditorText, waitForWorkers } from './helpers';

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
