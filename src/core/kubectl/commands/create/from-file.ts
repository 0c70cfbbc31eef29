import { formatInvalid } from '../../../api/field-errors';
import { apiVersionOf, qualifiedSingular } from '../../../api/resource-types';
import { strictDecode } from '../../../api/schema/strict';
import { decodeManifests } from '../../../api/yaml-decode';
import { ApiError } from '../../../store/api-error';
import type { CommandContext } from '../../framework/command';
import { joinLines, type KubectlResult } from '../../framework/result';
import type { ManifestSource } from '../file-input';

/**
 * `kubectl create -f`: like apply, but every object must be new (AlreadyExists otherwise) and no
 * last-applied annotation is written unless --save-config. Each document stands on its own.
 */
export function createFromSources(ctx: CommandContext, sources: readonly ManifestSource[]): KubectlResult {
  const store = ctx.host.store;
  const stdout: string[] = [];
  const stderr: string[] = [];
  for (const source of sources) {
    const decoded = decodeManifests(source.text, source.name);
    if (!decoded.ok) {
      stderr.push(`error: ${decoded.error.message}`);
      continue;
    }
    if (decoded.documents.length === 0) stderr.push('error: no objects passed to create');
    for (const doc of decoded.documents) {
      const obj = doc.object;
      const name = obj.metadata?.name ?? '';
      const type = store.registry.types.forObject(String(obj.apiVersion), String(obj.kind));
      if (!type) {
        stderr.push(`error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(obj.metadata?.namespace ?? '')} from ${JSON.stringify(source.name)}: no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`);
        continue;
      }
      const problems = strictDecode(store.registry.strategy(type.kind)!.schema, obj);
      const cannotHandle = `Error from server (BadRequest): error when creating ${JSON.stringify(source.name)}: ${type.kind} in version ${JSON.stringify(type.version)} cannot be handled as a ${type.kind}: `;
      if (problems.typeErrors.length) {
        stderr.push(cannotHandle + problems.typeErrors[0]);
        continue;
      }
      if (problems.unknownFields.length) {
        stderr.push(cannotHandle + `strict decoding error: ${problems.unknownFields.join(', ')}`);
        continue;
      }
      const desired = { ...obj, apiVersion: apiVersionOf(type), metadata: { ...obj.metadata } };
      if (type.namespaced) desired.metadata.namespace = obj.metadata?.namespace ?? ctx.namespace;
      try {
        store.create(desired);
        stdout.push(`${qualifiedSingular(type)}/${name} created`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        stderr.push(e.reason === 'Invalid' ? formatInvalid(type.kind, name, e.causes) : e.kubectlMessageFrom('creating', source.name));
      }
    }
  }
  return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated: stdout.length > 0 };
}
