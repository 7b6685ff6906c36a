// npm run new-key — a fresh private key for a deployment role (deployer, bootstrap curator,
// verifier, relayer): prints its address, private key and public key (the verifier's public key is
// what course answer keys are encrypted for). Keep the private key secret; fund the address.
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

const privateKey = generatePrivateKey();
const account = privateKeyToAccount(privateKey);
console.log(`address     ${account.address}`);
console.log(`private key ${privateKey}`);
console.log(`public key  ${account.publicKey}`);
