/** `soapstack describe <wsdl> [--json]`. */
import { loadWsdl } from '../wsdl/index.js';
import { describeModel, renderDescription } from './describe.js';

export async function describeCommand(
  wsdl: string,
  options: { json?: boolean; allowAnyOrigin?: boolean },
): Promise<number> {
  const model = await loadWsdl(wsdl, { allowAnyOrigin: options.allowAnyOrigin === true });
  const description = describeModel(model);
  process.stdout.write(
    options.json ? `${JSON.stringify(description, null, 2)}\n` : `${renderDescription(description)}\n`,
  );
  return 0;
}
