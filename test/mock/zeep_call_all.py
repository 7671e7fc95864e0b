"""Calls every operation of a WSDL's first port with zeep, in one process, and reports each outcome.

    /usr/bin/python3 zeep_call_all.py <wsdl-url> [--address URL] < inputs.json

stdin is a JSON object {operation: {argument: value}} (a wrapped document/literal operation takes its
wrapper's children as keyword arguments); an operation left out is called with no arguments. JSON
`null` is sent as xsi:nil, {"$base64": "..."} as bytes; numbers with a fraction are read as exact
decimals, and longs, decimals and dateTimes may be given as strings.

One JSON line is printed per operation of the binding, in the binding's order:
    {"operation": "...", "ok": true, "result": <the decoded result, as zeep_client.py prints it>}
    {"operation": "...", "ok": false, "fault": {"code", "message", "detail"}}
    {"operation": "...", "ok": false, "error": "<exception type>: <text>"}
The exit status is 0 when every operation succeeded, 1 otherwise (2 for a usage error).
"""

import argparse
import base64
import decimal
import json
import os
import sys

from zeep import Client, Settings
from zeep.exceptions import Fault

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop", "peers"))
from zeep_client import fault_to_json, result_to_json, to_zeep  # noqa: E402


def to_arguments(value):
    """JSON inputs -> zeep values: {"$base64": text} becomes bytes, the rest as zeep_client.py reads it."""
    if isinstance(value, dict):
        if set(value) == {"$base64"}:
            return base64.b64decode(value["$base64"])
        return {key: to_arguments(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_arguments(item) for item in value]
    return value


def call(client, service, operation, arguments):
    try:
        kwargs = {key: to_zeep(to_arguments(item)) for key, item in arguments.items()}
        result = service[operation](**kwargs)
    except Fault as fault:
        return {"operation": operation, "ok": False, **fault_to_json(fault)}
    except Exception as error:  # noqa: BLE001 - every failure is reported, the run goes on
        return {"operation": operation, "ok": False, "error": "%s: %s" % (type(error).__name__, error)}
    try:
        printed = result_to_json(client, operation, result)
    except Exception as error:  # noqa: BLE001
        return {"operation": operation, "ok": False, "error": "printing the result: %s: %s" % (type(error).__name__, error)}
    return {"operation": operation, "ok": True, "result": printed}


def main(argv):
    parser = argparse.ArgumentParser(description="Call every operation of a WSDL's first port with zeep.")
    parser.add_argument("wsdl")
    parser.add_argument("--address")
    options = parser.parse_args(argv)
    text = sys.stdin.read()
    try:
        inputs = json.loads(text, parse_float=decimal.Decimal) if text.strip() else {}
    except ValueError as error:
        print("zeep_call_all: stdin is not JSON: %s" % error, file=sys.stderr)
        return 2
    if not isinstance(inputs, dict):
        print("zeep_call_all: stdin must be a JSON object", file=sys.stderr)
        return 2

    client = Client(options.wsdl, settings=Settings(strict=True))
    binding = client.service._binding
    service = client.create_service(binding.name, options.address) if options.address else client.service
    every_ok = True
    for operation in binding._operations:
        arguments = inputs.get(operation, {})
        outcome = call(client, service, operation, arguments if isinstance(arguments, dict) else {})
        every_ok = every_ok and outcome["ok"]
        print(json.dumps(outcome), flush=True)
    return 0 if every_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
