import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { pathKey, type DataPath } from '../draft-bank';
import type { DraftProblem } from '../validate-draft-bank';

interface ProblemPlaces {
  /** The messages to show beside the field at `path`. */
  messagesAt(path: DataPath): string[];
  /** Marks `path` as shown on the page; returns the function that unmarks it. */
  show(path: DataPath): () => void;
}

const ProblemPlacesContext = createContext<ProblemPlaces>({
  messagesAt: () => [],
  show: () => () => {},
});

/**
 * The field a problem is shown beside: the deepest field on the page whose path starts its path
 * (a problem about option 2's feedback shows at that feedback field, one about the options list
 * at the list). Undefined for a problem about nothing on the page, such as another question's.
 */
function placeOf(problem: DraftProblem, shown: ReadonlyMap<string, number>): string | undefined {
  for (let length = problem.path.length; length >= 0; length -= 1) {
    const key = pathKey(problem.path.slice(0, length));
    if (shown.has(key)) return key;
  }
  return undefined;
}

/** Splits the problems between the fields on the page and the rest (`children` receives those). */
export function ProblemPlacesProvider({
  problems,
  children,
}: {
  problems: readonly DraftProblem[];
  children: (unplaced: DraftProblem[]) => ReactNode;
}) {
  // How many fields show each path: a field counts itself in on mount and out on unmount.
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(new Map());
  const value = useMemo(() => {
    const byPlace = new Map<string, string[]>();
    const unplaced: DraftProblem[] = [];
    for (const problem of problems) {
      const place = placeOf(problem, shown);
      if (place === undefined) unplaced.push(problem);
      else byPlace.set(place, [...(byPlace.get(place) ?? []), problem.message]);
    }
    const count = (key: string, by: number) =>
      setShown((current) => {
        const next = new Map(current);
        const total = (next.get(key) ?? 0) + by;
        if (total > 0) next.set(key, total);
        else next.delete(key);
        return next;
      });
    const places: ProblemPlaces = {
      messagesAt: (path) => byPlace.get(pathKey(path)) ?? [],
      show(path) {
        const key = pathKey(path);
        count(key, 1);
        return () => count(key, -1);
      },
    };
    return { places, unplaced };
  }, [problems, shown]);
  return (
    <ProblemPlacesContext.Provider value={value.places}>
      {children(value.unplaced)}
    </ProblemPlacesContext.Provider>
  );
}

/** The messages to show beside the field at `path`, which counts as shown while mounted. */
export function useFieldProblems(path: DataPath): string[] {
  const places = useContext(ProblemPlacesContext);
  const key = pathKey(path);
  const { show } = places;
  // Keyed by the path's text: a new array with the same segments is the same field.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => show(path), [key]);
  return places.messagesAt(path);
}
