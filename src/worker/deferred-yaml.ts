// A chunk of its own, named for what it is (the worker fetches it on the first manifest it reads).
export * from 'yaml';
