import { useSearchParams } from 'react-router';

/** Where to go after signing in or up: the `next` address if it is a path on this site, else the communities. */
export function useNextPath(fallback = '/communities'): string {
  const [params] = useSearchParams();
  const next = params.get('next');
  // Only same-site paths: "//evil.example" or "https://..." would send people off the service.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
