/**
 * The home cards every module declares, handed down by the shell. The home page belongs to
 * the dashboard module, so it must not import the module registry itself (that would close
 * the cycle registry → dashboard → home page → registry).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { HomeCard } from '../../modules/types';

/** A card with the namespace of the module that declares it. */
export type DeclaredHomeCard = HomeCard & { ns: string };

const HomeCardsContext = createContext<readonly DeclaredHomeCard[]>([]);

export function HomeCardsProvider({ cards, children }: { cards: readonly DeclaredHomeCard[]; children: ReactNode }) {
  return <HomeCardsContext.Provider value={cards}>{children}</HomeCardsContext.Provider>;
}

export function useDeclaredHomeCards(): readonly DeclaredHomeCard[] {
  return useContext(HomeCardsContext);
}
