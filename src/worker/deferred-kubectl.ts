// A chunk of its own, named for what it is (the worker fetches it on the first kubectl command).
export { KUBECTL } from '../core/kubectl/module';
