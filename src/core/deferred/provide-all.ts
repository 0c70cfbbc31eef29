import * as yaml from 'yaml';
import { KUBECTL } from '../kubectl/module';
import { provideDeferred } from './registry';

/** Every deferred module at once, statically imported: what headless callers (tests, benchmarks, Node) get. */
provideDeferred('yaml', yaml);
provideDeferred('kubectl', KUBECTL);
