import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/apiClient.ts';

/** The state of data loaded from the API. */
export interface ApiData<T> {
  data: T | null;
  error: ApiError | null;
  reload(): void;
}

/** Loads data with a memoised loader (reloading whenever it changes) and exposes the result or the error. */
export function useApiData<T>(load: () => Promise<T>): ApiData<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; for: unknown }>({
    data: null,
    error: null,
    for: null,
  });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setState({ data, error: null, for: load }),
      (error: unknown) =>
        !cancelled &&
        setState({
          data: null,
          error: error instanceof ApiError ? error : new ApiError('internal', String(error), 0),
          for: load,
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [load, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Data loaded for an earlier loader (e.g. another community's page) is never shown for the new one.
  const current = state.for === load;
  return { data: current ? state.data : null, error: current ? state.error : null, reload };
}
