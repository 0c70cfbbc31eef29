import type { MessageKey } from '../i18n/en';

export interface Notice {
  readonly id: string;
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly tone: 'info' | 'warning' | 'error';
  /** A button on the notice, e.g. Undo. */
  readonly action?: { readonly key: MessageKey; readonly run: () => void };
  /** Notices that matter stay until dismissed; others go by themselves. */
  readonly sticky?: boolean;
}

const AUTO_DISMISS_MS = 8000;

/** Messages to the user above the workspace: storage warnings, worker restarts, fault results. */
export class Notices {
  list = $state.raw<readonly Notice[]>([]);

  show(notice: Notice): void {
    this.list = [...this.list.filter((n) => n.id !== notice.id), notice];
    if (!notice.sticky) setTimeout(() => this.dismiss(notice.id), AUTO_DISMISS_MS);
  }

  dismiss(id: string): void {
    this.list = this.list.filter((n) => n.id !== id);
  }
}
