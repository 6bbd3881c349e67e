package dev.yolocam.torch;

import static dev.yolocam.torch.PyDataAssert.assertPyEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pickles written by CPython 3.11's own pickle module (numpy 2.4), at every protocol from 0 to 5, read back by
 * the restricted unpickler. They were made by this script (output pasted below, base64):
 *
 * <pre>
 * import pickle, base64, argparse, pathlib, collections, pickletools
 * import numpy as np
 *
 * def value():
 *     shared = [9]
 *     return {
 *         'none': None, 'true': True, 'false': False, 'int': 7, 'int2': 300, 'neg': -123456, 'int64': 2**40,
 *         'big': 2**100, 'negbig': -(2**70), 'float': 0.1, 'inf': float('-inf'),
 *         'str': 'h\u00e9llo \u2713 \U0001F600 \\u0041 \n', 'bytes': b'\x00\xff\n', 'empty_bytes': b'',
 *         'bytearray': bytearray(b'ab'), 'list': [1, [2, 3]], 'tuple': (1, 'a'), 'tuple4': (1, 2, 3, 4),
 *         'empty_tuple': (), 'set': {1, 2}, 'frozenset': frozenset({'x'}), 'int_keys': {1: 'a', -2: 'b'},
 *         'od': collections.OrderedDict([('b', 1), ('a', 2)]), 'shared': shared, 'shared_again': shared,
 *     }
 *
 * for proto in range(6):
 *     data = pickle.dumps(value(), protocol=proto)
 *     ops = sorted({op.name for op, _, _ in pickletools.genops(data)})
 *     print(f'// protocol {proto}: {" ".join(ops)}')
 *     print(f'PROTOCOL_{proto} = "{base64.b64encode(data).decode()}"')
 *
 * objs = {
 *     'numpy_p2': (2, [np.float64(0.5), np.float32(1.5), np.int64(-3), np.bool_(True), np.float16(0.25), np.uint8(200)]),
 *     'numpy_p4': (4, [np.float64(0.5), np.float32(1.5), np.int64(-3), np.bool_(True), np.float16(0.25), np.uint8(200)]),
 *     'objects_p0': (0, [argparse.Namespace(a=1, b='x'), pathlib.PosixPath('/a/b')]),
 *     'objects_p2': (2, [argparse.Namespace(a=1, b='x'), pathlib.PosixPath('/a/b')]),
 *     'objects_p4': (4, [argparse.Namespace(a=1, b='x'), pathlib.PosixPath('/a/b')]),
 * }
 * for name, (proto, v) in objs.items():
 *     data = pickle.dumps(v, protocol=proto)
 *     ops = sorted({op.name for op, _, _ in pickletools.genops(data)})
 *     gl = sorted({str(arg) for op, arg, _ in pickletools.genops(data) if op.name == 'GLOBAL'})
 *     print(f'// {name}: {" ".join(ops)} {gl}')
 *     print(f'{name.upper()} = "{base64.b64encode(data).decode()}"')
 * </pre>
 */
class CPythonPickleFixturesTest {
    /** protocol 0: APPEND DICT FLOAT GET GLOBAL INT LIST LONG MARK NONE PUT REDUCE SETITEM STOP TUPLE UNICODE */
    private static final String PROTOCOL_0 = "KGRwMApWbm9uZQpwMQpOc1Z0cnVlCnAyCkkwMQpzVmZhbHNlCnAzCkkwMApzVmludApwNApJNwpzVmludDIKcDUKSTMwMApz"
            + "Vm5lZwpwNgpJLTEyMzQ1NgpzVmludDY0CnA3CkwxMDk5NTExNjI3Nzc2TApzVmJpZwpwOApMMTI2NzY1MDYwMDIyODIyOTQw"
            + "MTQ5NjcwMzIwNTM3NkwKc1ZuZWdiaWcKcDkKTC0xMTgwNTkxNjIwNzE3NDExMzAzNDI0TApzVmZsb2F0CnAxMApGMC4xCnNW"
            + "aW5mCnAxMQpGLWluZgpzVnN0cgpwMTIKVmjpbGxvIFx1MjcxMyBcVTAwMDFmNjAwIFx1MDA1Y3UwMDQxIFx1MDAwYQpwMTMK"
            + "c1ZieXRlcwpwMTQKY19jb2RlY3MKZW5jb2RlCnAxNQooVlx1MDAwMP9cdTAwMGEKcDE2ClZsYXRpbjEKcDE3CnRwMTgKUnAx"
            + "OQpzVmVtcHR5X2J5dGVzCnAyMApjX19idWlsdGluX18KYnl0ZXMKcDIxCih0UnAyMgpzVmJ5dGVhcnJheQpwMjMKY19fYnVp"
            + "bHRpbl9fCmJ5dGVhcnJheQpwMjQKKGcxNQooVmFiCnAyNQpnMTcKdHAyNgpScDI3CnRwMjgKUnAyOQpzVmxpc3QKcDMwCihs"
            + "cDMxCkkxCmEobHAzMgpJMgphSTMKYWFzVnR1cGxlCnAzMwooSTEKVmEKcDM0CnRwMzUKc1Z0dXBsZTQKcDM2CihJMQpJMgpJ"
            + "MwpJNAp0cDM3CnNWZW1wdHlfdHVwbGUKcDM4Cih0c1ZzZXQKcDM5CmNfX2J1aWx0aW5fXwpzZXQKcDQwCigobHA0MQpJMQph"
            + "STIKYXRwNDIKUnA0MwpzVmZyb3plbnNldApwNDQKY19fYnVpbHRpbl9fCmZyb3plbnNldApwNDUKKChscDQ2ClZ4CnA0Nwph"
            + "dHA0OApScDQ5CnNWaW50X2tleXMKcDUwCihkcDUxCkkxCmczNApzSS0yClZiCnA1Mgpzc1ZvZApwNTMKY2NvbGxlY3Rpb25z"
            + "Ck9yZGVyZWREaWN0CnA1NAoodFJwNTUKZzUyCkkxCnNnMzQKSTIKc3NWc2hhcmVkCnA1NgoobHA1NwpJOQphc1ZzaGFyZWRf"
            + "YWdhaW4KcDU4Cmc1NwpzLg==";

    /** protocol 1: APPEND APPENDS BINFLOAT BINGET BININT BININT1 BININT2 BINPUT BINUNICODE EMPTY_DICT EMPTY_LIST EMPTY_TUPLE GLOBAL INT LONG MARK NONE REDUCE SETITEMS STOP TUPLE */
    private static final String PROTOCOL_1 = "fXEAKFgEAAAAbm9uZXEBTlgEAAAAdHJ1ZXECSTAxClgFAAAAZmFsc2VxA0kwMApYAwAAAGludHEESwdYBAAAAGludDJxBU0s"
            + "AVgDAAAAbmVncQZKwB3+/1gFAAAAaW50NjRxB0wxMDk5NTExNjI3Nzc2TApYAwAAAGJpZ3EITDEyNjc2NTA2MDAyMjgyMjk0"
            + "MDE0OTY3MDMyMDUzNzZMClgGAAAAbmVnYmlncQlMLTExODA1OTE2MjA3MTc0MTEzMDM0MjRMClgFAAAAZmxvYXRxCkc/uZmZ"
            + "mZmZmlgDAAAAaW5mcQtH//AAAAAAAABYAwAAAHN0cnEMWBgAAABow6lsbG8g4pyTIPCfmIAgXHUwMDQxIApxDVgFAAAAYnl0"
            + "ZXNxDmNfY29kZWNzCmVuY29kZQpxDyhYBAAAAADDvwpxEFgGAAAAbGF0aW4xcRF0cRJScRNYCwAAAGVtcHR5X2J5dGVzcRRj"
            + "X19idWlsdGluX18KYnl0ZXMKcRUpUnEWWAkAAABieXRlYXJyYXlxF2NfX2J1aWx0aW5fXwpieXRlYXJyYXkKcRgoaA8oWAIA"
            + "AABhYnEZaBF0cRpScRt0cRxScR1YBAAAAGxpc3RxHl1xHyhLAV1xIChLAksDZWVYBQAAAHR1cGxlcSEoSwFYAQAAAGFxInRx"
            + "I1gGAAAAdHVwbGU0cSQoSwFLAksDSwR0cSVYCwAAAGVtcHR5X3R1cGxlcSYpWAMAAABzZXRxJ2NfX2J1aWx0aW5fXwpzZXQK"
            + "cSgoXXEpKEsBSwJldHEqUnErWAkAAABmcm96ZW5zZXRxLGNfX2J1aWx0aW5fXwpmcm96ZW5zZXQKcS0oXXEuWAEAAAB4cS9h"
            + "dHEwUnExWAgAAABpbnRfa2V5c3EyfXEzKEsBaCJK/v///1gBAAAAYnE0dVgCAAAAb2RxNWNjb2xsZWN0aW9ucwpPcmRlcmVk"
            + "RGljdApxNilScTcoaDRLAWgiSwJ1WAYAAABzaGFyZWRxOF1xOUsJYVgMAAAAc2hhcmVkX2FnYWlucTpoOXUu";

    /** protocol 2: APPEND APPENDS BINFLOAT BINGET BININT BININT1 BININT2 BINPUT BINUNICODE EMPTY_DICT EMPTY_LIST EMPTY_TUPLE GLOBAL LONG1 MARK NEWFALSE NEWTRUE NONE PROTO REDUCE SETITEMS STOP TUPLE TUPLE1 TUPLE2 */
    private static final String PROTOCOL_2 = "gAJ9cQAoWAQAAABub25lcQFOWAQAAAB0cnVlcQKIWAUAAABmYWxzZXEDiVgDAAAAaW50cQRLB1gEAAAAaW50MnEFTSwBWAMA"
            + "AABuZWdxBkrAHf7/WAUAAABpbnQ2NHEHigYAAAAAAAFYAwAAAGJpZ3EIig0AAAAAAAAAAAAAAAAQWAYAAABuZWdiaWdxCYoJ"
            + "AAAAAAAAAADAWAUAAABmbG9hdHEKRz+5mZmZmZmaWAMAAABpbmZxC0f/8AAAAAAAAFgDAAAAc3RycQxYGAAAAGjDqWxsbyDi"
            + "nJMg8J+YgCBcdTAwNDEgCnENWAUAAABieXRlc3EOY19jb2RlY3MKZW5jb2RlCnEPWAQAAAAAw78KcRBYBgAAAGxhdGluMXER"
            + "hnESUnETWAsAAABlbXB0eV9ieXRlc3EUY19fYnVpbHRpbl9fCmJ5dGVzCnEVKVJxFlgJAAAAYnl0ZWFycmF5cRdjX19idWls"
            + "dGluX18KYnl0ZWFycmF5CnEYaA9YAgAAAGFicRloEYZxGlJxG4VxHFJxHVgEAAAAbGlzdHEeXXEfKEsBXXEgKEsCSwNlZVgF"
            + "AAAAdHVwbGVxIUsBWAEAAABhcSKGcSNYBgAAAHR1cGxlNHEkKEsBSwJLA0sEdHElWAsAAABlbXB0eV90dXBsZXEmKVgDAAAA"
            + "c2V0cSdjX19idWlsdGluX18Kc2V0CnEoXXEpKEsBSwJlhXEqUnErWAkAAABmcm96ZW5zZXRxLGNfX2J1aWx0aW5fXwpmcm96"
            + "ZW5zZXQKcS1dcS5YAQAAAHhxL2GFcTBScTFYCAAAAGludF9rZXlzcTJ9cTMoSwFoIkr+////WAEAAABicTR1WAIAAABvZHE1"
            + "Y2NvbGxlY3Rpb25zCk9yZGVyZWREaWN0CnE2KVJxNyhoNEsBaCJLAnVYBgAAAHNoYXJlZHE4XXE5SwlhWAwAAABzaGFyZWRf"
            + "YWdhaW5xOmg5dS4=";

    /** protocol 3: APPEND APPENDS BINFLOAT BINGET BININT BININT1 BININT2 BINPUT BINUNICODE EMPTY_DICT EMPTY_LIST EMPTY_TUPLE GLOBAL LONG1 MARK NEWFALSE NEWTRUE NONE PROTO REDUCE SETITEMS SHORT_BINBYTES STOP TUPLE TUPLE1 TUPLE2 */
    private static final String PROTOCOL_3 = "gAN9cQAoWAQAAABub25lcQFOWAQAAAB0cnVlcQKIWAUAAABmYWxzZXEDiVgDAAAAaW50cQRLB1gEAAAAaW50MnEFTSwBWAMA"
            + "AABuZWdxBkrAHf7/WAUAAABpbnQ2NHEHigYAAAAAAAFYAwAAAGJpZ3EIig0AAAAAAAAAAAAAAAAQWAYAAABuZWdiaWdxCYoJ"
            + "AAAAAAAAAADAWAUAAABmbG9hdHEKRz+5mZmZmZmaWAMAAABpbmZxC0f/8AAAAAAAAFgDAAAAc3RycQxYGAAAAGjDqWxsbyDi"
            + "nJMg8J+YgCBcdTAwNDEgCnENWAUAAABieXRlc3EOQwMA/wpxD1gLAAAAZW1wdHlfYnl0ZXNxEEMAcRFYCQAAAGJ5dGVhcnJh"
            + "eXESY2J1aWx0aW5zCmJ5dGVhcnJheQpxE0MCYWJxFIVxFVJxFlgEAAAAbGlzdHEXXXEYKEsBXXEZKEsCSwNlZVgFAAAAdHVw"
            + "bGVxGksBWAEAAABhcRuGcRxYBgAAAHR1cGxlNHEdKEsBSwJLA0sEdHEeWAsAAABlbXB0eV90dXBsZXEfKVgDAAAAc2V0cSBj"
            + "YnVpbHRpbnMKc2V0CnEhXXEiKEsBSwJlhXEjUnEkWAkAAABmcm96ZW5zZXRxJWNidWlsdGlucwpmcm96ZW5zZXQKcSZdcSdY"
            + "AQAAAHhxKGGFcSlScSpYCAAAAGludF9rZXlzcSt9cSwoSwFoG0r+////WAEAAABicS11WAIAAABvZHEuY2NvbGxlY3Rpb25z"
            + "Ck9yZGVyZWREaWN0CnEvKVJxMChoLUsBaBtLAnVYBgAAAHNoYXJlZHExXXEySwlhWAwAAABzaGFyZWRfYWdhaW5xM2gydS4=";

    /** protocol 4: ADDITEMS APPEND APPENDS BINFLOAT BINGET BININT BININT1 BININT2 EMPTY_DICT EMPTY_LIST EMPTY_SET EMPTY_TUPLE FRAME FROZENSET LONG1 MARK MEMOIZE NEWFALSE NEWTRUE NONE PROTO REDUCE SETITEMS SHORT_BINBYTES SHORT_BINUNICODE STACK_GLOBAL STOP TUPLE TUPLE1 TUPLE2 */
    private static final String PROTOCOL_4 = "gASV1gEAAAAAAAB9lCiMBG5vbmWUTowEdHJ1ZZSIjAVmYWxzZZSJjANpbnSUSweMBGludDKUTSwBjANuZWeUSsAd/v+MBWlu"
            + "dDY0lIoGAAAAAAABjANiaWeUig0AAAAAAAAAAAAAAAAQjAZuZWdiaWeUigkAAAAAAAAAAMCMBWZsb2F0lEc/uZmZmZmZmowD"
            + "aW5mlEf/8AAAAAAAAIwDc3RylIwYaMOpbGxvIOKckyDwn5iAIFx1MDA0MSAKlIwFYnl0ZXOUQwMA/wqUjAtlbXB0eV9ieXRl"
            + "c5RDAJSMCWJ5dGVhcnJheZSMCGJ1aWx0aW5zlIwJYnl0ZWFycmF5lJOUQwJhYpSFlFKUjARsaXN0lF2UKEsBXZQoSwJLA2Vl"
            + "jAV0dXBsZZRLAYwBYZSGlIwGdHVwbGU0lChLAUsCSwNLBHSUjAtlbXB0eV90dXBsZZQpjANzZXSUj5QoSwFLApCMCWZyb3pl"
            + "bnNldJQojAF4lJGUjAhpbnRfa2V5c5R9lChLAWgdSv7///+MAWKUdYwCb2SUjAtjb2xsZWN0aW9uc5SMC09yZGVyZWREaWN0"
            + "lJOUKVKUKGgpSwFoHUsCdYwGc2hhcmVklF2USwlhjAxzaGFyZWRfYWdhaW6UaDB1Lg==";

    /** protocol 5: ADDITEMS APPEND APPENDS BINFLOAT BINGET BININT BININT1 BININT2 BYTEARRAY8 EMPTY_DICT EMPTY_LIST EMPTY_SET EMPTY_TUPLE FRAME FROZENSET LONG1 MARK MEMOIZE NEWFALSE NEWTRUE NONE PROTO REDUCE SETITEMS SHORT_BINBYTES SHORT_BINUNICODE STACK_GLOBAL STOP TUPLE TUPLE2 */
    private static final String PROTOCOL_5 = "gAWVwAEAAAAAAAB9lCiMBG5vbmWUTowEdHJ1ZZSIjAVmYWxzZZSJjANpbnSUSweMBGludDKUTSwBjANuZWeUSsAd/v+MBWlu"
            + "dDY0lIoGAAAAAAABjANiaWeUig0AAAAAAAAAAAAAAAAQjAZuZWdiaWeUigkAAAAAAAAAAMCMBWZsb2F0lEc/uZmZmZmZmowD"
            + "aW5mlEf/8AAAAAAAAIwDc3RylIwYaMOpbGxvIOKckyDwn5iAIFx1MDA0MSAKlIwFYnl0ZXOUQwMA/wqUjAtlbXB0eV9ieXRl"
            + "c5RDAJSMCWJ5dGVhcnJheZSWAgAAAAAAAABhYpSMBGxpc3SUXZQoSwFdlChLAksDZWWMBXR1cGxllEsBjAFhlIaUjAZ0dXBs"
            + "ZTSUKEsBSwJLA0sEdJSMC2VtcHR5X3R1cGxllCmMA3NldJSPlChLAUsCkIwJZnJvemVuc2V0lCiMAXiUkZSMCGludF9rZXlz"
            + "lH2UKEsBaBhK/v///4wBYpR1jAJvZJSMC2NvbGxlY3Rpb25zlIwLT3JkZXJlZERpY3SUk5QpUpQoaCRLAWgYSwJ1jAZzaGFy"
            + "ZWSUXZRLCWGMDHNoYXJlZF9hZ2FpbpRoK3Uu";

    /** numpy_p2: APPENDS BINGET BININT BININT1 BINPUT BINUNICODE BUILD EMPTY_LIST GLOBAL MARK NEWFALSE NEWTRUE NONE PROTO REDUCE STOP TUPLE TUPLE2 TUPLE3 ['_codecs encode', 'numpy dtype', 'numpy._core.multiarray scalar'] */
    private static final String NUMPY_P2 = "gAJdcQAoY251bXB5Ll9jb3JlLm11bHRpYXJyYXkKc2NhbGFyCnEBY251bXB5CmR0eXBlCnECWAIAAABmOHEDiYiHcQRScQUo"
            + "SwNYAQAAADxxBk5OTkr/////Sv////9LAHRxB2JjX2NvZGVjcwplbmNvZGUKcQhYCQAAAAAAAAAAAMOgP3EJWAYAAABsYXRp"
            + "bjFxCoZxC1JxDIZxDVJxDmgBaAJYAgAAAGY0cQ+JiIdxEFJxEShLA2gGTk5OSv////9K/////0sAdHESYmgIWAUAAAAAAMOA"
            + "P3ETaAqGcRRScRWGcRZScRdoAWgCWAIAAABpOHEYiYiHcRlScRooSwNoBk5OTkr/////Sv////9LAHRxG2JoCFgQAAAAw73D"
            + "v8O/w7/Dv8O/w7/Dv3EcaAqGcR1ScR6GcR9ScSBoAWgCWAIAAABiMXEhiYiHcSJScSMoSwNYAQAAAHxxJE5OTkr/////Sv//"
            + "//9LAHRxJWJoCFgBAAAAAXEmaAqGcSdScSiGcSlScSpoAWgCWAIAAABmMnEriYiHcSxScS0oSwNoBk5OTkr/////Sv////9L"
            + "AHRxLmJoCFgCAAAAADRxL2gKhnEwUnExhnEyUnEzaAFoAlgCAAAAdTFxNImIh3E1UnE2KEsDaCROTk5K/////0r/////SwB0"
            + "cTdiaAhYAgAAAMOIcThoCoZxOVJxOoZxO1JxPGUu";

    /** numpy_p4: APPENDS BINGET BININT BININT1 BUILD EMPTY_LIST FRAME MARK MEMOIZE NEWFALSE NEWTRUE NONE PROTO REDUCE SHORT_BINBYTES SHORT_BINUNICODE STACK_GLOBAL STOP TUPLE TUPLE2 TUPLE3 [] */
    private static final String NUMPY_P4 = "gASVYQEAAAAAAABdlCiMFm51bXB5Ll9jb3JlLm11bHRpYXJyYXmUjAZzY2FsYXKUk5SMBW51bXB5lIwFZHR5cGWUk5SMAmY4"
            + "lImIh5RSlChLA4wBPJROTk5K/////0r/////SwB0lGJDCAAAAAAAAOA/lIaUUpRoA2gGjAJmNJSJiIeUUpQoSwNoCk5OTkr/"
            + "////Sv////9LAHSUYkMEAADAP5SGlFKUaANoBowCaTiUiYiHlFKUKEsDaApOTk5K/////0r/////SwB0lGJDCP3/////////"
            + "lIaUUpRoA2gGjAJiMZSJiIeUUpQoSwOMAXyUTk5OSv////9K/////0sAdJRiQwEBlIaUUpRoA2gGjAJmMpSJiIeUUpQoSwNo"
            + "Ck5OTkr/////Sv////9LAHSUYkMCADSUhpRSlGgDaAaMAnUxlImIh5RSlChLA2ggTk5OSv////9K/////0sAdJRiQwHIlIaU"
            + "UpRlLg==";

    /** objects_p0: APPEND BUILD DICT GET GLOBAL INT LIST MARK NONE PUT REDUCE SETITEM STOP TUPLE UNICODE ['__builtin__ object', 'argparse Namespace', 'copy_reg _reconstructor', 'pathlib PosixPath'] */
    private static final String OBJECTS_P0 = "KGxwMApjY29weV9yZWcKX3JlY29uc3RydWN0b3IKcDEKKGNhcmdwYXJzZQpOYW1lc3BhY2UKcDIKY19fYnVpbHRpbl9fCm9i"
            + "amVjdApwMwpOdHA0ClJwNQooZHA2ClZhCnA3CkkxCnNWYgpwOApWeApwOQpzYmFjcGF0aGxpYgpQb3NpeFBhdGgKcDEwCihW"
            + "LwpwMTEKZzcKZzgKdHAxMgpScDEzCmEu";

    /** objects_p2: APPENDS BINGET BININT1 BINPUT BINUNICODE BUILD EMPTY_DICT EMPTY_LIST EMPTY_TUPLE GLOBAL MARK NEWOBJ PROTO REDUCE SETITEMS STOP TUPLE3 ['argparse Namespace', 'pathlib PosixPath'] */
    private static final String OBJECTS_P2 = "gAJdcQAoY2FyZ3BhcnNlCk5hbWVzcGFjZQpxASmBcQJ9cQMoWAEAAABhcQRLAVgBAAAAYnEFWAEAAAB4cQZ1YmNwYXRobGli"
            + "ClBvc2l4UGF0aApxB1gBAAAAL3EIaARoBYdxCVJxCmUu";

    /** objects_p4: APPENDS BINGET BININT1 BUILD EMPTY_DICT EMPTY_LIST EMPTY_TUPLE FRAME MARK MEMOIZE NEWOBJ PROTO REDUCE SETITEMS SHORT_BINUNICODE STACK_GLOBAL STOP TUPLE3 [] */
    private static final String OBJECTS_P4 = "gASVWAAAAAAAAABdlCiMCGFyZ3BhcnNllIwJTmFtZXNwYWNllJOUKYGUfZQojAFhlEsBjAFilIwBeJR1YowHcGF0aGxpYpSM"
            + "CVBvc2l4UGF0aJSTlIwBL5RoBmgHh5RSlGUu";

    /** The dict value() builds, in Java terms (see {@link PyDataAssert}). */
    private static Map<String, Object> expectedValue() {
        List<Object> shared = new ArrayList<>(List.of(9));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("none", null);
        value.put("true", true);
        value.put("false", false);
        value.put("int", 7);
        value.put("int2", 300);
        value.put("neg", -123456);
        value.put("int64", 1L << 40);
        value.put("big", BigInteger.TWO.pow(100));
        value.put("negbig", BigInteger.TWO.pow(70).negate());
        value.put("float", 0.1);
        value.put("inf", Double.NEGATIVE_INFINITY);
        value.put("str", "h\u00e9llo \u2713 \uD83D\uDE00 \\u0041 \n");
        value.put("bytes", new byte[] {0, (byte) 0xff, '\n'});
        value.put("empty_bytes", new byte[0]);
        value.put("bytearray", new byte[] {'a', 'b'});
        value.put("list", new ArrayList<>(List.of(1, new ArrayList<>(List.of(2, 3)))));
        value.put("tuple", new Object[] {1, "a"});
        value.put("tuple4", new Object[] {1, 2, 3, 4});
        value.put("empty_tuple", new Object[0]);
        value.put("set", new LinkedHashSet<>(List.of(1, 2)));
        value.put("frozenset", Collections.unmodifiableSet(new LinkedHashSet<>(List.of("x"))));
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "a");
        intKeys.put(-2, "b");
        value.put("int_keys", intKeys);
        Map<Object, Object> ordered = new LinkedHashMap<>();
        ordered.put("b", 1);
        ordered.put("a", 2);
        value.put("od", ordered);
        value.put("shared", shared);
        value.put("shared_again", shared);
        return value;
    }

    private static Object load(String base64) {
        return RestrictedUnpickler.loads(Base64.getDecoder().decode(base64));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void everyProtocolGivesTheSameValue(int protocol) {
        String pickle = List.of(PROTOCOL_0, PROTOCOL_1, PROTOCOL_2, PROTOCOL_3, PROTOCOL_4, PROTOCOL_5).get(protocol);
        Map<?, ?> actual = (Map<?, ?>) load(pickle);
        assertPyEquals(expectedValue(), actual);
        assertSame(actual.get("shared"), actual.get("shared_again"), "one list pickled twice stays one list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p2", "p4"})
    void numpyScalarsBecomeJavaNumbers(String protocol) {
        Object actual = load(protocol.equals("p2") ? NUMPY_P2 : NUMPY_P4);
        assertPyEquals(new ArrayList<>(List.of(0.5, 1.5, -3, true, 0.25, 200)), actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p0", "p2", "p4"})
    void namespacesAndPathsStayInertObjects(String protocol) {
        Object actual = load(switch (protocol) {
            case "p0" -> OBJECTS_P0;
            case "p2" -> OBJECTS_P2;
            default -> OBJECTS_P4;
        });
        Map<String, Object> namespaceState = new LinkedHashMap<>();
        namespaceState.put("a", 1);
        namespaceState.put("b", "x");
        List<Object> expected = new ArrayList<>();
        expected.add(new PyObject("argparse.Namespace", List.of(), namespaceState));
        expected.add(new PyObject("pathlib.PosixPath", List.of("/", "a", "b"), Map.of()));
        assertPyEquals(expected, actual);
    }

    @Test
    void protocolZeroRecordsItsPython2GlobalNamesAsWritten() {
        RestrictedUnpickler unpickler = new RestrictedUnpickler(null, ReaderLimits.DEFAULT,
                RestrictedUnpickler.noPersistentIds());
        unpickler.load(Base64.getDecoder().decode(OBJECTS_P0));
        assertEquals(List.of("__builtin__ object", "argparse Namespace", "copy_reg _reconstructor",
                "pathlib PosixPath"), unpickler.globalsSeen());
    }
}
