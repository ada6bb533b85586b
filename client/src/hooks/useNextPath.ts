import { useSearchParams } from 'react-router';

/** The `next` address from the query string if it is a path on this site, else null. */
export function useNextParam(): string | null {
  const [params] = useSearchParams();
  const next = params.get('next');
  // Only same-site paths: "//evil.example" or "https://..." would send people off the service.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** Where to go after signing in or up: the `next` address if there is a safe one, else the fallback. */
export function useNextPath(fallback = '/communities'): string {
  return useNextParam() ?? fallback;
}
