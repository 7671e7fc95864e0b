// Detection of the interoperability peers (zeep and spyne from Debian's Python) and the rule for a test
// whose peer is missing: skipped with the command that installs it, or failed when the environment
// says every peer must be there (SOAPSTACK_REQUIRE_PEERS=1, for CI).
import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';

/** Debian's interpreter: python3-zeep and python3-spyne install there, not in another python3 on PATH. */
export const PYTHON = '/usr/bin/python3';

const probes = new Map<string, boolean>();

/** True when `/usr/bin/python3 -c "import <module>"` succeeds; asked once per module and cached. */
export function hasPythonModule(module: string): boolean {
  let found = probes.get(module);
  if (found === undefined) {
    const result = spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore', timeout: 30_000 });
    found = result.status === 0;
    probes.set(module, found);
  }
  return found;
}

/** True when zeep (`python3-zeep`) can be imported by Debian's Python. */
export function hasZeep(): boolean {
  return hasPythonModule('zeep');
}

/** True when spyne (`python3-spyne`) can be imported by Debian's Python. */
export function hasSpyne(): boolean {
  return hasPythonModule('spyne');
}

/** The peers this module knows how to detect, with the command that installs each. */
export const peerInstall = {
  zeep: 'apt-get install -y python3-zeep',
  spyne: 'apt-get install -y python3-spyne',
} as const;

/** A peer's name: one of the known peers, or any other label (then give `install` yourself). */
export type PeerName = keyof typeof peerInstall | (string & {});

/**
 * Returns true when the test may go on. When the peer is missing the test is skipped with a visible
 * message (`zeep is not installed: apt-get install -y python3-zeep`) and false is returned, so write
 * `if (!requirePeer(t, 'zeep', hasZeep())) return;`. With SOAPSTACK_REQUIRE_PEERS=1 it throws instead,
 * so the test fails with the same message.
 */
export function requirePeer(t: TestContext, name: PeerName, available: boolean, install?: string): boolean {
  if (available) return true;
  const how = install ?? (peerInstall as Record<string, string>)[name];
  const message = how ? `${name} is not installed: ${how}` : `${name} is not installed`;
  if (process.env.SOAPSTACK_REQUIRE_PEERS === '1') {
    throw new Error(`${message} (SOAPSTACK_REQUIRE_PEERS=1 requires every peer)`);
  }
  t.skip(message);
  return false;
}
