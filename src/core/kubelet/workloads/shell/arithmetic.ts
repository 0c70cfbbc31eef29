import { ShellSyntaxError } from './lexer';

/**
 * `$(( ))` arithmetic: integers with + - * / %, comparisons, parentheses, unary minus and
 * variables by name (`i+1`) or with `$` (`$i + 1`), as POSIX shells evaluate it.
 */
export function evalArithmetic(expr: string, lookup: (name: string) => string | undefined): number {
  const tokens = expr.match(/\$?[A-Za-z_][A-Za-z0-9_]*|\d+|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const value = (name: string) => {
    const v = lookup(name.replace(/^\$/, ''));
    const n = Number.parseInt(v ?? '0', 10);
    return Number.isNaN(n) ? 0 : n;
  };
  const BINARY: Record<string, [number, (a: number, b: number) => number]> = {
    '||': [1, (a, b) => (a || b ? 1 : 0)],
    '&&': [2, (a, b) => (a && b ? 1 : 0)],
    '==': [3, (a, b) => (a === b ? 1 : 0)],
    '!=': [3, (a, b) => (a !== b ? 1 : 0)],
    '<': [4, (a, b) => (a < b ? 1 : 0)],
    '>': [4, (a, b) => (a > b ? 1 : 0)],
    '<=': [4, (a, b) => (a <= b ? 1 : 0)],
    '>=': [4, (a, b) => (a >= b ? 1 : 0)],
    '+': [5, (a, b) => a + b],
    '-': [5, (a, b) => a - b],
    '*': [6, (a, b) => a * b],
    '/': [6, (a, b) => {
      if (b === 0) throw new ShellSyntaxError('arithmetic syntax error: divide by zero');
      return Math.trunc(a / b);
    }],
    '%': [6, (a, b) => {
      if (b === 0) throw new ShellSyntaxError('arithmetic syntax error: divide by zero');
      return a % b;
    }],
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ShellSyntaxError('arithmetic syntax error');
    if (t === '(') {
      const v = binary(0);
      if (tokens[i++] !== ')') throw new ShellSyntaxError('arithmetic syntax error: missing ")"');
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (/^\d+$/.test(t)) return Number(t);
    return value(t);
  };
  const binary = (minPrec: number): number => {
    let left = primary();
    for (;;) {
      const op = peek();
      const entry = op === undefined ? undefined : BINARY[op];
      if (!entry || entry[0] < minPrec + 1) return left;
      i++;
      left = entry[1](left, binary(entry[0]));
    }
  };
  if (tokens.length === 0) return 0;
  const result = binary(0);
  if (i < tokens.length) throw new ShellSyntaxError(`arithmetic syntax error: unexpected "${tokens[i]}"`);
  return result;
}
