import type { KubectlCommand } from '../framework/command';
import { METADATA_FLAGS } from './label';
import { runMetadataUpdate } from './metadata-update';

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  group: 'Settings Commands:',
  short: 'Update the annotations on a resource',
  long: `Update the annotations on one or more resources.

 Annotations are key/value pairs that carry more data than labels: free text, JSON, or data tools read. They are not used to select objects.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. A key ending in a minus sign removes the annotation.`,
  examples: `  # Annotate the pod web with a description
  kubectl annotate pods web description='my frontend'

  # Change the annotation, overwriting the old value
  kubectl annotate --overwrite pods web description='my frontend running nginx'

  # Remove the annotation description
  kubectl annotate pods web description-`,
  use: '[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: METADATA_FLAGS,
  run: (ctx) => runMetadataUpdate(ctx, { verb: 'annotate', field: 'annotations', done: 'annotated' }),
};
