#!/usr/bin/env node
// The province signs an update on its own offline machine:
//   node scripts/sign-update.mjs keygen DIR           → DIR/update-key.pem (private, keep offline) and DIR/update-key.pub.pem
//   node scripts/sign-update.mjs sign KEY.pem INSTALLER VERSION
//                                                   → kiosk-update.json + kiosk-update.json.sig beside the installer
// The public half goes into resources/update-key.pub.pem of the build; the private half never
// enters the repository or a kiosk (docs/deploy.md, "Cập nhật").
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (command === 'keygen' && args[0]) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(join(args[0], 'update-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(args[0], 'update-key.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  // The same fingerprint the technician's "Cập nhật phần mềm" page shows (core/updates/usb-update.ts keyFingerprint).
  const hex = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .toUpperCase()
    .slice(0, 32);
  console.log(`Đã tạo khóa trong ${args[0]}. Giữ update-key.pem ngoại tuyến; chép update-key.pub.pem vào resources/ trước khi đóng gói.`);
  console.log(`Dấu vân tay khóa (ghi vào sổ, so với trang "Cập nhật phần mềm" của kiosk): SHA-256 ${hex.match(/.{4}/g).join(' ')}`);
} else if (command === 'sign' && args.length === 3) {
  const [keyPath, installer, version] = args;
  const bytes = readFileSync(installer);
  const manifest = Buffer.from(
    JSON.stringify(
      { product: 'commune-kiosk', version, file: basename(installer), sha512: createHash('sha512').update(bytes).digest('base64'), size: bytes.length },
      null,
      2,
    ),
  );
  writeFileSync(join(dirname(installer), 'kiosk-update.json'), manifest);
  writeFileSync(join(dirname(installer), 'kiosk-update.json.sig'), sign(null, manifest, createPrivateKey(readFileSync(keyPath))).toString('base64'));
  console.log(`Đã ký ${basename(installer)} (phiên bản ${version}).`);
} else {
  console.error('Cách dùng: sign-update.mjs keygen DIR | sign KEY.pem INSTALLER VERSION');
  process.exit(2);
}
