import { promises as fs } from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsPair {
  readonly key: string;
  readonly cert: string;
}

/**
 * The STARTTLS certificate: from config when given; otherwise a self-signed pair made at first
 * start in the data dir and reused after (senders doing opportunistic TLS accept it, and a
 * stable key avoids looking like a different server on every restart).
 */
export async function loadOrCreateTls(options: { certFile?: string; keyFile?: string; dataDir: string; hostname: string }): Promise<TlsPair> {
  if (options.certFile && options.keyFile) {
    return { cert: await fs.readFile(options.certFile, 'utf8'), key: await fs.readFile(options.keyFile, 'utf8') };
  }
  const dir = path.join(options.dataDir, 'gateway-tls');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    return { cert: await fs.readFile(certFile, 'utf8'), key: await fs.readFile(keyFile, 'utf8') };
  } catch {
    // First start: make one.
  }
  const pems = await generate([{ name: 'commonName', value: options.hostname }], { keySize: 2048, algorithm: 'sha256', notAfterDate: new Date(Date.now() + 10 * 365 * 86_400_000) });
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(keyFile, pems.private, { mode: 0o600 });
  await fs.writeFile(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}
