import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

function applyPod(spec: string, name = 'p'): string {
  const sim = createSimulation({ seed: 1 });
  const out = sim.apply(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`);
  return out.stderr;
}

describe('Pod validation, in the API server\'s words', () => {
  it('requires an image', () => {
    expect(applyPod('  containers:\n  - name: c\n')).toBe('The Pod "p" is invalid: spec.containers[0].image: Required value');
  });

  it('refuses a name that is not a DNS subdomain', () => {
    expect(applyPod('  containers:\n  - name: c\n    image: nginx\n', 'Web_1')).toBe(
      "The Pod \"Web_1\" is invalid: metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });

  it('lists several errors as bullets', () => {
    expect(applyPod('  restartPolicy: Sometimes\n  containers:\n  - name: c\n')).toBe(
      'The Pod "p" is invalid: \n* spec.containers[0].image: Required value\n* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
  });

  it('wants requests no larger than limits', () => {
    expect(applyPod('  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests: { cpu: "2" }\n      limits: { cpu: "1" }\n')).toBe(
      'The Pod "p" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1',
    );
  });

  it('wants a GPU limit, not only a request', () => {
    expect(applyPod('  containers:\n  - name: c\n    image: cuda\n    resources:\n      requests: { nvidia.com/gpu: 1 }\n')).toBe(
      'The Pod "p" is invalid: spec.containers[0].resources.limits[nvidia.com/gpu]: Required value: Limit must be set for non overcommitable resources',
    );
  });

  it('wants whole GPUs', () => {
    expect(applyPod('  containers:\n  - name: c\n    image: cuda\n    resources:\n      limits: { nvidia.com/gpu: 500m }\n')).toContain(
      'spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer',
    );
  });

  it('wants a GPU request equal to its limit', () => {
    expect(applyPod('  containers:\n  - name: c\n    image: cuda\n    resources:\n      requests: { nvidia.com/gpu: 1 }\n      limits: { nvidia.com/gpu: 2 }\n')).toBe(
      'The Pod "p" is invalid: spec.containers[0].resources.requests[nvidia.com/gpu]: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2',
    );
  });

  it('refuses unknown fields, as strict decoding does', () => {
    expect(applyPod('  containers:\n  - name: c\n    imagee: nginx\n')).toBe(
      'Error from server (BadRequest): error when creating "manifest.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });

  it('refuses a value of the wrong type', () => {
    expect(applyPod('  containers:\n  - name: c\n    image: nginx\n  terminationGracePeriodSeconds: soon\n')).toBe(
      'Error from server (BadRequest): error when creating "manifest.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    );
  });

  it('refuses a malformed quantity while decoding', () => {
    expect(applyPod('  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests: { memory: 1GB }\n')).toBe(
      "Error from server (BadRequest): error when creating \"manifest.yaml\": Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });
});
