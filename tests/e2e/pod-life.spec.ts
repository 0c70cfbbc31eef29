import { expect, test } from '@playwright/test';
import { chipAnimations, openFresh, openTerminal, recordAnimations, speedUp, terminalOutput, type, waitForWorkers } from './helpers';

test('a crashing container shakes its pod and bumps the restart counter; expanded, the pod shows the container, its restarts and the back-off countdown', async ({ page }) => {
  await recordAnimations(page);
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await openTerminal(page);
  await type(page, 'kubectl run crasher --image=busybox -- sh -c "echo boom; exit 1"');
  await expect(terminalOutput(page)).toContainText('pod/crasher created');

  const crasher = page.getByRole('button', { name: /^Pod crasher: CrashLoopBackOff on worker-[12] [2-9] restarts\.$/ });
  await expect(crasher).toBeVisible({ timeout: 30_000 });
  // The chip itself counts the restarts and the seconds until the kubelet tries again.
  await expect(crasher).toContainText(/↻[2-9]\s*retry in \d+s/);
  const shakes = (await chipAnimations(page, /^Pod crasher/)).filter((k) => k.some((f) => f.translate === '-3px 0'));
  expect(shakes.length).toBeGreaterThan(0);

  // Hovering tells which container crashed and when it is retried.
  await crasher.hover();
  await expect(page.getByRole('tooltip')).toContainText(/crasher crashed; the kubelet retries in \d+s \(CrashLoopBackOff\)/);

  await crasher.click();
  await expect(crasher).toHaveAttribute('aria-expanded', 'true');
  await expect(crasher.getByRole('listitem')).toHaveText(/^crasher\s*CrashLoopBackOff · ↻[2-9] · retry in \d+s$/);
});

test('a pending pod gives its FailedScheduling reason on focus; a deleted pod fades while Terminating', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await openTerminal(page);
  // A here-document typed line by line, as in a shell.
  for (const line of ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: big', 'spec:', '  containers:', '  - name: c', '    image: nginx:1.27', '    resources:', '      requests:', '        cpu: "64"', 'EOF']) {
    await type(page, line);
  }
  await expect(terminalOutput(page)).toContainText('pod/big created');
  await type(page, 'kubectl run sleeper --image=busybox -- sleep 3600');
  await expect(terminalOutput(page)).toContainText('pod/sleeper created');
  await speedUp(page);

  // Keyboard users get the same reason as mouse users.
  const pending = page.getByRole('button', { name: /^Pod big: Pending\. 0\/3 nodes are available/ });
  await pending.focus();
  await expect(page.getByRole('tooltip')).toContainText(/FailedScheduling 0\/3 nodes are available: .*2 Insufficient cpu/);

  const sleeper = page.getByRole('button', { name: /^Pod sleeper: Running on worker-[12]$/ });
  await expect(sleeper).toBeVisible({ timeout: 30_000 });
  // sleep as PID 1 ignores SIGTERM: the pod stays Terminating for its 30 s grace period.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await type(page, 'kubectl delete pod sleeper --wait=false');
  await expect(terminalOutput(page)).toContainText('pod "sleeper" deleted');
  const terminating = page.getByRole('button', { name: /^Pod sleeper: Terminating on worker-[12]$/ });
  await expect(terminating).toBeVisible();
  await expect(terminating.locator('.chip')).toHaveCSS('opacity', '0.6');
});
