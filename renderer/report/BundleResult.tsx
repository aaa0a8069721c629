import { useState } from 'react';
import type { BundleExportResponse } from '../../shared/ipc/contract';

interface Props {
  readonly bundle: BundleExportResponse;
  /** Web mode: the bag as a .tar download. */
  readonly onDownloadTar?: () => void;
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** Where the bundle was written, and the exact command that verifies it. */
export function BundleResult({ bundle, onDownloadTar }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard
      ?.writeText(bundle.verifyCommand)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <div className="bundle-result">
      <p>
        Evidence bundle written: {bundle.files} files, {size(bundle.bytes)} (Payload-Oxum {bundle.payloadOxum}).
      </p>
      <dl>
        <dt>Folder</dt>
        <dd>
          <code data-testid="bundle-path">{bundle.path}</code>
        </dd>
        <dt>Signed (Ed25519) by</dt>
        <dd>
          {bundle.signer ? (
            <>
              <code data-testid="bundle-signer">{bundle.signer.fingerprint}</code>
              <details>
                <summary>Public key (give it to the auditor: verify --key)</summary>
                <pre>{bundle.signer.publicKeyPem}</pre>
              </details>
            </>
          ) : (
            'not signed'
          )}
        </dd>
        <dt>Verify it (on any machine with the CLI)</dt>
        <dd>
          <code data-testid="verify-command">{bundle.verifyCommand}</code>{' '}
          <button type="button" onClick={copy}>
            {copied ? 'Copied' : 'Copy command'}
          </button>
        </dd>
      </dl>
      {onDownloadTar && (
        <button type="button" onClick={onDownloadTar}>
          Download the bundle (.tar)
        </button>
      )}
    </div>
  );
}
