"""Peer side of the decode benchmark: zeep's decode of a RetrieveMultiple reply.

Loads the WSDL once (outside the timing), then times `runs` decodes of the reply file through the binding's
process_reply(client, operation, response), the path zeep takes for a received reply: lxml parse, then the typed
deserialisation of the output message. Prints one JSON line: {"mbPerSec", "medianMs", "runs", "bytes", "entities"}.
Usage: python3 zeep_decode.py WSDL REPLY_FILE [RUNS] [MAX_SECONDS]
"""

import json
import statistics
import sys
import time
import types

import zeep


def main() -> None:
    wsdl_path, reply_path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    max_seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 120.0
    client = zeep.Client(wsdl_path)
    binding = next(iter(client.wsdl.bindings.values()))
    operation = binding._operations["RetrieveMultiple"]
    with open(reply_path, "rb") as handle:
        content = handle.read()
    response = types.SimpleNamespace(
        status_code=200,
        content=content,
        encoding="utf-8",
        headers={"Content-Type": 'application/soap+xml; charset=utf-8'},
    )

    def decode():
        return binding.process_reply(client, operation, response)

    result = decode()  # warm-up, and a check that the reply decoded to entities
    entities = len(result.Entities.Entity)
    samples = []
    deadline = time.perf_counter() + max_seconds
    for _ in range(runs):
        start = time.perf_counter()
        decode()
        samples.append((time.perf_counter() - start) * 1000.0)
        if time.perf_counter() > deadline:
            break
    median_ms = statistics.median(samples)
    print(
        json.dumps(
            {
                "mbPerSec": len(content) / 1e6 / (median_ms / 1000.0),
                "medianMs": median_ms,
                "runs": len(samples),
                "bytes": len(content),
                "entities": entities,
            }
        )
    )


if __name__ == "__main__":
    main()
