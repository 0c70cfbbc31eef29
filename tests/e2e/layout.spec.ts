import { expect, test } from '@playwright/test';
import { commandLine, openFresh, openTerminal, terminalOutput, type, waitForWorkers } from './helpers';

// A classroom projector and a small laptop: everything fits, nothing scrolls sideways.
for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`at ${size.width}×${size.height} every part of the playground is on screen and usable`, async ({ page }) => {
    await page.setViewportSize(size);
    await openFresh(page);
    await waitForWorkers(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    const controls = [
      page.getByRole('combobox', { name: /^Cluster preset/ }),
      page.getByRole('button', { name: 'Pause' }),
      page.getByRole('combobox', { name: 'Speed' }),
      page.getByRole('button', { name: /^Fast-forward until the cluster is quiet/ }),
      page.getByRole('button', { name: 'Faults' }),
      page.getByRole('combobox', { name: 'Language' }),
      page.getByRole('button', { name: 'Keyboard shortcuts and help' }),
      page.getByRole('button', { name: /^Apply/ }),
      page.getByRole('button', { name: 'Templates' }),
      page.getByRole('group', { name: /^Node worker-2, Ready/ }),
      page.getByRole('tab', { name: 'Terminal' }),
      page.getByRole('tab', { name: 'Metrics' }),
    ];
    for (const control of controls) {
      await expect(control).toBeInViewport({ ratio: 1 });
    }

    await openTerminal(page);
    await type(page, 'kubectl get nodes');
    await expect(terminalOutput(page)).toContainText(/worker-2\s+Ready/);
    await expect(commandLine(page)).toBeInViewport({ ratio: 1 });
  });
}
