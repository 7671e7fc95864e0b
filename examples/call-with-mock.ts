/**
 * Call a SOAP service you do not have yet: serve its WSDL with soapstack's mock, then call it with
 * `createClient`. GetForecast answers a recorded response (examples/mock-responses/GetForecast.xml);
 * ListCities, which has no recording, answers a sample value built from the schema.
 *
 * Run: `npm run build && node dist/examples/call-with-mock.js`
 */
import { fileURLToPath } from 'node:url';
import { createClient, createMockServer, loadWsdl } from 'soapstack';

// This file runs from dist/examples/: the WSDL and the recordings are in examples/ at the repository's root.
const wsdl = fileURLToPath(new URL('../../examples/wsdl/weather.wsdl', import.meta.url));
const responsesDir = fileURLToPath(new URL('../../examples/mock-responses/', import.meta.url));

const model = await loadWsdl(wsdl);
const mock = createMockServer(model, { responsesDir });
const { url } = await mock.listen(0, '127.0.0.1');
// The mock serves each port at the path of its soap:address (here /soap/weather).
const client = await createClient(model, { endpoint: `${url}/soap/weather`, cache: false });
try {
  const answer = (await client.call('GetForecast', { city: 'Paris', days: 2 })) as {
    forecast: {
      city: string;
      day: Array<{ date: unknown; summary: string; lowCelsius: unknown; highCelsius: unknown }>;
    };
  };
  console.log(`GetForecast: ${answer.forecast.city}, ${answer.forecast.day.length} days`);
  for (const day of answer.forecast.day) {
    console.log(`  ${String(day.date)}: ${day.summary}, ${String(day.lowCelsius)} to ${String(day.highCelsius)} °C`);
  }
  const cities = (await client.call('ListCities', { country: 'FR' })) as { city: string[] };
  console.log(`ListCities (a sample answer): ${JSON.stringify(cities)}`);
} finally {
  await client.close();
  await mock.close();
}
