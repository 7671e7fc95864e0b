"""Zeep peer: a command-line SOAP client, so that soapstack's servers are proven against a client
they did not write.

    /usr/bin/python3 zeep_client.py <wsdl-url> <operation> <json-args>
        [--address URL] [--username U --password P [--digest]] [--raw-header FILE]

<json-args> is a JSON object of the operation's parameters (a wrapped document/literal operation
takes its wrapper's children as keyword arguments). JSON numbers with a fraction are read as exact
decimals; JSON `null` is sent as xsi:nil; a key left out is an element left out. Decimals, longs and
other big integers may be given as strings.

On success the result is printed as JSON on stdout and the exit status is 0. xs:decimal and the
integer types wider than 32 bits (long, integer, unsignedLong, ...) print as strings so that no digit
is lost; xs:int and narrower print as numbers; dates and times print in ISO 8601 (UTC as "Z"); nil
prints as null, and so does an absent optional element (zeep does not tell them apart).
On a SOAP fault it prints {"fault": {"code", "message", "detail"}} and exits with 3; `detail` is the
raw XML of the fault detail's children (or null). Usage errors exit with 2, other errors with 1.

--address        call this endpoint instead of the WSDL's soap:address
--username/--password  add a WS-Security UsernameToken (with a wsu:Timestamp); --digest sends
                 PasswordDigest instead of PasswordText
--raw-header     add the XML element in FILE to the SOAP header as it is
"""

import argparse
import base64
import datetime
import decimal
import json
import sys

from lxml import etree
from zeep import Client, Settings
from zeep.exceptions import Fault
from zeep.wsse.username import UsernameToken
from zeep.wsse.utils import WSU
from zeep.xsd import CompoundValue, Nil
from zeep.xsd.types import builtins as xsd_builtins

# Integer types whose values all fit in a JavaScript number; every other integer type prints as a string.
NARROW_INTEGERS = (xsd_builtins.Int, xsd_builtins.UnsignedInt)
SAFE_INTEGER = 2**53 - 1


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Call one SOAP operation with zeep; print the result as JSON.")
    parser.add_argument("wsdl")
    parser.add_argument("operation")
    parser.add_argument("args", nargs="?", default="{}")
    parser.add_argument("--address")
    parser.add_argument("--username")
    parser.add_argument("--password")
    parser.add_argument("--digest", action="store_true")
    parser.add_argument("--raw-header", dest="raw_header")
    options = parser.parse_args(argv)
    if (options.username is None) != (options.password is None):
        parser.error("--username and --password go together")
    if options.digest and options.username is None:
        parser.error("--digest needs --username and --password")
    return options


def to_zeep(value):
    """JSON arguments -> zeep values: null becomes an explicit xsi:nil."""
    if value is None:
        return Nil
    if isinstance(value, dict):
        return {key: to_zeep(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_zeep(item) for item in value]
    return value


def simple_to_json(value, xsd_type):
    if isinstance(value, bool):
        return value
    if isinstance(value, decimal.Decimal):
        # "{:f}" never writes an exponent, which xs:decimal does not allow.
        return "{:f}".format(value)
    if isinstance(value, int):
        if isinstance(xsd_type, NARROW_INTEGERS):
            return value
        if isinstance(xsd_type, xsd_builtins.Decimal) or abs(value) > SAFE_INTEGER:
            return str(value)
        return value
    if isinstance(value, (datetime.datetime, datetime.time)):
        text = value.isoformat()
        # UTC as "Z", the form most servers write; zeep itself does not keep which form came in.
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, etree._Element):
        return etree.tostring(value, encoding="unicode")
    if isinstance(value, (str, float)) or value is None:
        return value
    return str(value)


def to_json(value, xsd_type):
    """A zeep result -> JSON-ready data, using the schema type to decide how numbers print."""
    if value is None or value is Nil:
        return None
    if isinstance(value, list):
        return [to_json(item, xsd_type) for item in value]
    if isinstance(value, CompoundValue):
        compound_type = value._xsd_type
        result = {}
        for name, element in compound_type.elements:
            item = value[name]
            element_type = getattr(element, "type", None)
            result[name] = to_json(item, element_type)
        for name, attribute in compound_type.attributes:
            result[name] = to_json(value[name], getattr(attribute, "type", None))
        return result
    if isinstance(value, dict):
        return {key: to_json(item, None) for key, item in value.items()}
    return simple_to_json(value, xsd_type)


def result_to_json(client, operation, result):
    """Print a result with the types of the operation's output wrapper.

    Zeep returns the only child of a wrapper that has one child and no attributes instead of the
    wrapper itself (zeep.wsdl.messages.soap, deserialize), so that child's type applies then.
    """
    body = client.service._binding.get(operation).output.body
    wrapper_type = getattr(body, "type", None) if body is not None else None
    elements = getattr(wrapper_type, "elements", [])
    attributes = getattr(wrapper_type, "attributes", [])
    if len(elements) == 1 and len(attributes) == 0:
        return to_json(result, elements[0][1].type)
    return to_json(result, wrapper_type)


def fault_to_json(fault):
    detail = None
    if fault.detail is not None:
        children = [etree.tostring(child, encoding="unicode", with_tail=False) for child in fault.detail]
        detail = "".join(children) if children else (fault.detail.text or "")
    code = fault.code.text if isinstance(fault.code, etree._Element) else fault.code
    return {"fault": {"code": code, "message": fault.message, "detail": detail}}


def username_token(options):
    created = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    expires = created + datetime.timedelta(minutes=5)
    timestamp = WSU.Timestamp(
        WSU.Created(created.strftime("%Y-%m-%dT%H:%M:%SZ")),
        WSU.Expires(expires.strftime("%Y-%m-%dT%H:%M:%SZ")),
    )
    return UsernameToken(options.username, options.password, use_digest=options.digest,
                         timestamp_token=timestamp, zulu_timestamp=True)


def main(argv):
    options = parse_args(argv)
    try:
        arguments = json.loads(options.args, parse_float=decimal.Decimal)
    except ValueError as error:
        print("zeep_client: <json-args> is not JSON: %s" % error, file=sys.stderr)
        return 2
    if not isinstance(arguments, dict):
        print("zeep_client: <json-args> must be a JSON object", file=sys.stderr)
        return 2

    wsse = username_token(options) if options.username is not None else None
    client = Client(options.wsdl, wsse=wsse, settings=Settings(strict=True))
    service = client.service
    if options.address:
        binding_name = client.service._binding.name
        service = client.create_service(binding_name, options.address)

    headers = []
    if options.raw_header:
        with open(options.raw_header, "rb") as handle:
            headers.append(etree.fromstring(handle.read()))

    call_kwargs = {key: to_zeep(value) for key, value in arguments.items()}
    if headers:
        call_kwargs["_soapheaders"] = headers
    try:
        result = service[options.operation](**call_kwargs)
    except Fault as fault:
        print(json.dumps(fault_to_json(fault)))
        return 3
    print(json.dumps(result_to_json(client, options.operation, result)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
