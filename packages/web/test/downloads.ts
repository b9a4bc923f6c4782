import { afterEach, beforeEach } from 'vitest';
import { changeLanguage } from '../src/i18n';

/** Catches the files a page hands to the browser as downloads (jsdom cannot save them). */
export interface Downloads {
  blobs: Blob[];
  restore(): void;
}

export function captureDownloads(): Downloads {
  const original = {
    create: URL.createObjectURL,
    revoke: URL.revokeObjectURL,
    click: HTMLAnchorElement.prototype.click,
  };
  const blobs: Blob[] = [];
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return 'blob:test';
  };
  URL.revokeObjectURL = () => undefined;
  // jsdom cannot follow a download link; the file is what the test reads.
  HTMLAnchorElement.prototype.click = () => undefined;
  return {
    blobs,
    restore() {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      HTMLAnchorElement.prototype.click = original.click;
    },
  };
}

/** A blob's bytes (FileReader: jsdom's Blob has no text()). */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * Catches the downloads of each test in the file (a fresh list per test) and, after each,
 * puts the app back in English for the next test.
 */
export function downloadsInEachTest(): { readonly blobs: Blob[] } {
  let current: Downloads | undefined;
  beforeEach(() => {
    current = captureDownloads();
  });
  afterEach(async () => {
    current?.restore();
    await changeLanguage('en');
  });
  return {
    get blobs() {
      if (!current) throw new Error('downloads are caught inside a test only');
      return current.blobs;
    },
  };
}
