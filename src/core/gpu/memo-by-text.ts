/**
 * A pure parser remembered by its input text, for configs that every GPU node reads again on
 * each poll (device plugin configs, mig-parted configs): the same few texts, parsed once. The
 * results must not be mutated. At most `kept` texts are remembered, oldest forgotten first.
 */
export function memoByText<T>(parse: (text: string) => T, kept = 64): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    if (results.has(text)) return results.get(text)!;
    if (results.size >= kept) results.delete(results.keys().next().value!);
    const r = parse(text);
    results.set(text, r);
    return r;
  };
}
