// Unit tests import core modules directly, not through src/core/index.ts: give them every deferred
// module as the headless entry does.
import '../../src/core/deferred/provide-all';
