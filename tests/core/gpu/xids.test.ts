import { describe, expect, it } from 'vitest';
import { devicesMadeUnhealthy, isCritical, xid, xidLogLine } from '../../../src/core/gpu/xids';
import { dgxA100 } from './dgx-a100';

describe('Xid catalogue', () => {
  it.each([13, 31, 43, 45, 68, 109])('application Xid %i is ignored by the device plugin', (code) => {
    expect(isCritical(code)).toBe(false);
    expect(xid(code)?.recovery).toBe('restart-application');
  });

  it.each([
    [48, 'Double Bit ECC Error', 'gpu-reset'],
    [63, 'ECC page retirement or row remapping recording event', 'gpu-reset'],
    [64, 'ECC page retirement or row remapper recording failure', 'gpu-reset'],
    [74, 'NVLINK Error', 'gpu-reset'],
    [79, 'GPU has fallen off the bus', 'node-reboot'],
    [94, 'Contained ECC error', 'restart-application'],
    [95, 'Uncontained ECC error', 'gpu-reset'],
    [119, 'GSP RPC Timeout', 'node-reboot'],
  ])('Xid %i (%s) is critical and needs %s', (code, name, recovery) => {
    expect(isCritical(code)).toBe(true);
    expect(xid(code)).toMatchObject({ name, recovery, application: false });
  });

  it('an Xid the catalogue does not know is critical, as in the plugin', () => {
    expect(isCritical(999)).toBe(true);
  });
});

describe('which devices an Xid makes unhealthy', () => {
  it('Xid 79 on GPU 3 marks that GPU', () => {
    const gpus = dgxA100();
    expect(devicesMadeUnhealthy(gpus[3]!, 79)).toEqual([gpus[3]!.uuid]);
  });

  it('an application Xid marks nothing', () => {
    expect(devicesMadeUnhealthy(dgxA100()[0]!, 13)).toEqual([]);
  });

  it('an Xid naming a GPU and compute instance marks only that MIG device', () => {
    const gpu = dgxA100('all-1g.5gb')[0]!;
    const target = gpu.mig.gpuInstances[2]!;
    expect(devicesMadeUnhealthy(gpu, 48, { gi: target.id, ci: 0 })).toEqual([target.computeInstances[0]!.uuid]);
  });

  it('a GPU-wide Xid on a MIG GPU marks all its MIG devices', () => {
    expect(devicesMadeUnhealthy(dgxA100('all-1g.5gb')[0]!, 79)).toHaveLength(7);
  });

  it('the kernel log line names the PCI address, the Xid and its name', () => {
    expect(xidLogLine(dgxA100()[1]!, 79)).toBe('NVRM: Xid (PCI:0000:0F:00): 79, GPU has fallen off the bus');
    expect(xidLogLine(dgxA100()[0]!, 13, 4242, 'python')).toBe('NVRM: Xid (PCI:0000:07:00): 13, pid=4242, name=python, Graphics Engine Exception');
  });
});
