import { expect, test } from '@playwright/test';
import { commandLine, openFresh, openTerminal, podManifest, savedActiveText, setEditorText, speedUp, terminalOutput, type, waitForWorkers, watchConsole } from './helpers';

test('kubectl in the terminal: get nodes, apply an editor file by name, get pods; the cluster view follows', async ({ page }) => {
  const errors = watchConsole(page);
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await setEditorText(page, podManifest('from-file'));
  await openTerminal(page);

  await type(page, 'kubectl get nodes');
  await expect(terminalOutput(page)).toContainText(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  await expect(terminalOutput(page)).toContainText(/worker-1\s+Ready\s+<none>/);

  await type(page, 'kubectl apply -f manifest.yaml');
  await expect(terminalOutput(page)).toContainText('pod/from-file created');
  // The same core as the editor's Apply: the pod appears in the cluster view and runs.
  await expect(page.getByRole('button', { name: /^Pod from-file: Running on worker-[12]$/ })).toBeVisible({ timeout: 30_000 });

  await type(page, 'kubectl get pods');
  await expect(terminalOutput(page)).toContainText(/from-file\s+1\/1\s+Running\s+0\s+\d+s/);

  await type(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=1');
  await expect(terminalOutput(page)).toContainText('deployment.apps/web created');
  await type(page, 'kubectl scale deployment web --replicas=3');
  await expect(terminalOutput(page)).toContainText('deployment.apps/web scaled');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9]+-[a-z0-9]{5}: / })).toHaveCount(3, { timeout: 30_000 });

  await type(page, 'kubectl get pod nope');
  await expect(terminalOutput(page)).toContainText('Error from server (NotFound): pods "nope" not found');
  await type(page, 'ls');
  await expect(terminalOutput(page)).toContainText('bash: ls: command not found');

  // The history survives a reload: Up brings back the last command.
  await page.reload();
  await expect(commandLine(page)).toBeVisible();
  await commandLine(page).press('ArrowUp');
  await expect(commandLine(page)).toHaveValue('ls');
  await commandLine(page).press('ArrowUp');
  await expect(commandLine(page)).toHaveValue('kubectl get pod nope');
  expect(errors).toEqual([]);
});

test('Tab completes commands, kinds and names; Ctrl+C stops a watch; Ctrl+L clears the screen', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await openTerminal(page);
  const input = commandLine(page);

  await input.pressSequentially('kubectl desc');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl describe ');
  await input.pressSequentially('no');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl describe nodes ');
  await input.pressSequentially('worker-');
  await input.press('Tab');
  // Two nodes match: the candidates are listed, as bash lists them.
  await expect(terminalOutput(page)).toContainText(/worker-1\s+worker-2/);
  await input.pressSequentially('2');
  await input.press('Enter');
  await expect(terminalOutput(page)).toContainText(/Name:\s+worker-2/);

  await type(page, 'kubectl get pods -w');
  await expect(page.getByRole('status').filter({ hasText: 'Watching for changes. Press Ctrl+C to stop.' })).toBeVisible();
  await expect(input).not.toBeEditable();
  await setEditorText(page, podManifest('watched'));
  await page.getByRole('button', { name: /^Apply/ }).click();
  // The watch streams the new pod's rows while the clock runs.
  await expect(terminalOutput(page)).toContainText(/watched\s+0\/1\s+Pending/);
  await input.focus();
  await input.press('Control+c');
  await expect(terminalOutput(page)).toContainText('^C');
  await expect(page.getByRole('status').filter({ hasText: 'Watching for changes' })).toHaveCount(0);
  await expect(input).toBeEditable();

  await input.press('Control+l');
  await expect(terminalOutput(page)).toHaveText('');
  await type(page, 'kubectl get pods -o name');
  await expect(terminalOutput(page)).toContainText('pod/watched');
});

test('kubectl edit opens the object in an editor tab; Apply saves it and the terminal prints the outcome', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await openTerminal(page);
  await type(page, 'kubectl create deployment web --image=nginx:1.27');
  await expect(terminalOutput(page)).toContainText('deployment.apps/web created');

  await type(page, 'kubectl edit deployment web');
  const tab = page.getByRole('tab', { name: 'edit-deployment-web.yaml' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('note')).toContainText('Editing deployment.apps/web (kubectl edit)');
  const text = (await expect.poll(() => savedActiveText(page)).toContain('# Please edit the object below.'), (await savedActiveText(page))!);

  // An invalid change: the tab reopens with the reason in its header, and nothing changes.
  const spec = text.indexOf('\nspec:\n');
  const invalid = text.slice(0, spec) + text.slice(spec).replace('  replicas: 1\n', '  replicas: -1\n');
  await setEditorText(page, invalid);
  await page.getByRole('button', { name: /^Apply/ }).click();
  await expect(terminalOutput(page)).toContainText('error: deployments.apps "web" was not valid');
  await expect.poll(() => savedActiveText(page)).toContain('# * spec.replicas: Invalid value: -1: must be greater than or equal to 0');

  const valid = (await savedActiveText(page))!.replace('  replicas: -1\n', '  replicas: 2\n');
  await setEditorText(page, valid);
  await page.getByRole('button', { name: /^Apply/ }).click();
  await expect(terminalOutput(page)).toContainText('deployment.apps/web edited');
  await expect(tab).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9]+-[a-z0-9]{5}: / })).toHaveCount(2, { timeout: 30_000 });

  // Closing an edit tab unsaved is quitting the editor: kubectl cancels the edit.
  await type(page, 'kubectl edit deployment web');
  await expect(tab).toBeVisible();
  await tab.press('Delete');
  await expect(terminalOutput(page)).toContainText('Edit cancelled, no changes made.');
  await expect(tab).toHaveCount(0);
});

test('a node shell on a GPU node runs nvidia-smi', async ({ page }) => {
  await openFresh(page, '?preset=gpu-lab');
  await expect(page.getByRole('group', { name: /^Node t4-1, Ready/ })).toBeVisible();
  // Ctrl+` goes to the terminal from anywhere.
  await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).focus();
  await page.keyboard.press('Control+Backquote');
  await expect(commandLine(page)).toBeFocused();

  await type(page, 'kubectl debug node/t4-1 -it --image=busybox');
  await expect(terminalOutput(page)).toContainText(/Creating debugging pod node-debugger-t4-1-[a-z0-9]{5} with container debugger on node t4-1\./);
  await expect(page.getByText('root@t4-1:/#', { exact: true }).last()).toBeVisible();
  await type(page, 'nvidia-smi -L');
  await expect(terminalOutput(page)).toContainText(/GPU 0: Tesla T4 \(UUID: GPU-[0-9a-f-]{36}\)/);
  await type(page, 'nvidia-smi');
  await expect(terminalOutput(page)).toContainText('NVIDIA-SMI');
  await expect(terminalOutput(page)).toContainText('Tesla T4');
  await type(page, 'exit');
  await expect(page.getByText('$', { exact: true }).last()).toBeVisible();
  await type(page, 'kubectl get pods');
  await expect(terminalOutput(page)).toContainText(/node-debugger-t4-1-[a-z0-9]{5}/);
});
