"""Spyne peer: a SOAP 1.1 server of the interop contract (test/fixtures/interop/interop.wsdl).

Written with spyne 2.14 so that soapstack's client is proven against a server it did not write.
Spyne builds its own WSDL from the classes below; they are modelled so that the instance documents
(element names, namespace, types, occurrences, nillability) match interop.wsdl. Start it with
`/usr/bin/python3 spyne_server.py`: it binds 127.0.0.1 on a free port and prints
`listening http://127.0.0.1:<port>/` once it serves (WSDL at `?wsdl`).
"""

import datetime
import logging
import sys
from decimal import Decimal as D
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from lxml import etree
from spyne import (
    Application,
    ComplexModel,
    DateTime,
    Decimal,
    Fault,
    Integer32,
    Long,
    ServiceBase,
    Unicode,
    rpc,
)
from spyne.protocol.soap import Soap11
from spyne.server.wsgi import WsgiApplication

TNS = "urn:soapstack:interop"
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1

# Spyne's defaults are minOccurs=0 and nillable=true; the contract's elements are required and
# not nillable unless it says otherwise, so each field states both.
def required(t):
    return t.customize(min_occurs=1, nillable=False)


# The contract's enumeration; `__namespace__` keeps the simpleType in the contract's namespace
# (spyne would otherwise put it in "spyne.model.primitive.string").
# Spyne writes a decimal with str(), which gives "-1E-18" for -0.000000000000000001: not an xs:decimal
# lexical form (XSD 1.1 part 2, 3.3.3 allows no exponent). "{:f}" never uses an exponent.
ExactDecimal = Decimal(str_format="{:f}")

Status = Unicode(values=["open", "shipped", "cancelled"], type_name="Status", __namespace__=TNS,
                 min_occurs=1, nillable=False)


class Address(ComplexModel):
    __namespace__ = TNS
    _type_info = [
        ("street", required(Unicode)),
        ("city", required(Unicode)),
    ]


class Customer(ComplexModel):
    __namespace__ = TNS
    _type_info = [
        ("name", required(Unicode)),
        ("email", Unicode(min_occurs=1, nillable=True)),
        ("address", Address.customize(min_occurs=0, nillable=False)),
    ]


class Line(ComplexModel):
    __namespace__ = TNS
    _type_info = [
        ("sku", required(Unicode)),
        ("quantity", required(Integer32)),
        ("price", required(ExactDecimal)),
    ]


class Order(ComplexModel):
    __namespace__ = TNS
    _type_info = [
        ("id", required(Long)),
        ("total", required(ExactDecimal)),
        ("placed", required(DateTime)),
        ("customer", Customer.customize(min_occurs=1, nillable=False)),
        ("lines", Line.customize(min_occurs=0, max_occurs="unbounded", nillable=False)),
        ("note", Unicode(min_occurs=0, nillable=True)),
        ("status", Status),
    ]


class OrderFaultDetail(ComplexModel):
    """The detail of failOrder's declared fault: the element tns:OrderFault (code, message).

    It is a plain ComplexModel, not a Fault subclass, on purpose: spyne writes a Fault subclass's own
    fields as extra children of soap:Fault (after <detail>), which the contract does not have.
    """

    __namespace__ = TNS
    __type_name__ = "OrderFault"
    _type_info = [
        ("code", required(Integer32)),
        ("message", required(Unicode)),
    ]


def order_fault(order_id):
    """The fault failOrder raises: reason `order <id> cannot be processed`, detail tns:OrderFault."""
    reason = "order %d cannot be processed" % order_id
    # Spyne takes an lxml element as the detail's content as it is (a dict would lose the namespace).
    detail = etree.Element("{%s}OrderFault" % TNS, nsmap={"tns": TNS})
    etree.SubElement(detail, "{%s}code" % TNS).text = "42"
    etree.SubElement(detail, "{%s}message" % TNS).text = reason
    return Fault(faultcode="Server", faultstring=reason, detail=detail)


def stored_order(order_id, customer):
    """An order findOrders returns; the same as ordersOf() in contract.ts."""
    return Order(
        id=order_id,
        total=D("12345678901234567.891"),
        placed=datetime.datetime(2024, 2, 29, 23, 59, 58, tzinfo=datetime.timezone.utc),
        customer=Customer(name=customer, email=None, address=Address(street="1 Main St", city="Springfield")),
        lines=[
            Line(sku="A-1", quantity=2, price=D("0.10")),
            Line(sku="B-2", quantity=1, price=D("99999999999999999.99")),
            Line(sku="C-3", quantity=2147483647, price=D("-0.000000000000000001")),
        ],
        status="shipped",
    )


class InteropService(ServiceBase):
    @rpc(Order.customize(min_occurs=1, nillable=False), _returns=required(Order), _out_variable_name="order")
    def echoOrder(ctx, order):
        return order

    @rpc(required(Unicode), required(Integer32), _returns=Order.customize(min_occurs=0, max_occurs="unbounded", nillable=False),
         _out_variable_name="orders")
    def findOrders(ctx, customer, max):
        if customer == "unknown":
            return []
        return [stored_order(9007199254740993 + i, customer) for i in range(max)]

    @rpc(required(Long), _throws=[OrderFaultDetail])
    def failOrder(ctx, id):
        raise order_fault(id)

    @rpc(required(Long), required(Long), _returns=required(Long), _out_variable_name="sum")
    def addNumbers(ctx, a, b):
        total = a + b
        if not LONG_MIN <= total <= LONG_MAX:
            # Python's int never overflows; the contract's sum is an xs:long, so say so instead of
            # answering with a value outside its range.
            raise Fault(faultcode="Client", faultstring="sum %d is outside the range of xs:long" % total)
        return total


class QuietHandler(WSGIRequestHandler):
    """Keeps stderr for errors: the Node side shows it when the server dies."""

    def log_message(self, format, *args):
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def main():
    logging.basicConfig(level=logging.ERROR)
    application = Application(
        [InteropService],
        tns=TNS,
        name="InteropService",
        in_protocol=Soap11(validator="lxml"),
        out_protocol=Soap11(),
    )
    server = make_server("127.0.0.1", 0, WsgiApplication(application),
                         server_class=ThreadingWSGIServer, handler_class=QuietHandler)
    print("listening http://127.0.0.1:%d/" % server.server_port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
