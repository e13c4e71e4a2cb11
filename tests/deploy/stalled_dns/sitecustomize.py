"""Put on PYTHONPATH of a test server: name look-ups of checkip.amazonaws.com hang for
``H200_TEST_DNS_STALL`` seconds and then fail, as on a network that silently drops traffic."""

import os
import socket
import time

_real_getaddrinfo = socket.getaddrinfo
_STALL = float(os.environ.get("H200_TEST_DNS_STALL", "2"))


def _stalled_getaddrinfo(host, *args, **kwargs):
    if isinstance(host, str) and "checkip" in host:
        time.sleep(_STALL)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution (simulated)")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _stalled_getaddrinfo
