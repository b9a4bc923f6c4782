/**
 * A picked file's text. FileReader rather than `Blob.text()`: older mobile browsers (and jsdom)
 * lack the latter.
 */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}
