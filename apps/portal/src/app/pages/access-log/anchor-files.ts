import { DOCUMENT, Injectable, type OnDestroy, inject } from '@angular/core';
import type { AccessLogAnchorQuery } from '../../shared/api/generated/graphql';

export type AccessLogAnchor = AccessLogAnchorQuery['accessLogAnchor'];

/** A file the browser saves, made here from text (no server round trip). */
export interface DownloadFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/** Only letters, digits, '-' and '_' from API values in a file name (no path, no surprises on any system). */
export function fileNamePart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || '_';
}

/** The anchor (`document`, the signed JSON) and the public key that verifies it, as two files. */
export function anchorFiles(anchor: AccessLogAnchor): readonly [anchorFile: DownloadFile, keyFile: DownloadFile] {
  return [
    {
      name: `toegangslogboek-anker-${fileNamePart(anchor.seq)}.json`,
      type: 'application/json',
      text: anchor.document,
    },
    {
      name: `toegangslogboek-sleutel-${fileNamePart(anchor.keyId)}.pem`,
      type: 'application/x-pem-file',
      text: anchor.publicKey,
    },
  ];
}

/** The command that later checks the chain against the saved anchor (README, "What the access log proves"). */
export function verifyCommand(anchorFile: DownloadFile, keyFile: DownloadFile): string {
  return `npm run access-log:verify -- --anchor ${anchorFile.name} --public-key ${keyFile.name}`;
}

/**
 * Saves text as a file through a Blob and an object URL (`<a download>`), and keeps the URL so the page can
 * offer the same file again (a browser may hold back the second of two downloads until the person allows it).
 * Every URL is released when the page goes.
 */
@Injectable()
export class FileDownloads implements OnDestroy {
  private readonly document = inject(DOCUMENT);
  private readonly urls: string[] = [];

  /** Starts the download and returns the object URL (valid until the page is destroyed). */
  save(file: DownloadFile): string {
    const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
    this.urls.push(url);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.hidden = true;
    this.document.body.append(link);
    try {
      link.click();
    } finally {
      link.remove();
    }
    return url;
  }

  ngOnDestroy(): void {
    for (const url of this.urls.splice(0)) {
      URL.revokeObjectURL(url);
    }
  }
}
