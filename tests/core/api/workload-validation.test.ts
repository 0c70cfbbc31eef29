import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Secret } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

const DEPLOY = (spec: string, name = 'web') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
${spec}
`;
const TEMPLATE = `  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: c, image: "nginx:1.27" }]`;

describe('workload validation, worded as the API server', () => {
  it.each([
    ['a selector that does not match the template', `  selector: { matchLabels: { app: api } }\n${TEMPLATE}`, 'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ['a missing selector', TEMPLATE, 'The Deployment "web" is invalid: spec.selector: Required value'],
    ['an empty selector', `  selector: {}\n${TEMPLATE}`, 'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ['negative replicas', `  replicas: -1\n  selector: { matchLabels: { app: web } }\n${TEMPLATE}`, 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['maxSurge and maxUnavailable both 0', `  selector: { matchLabels: { app: web } }\n  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }\n${TEMPLATE}`, 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ['maxUnavailable over 100%', `  selector: { matchLabels: { app: web } }\n  strategy: { rollingUpdate: { maxUnavailable: "150%" } }\n${TEMPLATE}`, 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%'],
    ['rollingUpdate with Recreate', `  selector: { matchLabels: { app: web } }\n  strategy: { type: Recreate, rollingUpdate: { maxSurge: 1 } }\n${TEMPLATE}`, "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ['a restartPolicy other than Always', `  selector: { matchLabels: { app: web } }\n${TEMPLATE.replace('spec:\n      containers', 'spec:\n      restartPolicy: Never\n      containers')}`, 'The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ['a GPU request without a limit in the template', `  selector: { matchLabels: { app: web } }\n${TEMPLATE.replace('image: "nginx:1.27"', 'image: "nginx:1.27", resources: { requests: { nvidia.com/gpu: 1 } }')}`, 'The Deployment "web" is invalid: spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]: Required value: Limit must be set for non overcommitable resources'],
    ['a fractional GPU limit', `  selector: { matchLabels: { app: web } }\n${TEMPLATE.replace('image: "nginx:1.27"', 'image: "nginx:1.27", resources: { limits: { nvidia.com/gpu: 0.5 } }')}`, 'The Deployment "web" is invalid: spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer'],
    ['an unknown field', `  selector: { matchLabels: { app: web } }\n  replica: 3\n${TEMPLATE}`, 'Error from server (BadRequest): error when creating "manifest.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"'],
  ])('refuses %s', (_name, spec, message) => {
    const sim = createSimulation();
    const out = sim.apply(DEPLOY(spec));
    expect(out.stderr).toBe(message);
    expect(sim.list('deployments')).toEqual([]);
  });

  it('refuses a change to a Deployment\'s selector as immutable', () => {
    const sim = createSimulation();
    sim.apply(DEPLOY(`  selector: { matchLabels: { app: web } }\n${TEMPLATE}`));
    const out = sim.apply(DEPLOY(`  selector: { matchLabels: { app: web, tier: x } }\n${TEMPLATE.replace('{ app: web }', '{ app: web, tier: x }')}`));
    expect(out.stderr).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('defaults a Deployment as the API server does', () => {
    const sim = createSimulation();
    sim.apply(DEPLOY(`  selector: { matchLabels: { app: web } }\n${TEMPLATE}`));
    const d = sim.get<Deployment>('deploy', 'web')!;
    expect(d.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
    expect(d.spec?.template?.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' });
    expect(d.spec?.template?.spec?.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' });
    expect(d.metadata?.generation).toBe(1);
  });

  it('reports created, configured and unchanged for workloads', () => {
    const sim = createSimulation();
    const yaml = DEPLOY(`  selector: { matchLabels: { app: web } }\n${TEMPLATE}`);
    expect(sim.apply(yaml).stdout).toBe('deployment.apps/web created');
    sim.advance(10);
    expect(sim.apply(yaml).stdout).toBe('deployment.apps/web unchanged');
    expect(sim.apply(yaml.replace('nginx:1.27', 'nginx:1.28')).stdout).toBe('deployment.apps/web configured');
    expect(sim.get<Deployment>('deploy', 'web')!.metadata?.generation).toBe(2);
  });
});

describe('Secrets and ConfigMaps', () => {
  it('encodes stringData into base64 data and forgets it', () => {
    const sim = createSimulation();
    sim.apply('apiVersion: v1\nkind: Secret\nmetadata: { name: db }\nstringData: { password: "s3cr3t é" }\n');
    const s = sim.get<Secret>('secret', 'db')!;
    expect(s.data).toEqual({ password: 'czNjcjN0IMOp' });
    expect(s.type).toBe('Opaque');
    expect((s as { stringData?: unknown }).stringData).toBeUndefined();
  });

  it.each([
    ['data that is not base64', 'apiVersion: v1\nkind: Secret\nmetadata: { name: bad }\ndata: { password: "not base64!" }\n', 'Error from server (BadRequest): error when creating "manifest.yaml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3'],
    ['a TLS secret without its key', 'apiVersion: v1\nkind: Secret\nmetadata: { name: tls }\ntype: kubernetes.io/tls\ndata: { tls.crt: "YQ==" }\n', 'The Secret "tls" is invalid: data[tls.key]: Required value'],
    ['a config key with a space', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: bad }\ndata: { "a b": "x" }\n', "The ConfigMap \"bad\" is invalid: data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"],
  ])('refuses %s', (_name, yaml, message) => {
    expect(createSimulation().apply(yaml).stderr).toBe(message);
  });

  it('refuses changes to an immutable ConfigMap', () => {
    const sim = createSimulation();
    sim.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\nimmutable: true\ndata: { a: "1" }\n');
    expect(sim.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\nimmutable: true\ndata: { a: "2" }\n').stderr).toBe('The ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });
});
