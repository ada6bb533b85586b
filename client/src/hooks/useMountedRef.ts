import { useEffect, useRef } from 'react';

/**
 * A ref that is true while the component is mounted, so work that finishes after an await can check before it
 * navigates: someone who has already gone elsewhere is not pulled back.
 */
export function useMountedRef() {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
