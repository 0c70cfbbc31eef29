/** One entry of a menu: an action, or a heading that groups the entries after it. */
export type MenuItem =
  | {
      readonly kind?: 'action';
      readonly id: string;
      readonly label: string;
      /** A second line, e.g. why an entry is disabled. */
      readonly hint?: string;
      readonly disabled?: boolean;
      readonly danger?: boolean;
      readonly run: () => void;
    }
  | { readonly kind: 'heading'; readonly id: string; readonly label: string };
