/**
 * What the import and export sections need from the page beyond UiDeps: files in, files and QR
 * codes out. main.tsx implements them with File, canvas, Blob and the `qrcode` package; tests
 * pass recording fakes.
 */

/** The options page's anchor for the import/export sections (the popup opens `#transfer`). */
export const TRANSFER_SECTION_ID = 'transfer';

export interface TransferPageDeps {
  /** The file's bytes (`File.arrayBuffer` in the page). */
  readFile: (file: File) => Promise<Uint8Array>;
  /** The text of the QR code in an image file, or null when it has none (qr-image.ts). */
  decodeQrImage: (file: File) => Promise<string | null>;
  /** Saves text as a file in the user's downloads (a Blob URL and a temporary `<a download>`). */
  download: (filename: string, mimeType: string, text: string) => void;
  /** A QR code for the text as an image URL (a `data:` URL), for Google Authenticator. */
  renderQr: (text: string) => Promise<string>;
}
