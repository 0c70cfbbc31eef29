import { en, type MessageKey } from './en';
import { persisted } from '../lib/persist';

export type Locale = 'en' | 'vi';
export const LOCALES: readonly { code: Locale; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'vi', name: 'Tiếng Việt' },
];

/** English ships with the page; other languages load when chosen, to keep the first download small. */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Record<MessageKey, string>>> = {
  vi: () => import('./vi').then((m) => m.vi),
};
const saved = persisted<Locale>('kubelab.locale', 'en');

class I18n {
  locale = $state<Locale>('en');
  private dictionary = $state.raw<Record<MessageKey, string>>(en);

  constructor() {
    if (saved.get() === 'vi') void this.set('vi');
    else if (typeof document !== 'undefined') document.documentElement.lang = 'en';
  }

  /** Switch language; the switch happens once its strings have loaded. */
  async set(locale: Locale): Promise<void> {
    saved.set(locale);
    const dictionary = locale === 'en' ? en : await LOADERS[locale]();
    this.dictionary = dictionary;
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  text(key: MessageKey): string {
    return this.dictionary[key] ?? en[key];
  }
}

export const i18n = new I18n();

/**
 * Translate a key, filling `{name}` placeholders and choosing plural forms written
 * `{count|# node|# nodes}` (`#` is the number). Reactive: re-runs when the locale changes.
 */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = i18n.text(key);
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) =>
      (params[name] === 1 ? one : other).replace('#', String(params[name] ?? '')),
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type { MessageKey };
