import { en, type MessageKey } from './en';
import { vi } from './vi';
import { persisted } from '../lib/persist';

export type Locale = 'en' | 'vi';
export const LOCALES: readonly { code: Locale; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'vi', name: 'Tiếng Việt' },
];

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, vi };
const saved = persisted<Locale>('kubelab.locale', 'en');

class I18n {
  locale = $state<Locale>(saved.get() === 'vi' ? 'vi' : 'en');

  constructor() {
    if (typeof document !== 'undefined') document.documentElement.lang = this.locale;
  }

  set(locale: Locale): void {
    this.locale = locale;
    saved.set(locale);
    document.documentElement.lang = locale;
  }
}

export const i18n = new I18n();

/**
 * Translate a key, filling `{name}` placeholders and choosing plural forms written
 * `{count|# node|# nodes}` (`#` is the number). Reactive: re-runs when the locale changes.
 */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = DICTIONARIES[i18n.locale][key] ?? en[key];
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) =>
      (params[name] === 1 ? one : other).replace('#', String(params[name] ?? '')),
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type { MessageKey };
