import type { Page } from 'playwright-core';

/** Waits until the editor's offline copy of a document has stopped growing for a moment. */
export async function deviceCopySettled(page: Page, documentId: string): Promise<void> {
  const count = () =>
    page.evaluate(
      (name) =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const request = open.result.transaction('updates').objectStore('updates').count();
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result);
            };
          };
          open.onerror = () => resolve(-1);
        }),
      `common-ground-doc:${documentId}`,
    );
  let last = -1;
  for (let stable = 0; stable < 3;) {
    await page.waitForTimeout(100);
    const now = await count();
    stable = now === last && now > 0 ? stable + 1 : 0;
    last = now;
  }
}
