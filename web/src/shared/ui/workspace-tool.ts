import type { ReactNode } from 'react';

/** A destination of the navigation, as a module offers it to the shell (the phone bar and its "More" sheet). */
export type NavEntry = {
  key: string;
  to: string;
  label: string;
  icon: ReactNode;
  badge?: ReactNode;
  /** Active only on this exact path, not on the pages below it. */
  end?: boolean;
};

/**
 * One page of a brand's workspace, as its module offers it to the shell's navigation: the side navigation on
 * wide screens, the bottom bar and its "More" sheet on phones.
 */
export type WorkspaceTool = NavEntry & {
  testId: string;
  /** The heading it sits under in the side navigation. */
  group: string;
  /** Lower comes first in the phone's bottom bar, which has room for four. */
  rank: number;
};
